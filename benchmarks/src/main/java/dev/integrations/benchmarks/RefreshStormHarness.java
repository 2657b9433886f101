package dev.integrations.benchmarks;

import dev.integrations.Integrations;
import dev.integrations.AuthManager;
import dev.integrations.auth.oauth2.OAuth2Flow;
import dev.integrations.github.auth.GithubUserCredentials;
import dev.integrations.github.sandbox.GithubSandbox;
import dev.integrations.github.sandbox.SandboxApp;
import dev.integrations.github.sandbox.SandboxBrowser;
import dev.integrations.github.sandbox.SandboxClock;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Refresh storm latency (issue 3): {@value #INSTANCES} {@link AuthManager}s (application
 * instances) over one shared store, and N concurrent sessions for one subject whose token has
 * expired, against the GitHub sandbox with expiring, rotating tokens and a frozen clock advanced
 * 9 hours between rounds. Each round is a fresh storm: exactly one refresh must reach the sandbox,
 * every session must get the rotated token; the latency of every session open is recorded, and
 * p50/p90/p99/max are reported over all measured rounds (nearest-rank percentiles; no histogram
 * library).
 *
 * <p>Not a JMH benchmark: a storm is a burst that JMH's steady-state modes cannot synchronise
 * across threads. Run it from the benchmarks jar:
 * {@code java -cp benchmarks/target/benchmarks.jar dev.integrations.benchmarks.RefreshStormHarness
 * [--store memory|sqlite|postgres|all] [--sessions 200] [--threads sessions] [--rounds 30] [--warmup 5]}.
 */
public final class RefreshStormHarness {
    static final int INSTANCES = 4;
    private static final String TOKEN_PATH = "/login/oauth/access_token";
    private static final String SUBJECT = "storm-user";

    private RefreshStormHarness() {
    }

    public static void main(String[] args) throws Exception {
        // The sandbox is a JDK HttpServer: without TCP_NODELAY its separate header and body writes
        // meet the client's delayed ACK and every refresh costs ~40 ms of loopback artefact.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
        Map<String, String> options = parse(args);
        String stores = options.getOrDefault("store", "all");
        int sessions = Integer.parseInt(options.getOrDefault("sessions", "200"));
        int threads = Integer.parseInt(options.getOrDefault("threads", String.valueOf(sessions)));
        int rounds = Integer.parseInt(options.getOrDefault("rounds", "30"));
        int warmup = Integer.parseInt(options.getOrDefault("warmup", "5"));

        System.out.printf(Locale.ROOT, "Refresh storm: %d AuthManagers, %d sessions per storm on %d threads, %d warm-up + %d"
                + " measured rounds; %s, %d cores%n", INSTANCES, sessions, threads, warmup, rounds,
                Runtime.version(), Runtime.getRuntime().availableProcessors());
        List<String> names = stores.equals("all") ? StormStores.NAMES : List.of(stores.split(","));
        for (String name : names) {
            try (StormStores.Storage storage = StormStores.open(name)) {
                run(name, storage, sessions, threads, rounds, warmup);
            }
        }
    }

