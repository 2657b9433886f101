package dev.integrations.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Turns JMH JSON results ({@code -rf json}) into one markdown table of ratios (issue 12):
 * {@code java -cp benchmarks/target/benchmarks.jar dev.integrations.benchmarks.BenchTable results/*.json}
 * (what {@code scripts/bench-table.sh} runs).
 *
 * <p>Each file is one round; a benchmark measured in several rounds (the interleaved runs of
 * {@code scripts/bench-peers.sh}) is summarised by the median over rounds of its per-round value:
 * the median ({@code p50}) for SampleTime results, the mean for AverageTime ones. Allocation is
 * JMH's {@code gc.alloc.rate.norm} (bytes per operation, from {@code -prof gc}), averaged over
 * rounds: it hardly depends on the machine's load, so it is the robust column on a shared machine.
 */
public final class BenchTable {
    /** subject, baseline, target ratio (subject / baseline at most this), what the pair shows. */
    private record Pair(String subject, String baseline, double target, String label) {
    }

    private static final List<Pair> PAIRS = List.of(
            new Pair("sdkOkHttp", "okHttpJackson", 1.15, "SDK on OkHttp vs OkHttp + Jackson"),
            new Pair("sdkJdk", "jdkJackson", 1.10, "SDK on JDK vs JDK HttpClient + Jackson"),
            new Pair("sdkOkHttp", "hub4jGetMyself", 1.0, "SDK on OkHttp vs hub4j getMyself()"),
            new Pair("sdkJdk", "hub4jGetMyself", 1.0, "SDK on JDK vs hub4j getMyself()"),
            new Pair("sessionOpen", "selectFloor", 1.2, "session open vs bare PK SELECT"),
            new Pair("springLoad", "selectFloor", Double.NaN, "Spring JdbcOAuth2AuthorizedClientService vs bare SELECT"),
            new Pair("sessionOpen", "springLoad", Double.NaN, "session open vs Spring's service"));

    private BenchTable() {
    }

    /** One benchmark's values over rounds. */
    private static final class Series {
        final List<Double> times = new ArrayList<>();
        final List<Double> allocs = new ArrayList<>();
        String unit = "";

        double time() {
            return median(times);
        }

        double alloc() {
            return allocs.isEmpty() ? Double.NaN : allocs.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        }
    }

    /**
     * Prints the table.
     *
     * @param args JMH JSON result files, one per round
     * @throws IOException when a file cannot be read
     */
    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: BenchTable result.json [more rounds...]");
            System.exit(2);
        }
        ObjectMapper mapper = new ObjectMapper();
        // key: "<group>|<method>", group = threads and parameters
        Map<String, Series> series = new TreeMap<>();
        for (String file : args) {
            for (JsonNode result : mapper.readTree(Path.of(file).toFile())) {
                String name = result.get("benchmark").asText();
                String method = name.substring(name.lastIndexOf('.') + 1);
                StringBuilder group = new StringBuilder(result.get("threads").asInt() + " thread(s)");
                result.path("params").fields().forEachRemaining(p -> group.append(", ").append(p.getValue().asText()));
                Series s = series.computeIfAbsent(group + "|" + method, k -> new Series());
                JsonNode primary = result.get("primaryMetric");
                JsonNode p50 = primary.path("scorePercentiles").path("50.0");
                boolean sample = result.get("mode").asText().equals("sample");
                s.times.add(sample && p50.isNumber() ? p50.asDouble() : primary.get("score").asDouble());
                s.unit = primary.get("scoreUnit").asText() + (sample ? " p50" : " mean");
                result.path("secondaryMetrics").fields().forEachRemaining(m -> {
                    if (m.getKey().endsWith("gc.alloc.rate.norm")) {
                        s.allocs.add(m.getValue().get("score").asDouble());
                    }
                });
            }
        }
        System.out.println("| benchmark | group | time | unit | B/op | rounds |");
        System.out.println("|---|---|---|---|---|---|");
        series.forEach((key, s) -> {
            String[] parts = key.split("\\|");
            System.out.printf(Locale.ROOT, "| %s | %s | %.1f | %s | %s | %d |%n", parts[1], parts[0], s.time(), s.unit,
                    kb(s.alloc()), s.times.size());
        });
        System.out.println();
        System.out.println("| comparison | group | subject | baseline | ratio | target | B/op subject / baseline |");
        System.out.println("|---|---|---|---|---|---|---|");
        List<String> groups = series.keySet().stream().map(k -> k.split("\\|")[0]).distinct().toList();
        for (Pair pair : PAIRS) {
            for (String group : groups) {
                Series subject = series.get(group + "|" + pair.subject());
                Series baseline = series.get(group + "|" + pair.baseline());
                if (subject == null || baseline == null) {
                    continue;
                }
                double ratio = subject.time() / baseline.time();
                String target = Double.isNaN(pair.target()) ? "—"
                        : String.format(Locale.ROOT, "≤ %.2fx: %s", pair.target(), ratio <= pair.target() ? "met" : "**missed**");
                System.out.printf(Locale.ROOT, "| %s | %s | %.1f | %.1f | %.2fx | %s | %s / %s |%n", pair.label(), group,
                        subject.time(), baseline.time(), ratio, target, kb(subject.alloc()), kb(baseline.alloc()));
            }
        }
    }

    private static String kb(double bytes) {
        return Double.isNaN(bytes) ? "—" : String.format(Locale.ROOT, "%.1f KB", bytes / 1024);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }
}