    private static void run(String name, StormStores.Storage storage, int sessions, int threads, int rounds, int warmup)
            throws Exception {
        SandboxClock clock = SandboxClock.frozenAt(Instant.parse("2026-11-26T12:00:00Z"));
        try (GithubSandbox sandbox = GithubSandbox.builder().clock(clock).build()) {
            SandboxApp app = sandbox.registerApp(new SandboxApp("Iv1.storm", "storm-secret", "http://127.0.0.1/callback")
                    .withExpiringTokens(true));
            List<AuthManager> instances = new ArrayList<>();
            for (int i = 0; i < INSTANCES; i++) {
                instances.add(AuthManager.builder().environment(sandbox.environment()).clock(clock)
                        .provider("github", Map.of("client_id", app.clientId(), "client_secret", app.clientSecret()))
                        .credentialStore(storage.storeForInstance(i, clock))
                        .refreshLockTimeout(Duration.ofSeconds(20))
                        .build());
            }
            OAuth2Flow<GithubUserCredentials> flow = instances.get(0).github().oauth2();
            GithubUserCredentials original = flow.exchange(e -> e.authorizationResponse(
                    SandboxBrowser.approve(flow.authorize().authorizationUrl())));
            instances.get(0).storeCredentials("github", SUBJECT, original);

            ExecutorService pool = Executors.newFixedThreadPool(threads);
            long[] latencies = new long[sessions * rounds];
            long[] stormWall = new long[rounds];
            int refreshes = 0;
            try {
                for (int round = 0; round < warmup + rounds; round++) {
                    clock.advance(Duration.ofHours(9));
                    sandbox.clearRequests();
                    long[] sample = new long[sessions];
                    long wall = storm(pool, instances, sessions, sample);
                    String expected = instances.get(round % INSTANCES)
                            .loadCredentials("github", SUBJECT, GithubUserCredentials.class).orElseThrow().accessToken();
                    int tokenRequests = sandbox.requests(TOKEN_PATH).size();
                    if (tokenRequests != 1) {
                        throw new IllegalStateException(name + ": " + tokenRequests + " refresh requests reached the"
                                + " sandbox in round " + round + "; expected exactly 1");
                    }
                    checkTokens(instances, expected);
                    if (round >= warmup) {
                        int m = round - warmup;
                        System.arraycopy(sample, 0, latencies, m * sessions, sessions);
                        stormWall[m] = wall;
                        refreshes += tokenRequests;
                    }
                }
            } finally {
                pool.shutdownNow();
            }
            Arrays.sort(latencies);
            Arrays.sort(stormWall);
            System.out.printf(Locale.ROOT, "%-9s session open during a storm (n=%d): p50 %s  p90 %s  p99 %s  max %s  mean %s;"
                            + " storm wall time p50 %s; refresh requests %d in %d storms%n",
                    name, latencies.length, ms(percentile(latencies, 0.50)), ms(percentile(latencies, 0.90)),
                    ms(percentile(latencies, 0.99)), ms(latencies[latencies.length - 1]), ms(mean(latencies)),
                    ms(percentile(stormWall, 0.50)), refreshes, rounds);
        }
    }

    /** One storm: all sessions released at once; returns the wall time from release to the last session. */
    private static long storm(ExecutorService pool, List<AuthManager> instances, int sessions, long[] latencies)
            throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>(sessions);
        for (int i = 0; i < sessions; i++) {
            AuthManager auth = instances.get(i % INSTANCES);
            int slot = i;
            done.add(pool.submit(() -> {
                start.await();
                long t0 = System.nanoTime();
                try (Integrations integrations = auth.session(SUBJECT)) {
                    if (integrations.github().settings().token() == null) {
                        throw new IllegalStateException("session without a token");
                    }
                }
                latencies[slot] = System.nanoTime() - t0;
                return null;
            }));
        }
        long released = System.nanoTime();
        start.countDown();
        for (Future<?> f : done) {
            f.get(60, TimeUnit.SECONDS);
        }
        return System.nanoTime() - released;
    }

    /** After a storm every instance's session must carry the rotated token. */
    private static void checkTokens(List<AuthManager> instances, String expected) {
        for (AuthManager auth : instances) {
            try (Integrations integrations = auth.session(SUBJECT)) {
                if (!expected.equals(integrations.github().settings().token())) {
                    throw new IllegalStateException("a session did not get the rotated token");
                }
            }
        }
    }

    static long percentile(long[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    private static long mean(long[] values) {
        long sum = 0;
        for (long v : values) {
            sum += v;
        }
        return sum / values.length;
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.3f ms", nanos / 1_000_000.0);
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> options = new java.util.HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("usage: [--store memory|sqlite|postgres|all] [--sessions N] [--threads N]"
                        + " [--rounds N] [--warmup N]");
            }
            options.put(args[i].substring(2), args[++i]);
        }
        return options;
    }
}
