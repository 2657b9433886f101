package dev.integrations.architecture;

import dev.integrations.github.client.GithubClients;
import dev.integrations.Integrations;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps the SDK's packages free of dependency cycles, read from the compiled classes with
 * {@code jdeps} (so a dependency in a method body counts as much as one in a signature).
 *
 * <p>A few dependencies that close a cycle are known and listed in {@link #KNOWN_BACK_EDGES}, each
 * with the reason it exists: the test removes them, then requires the rest of the graph to be
 * acyclic. It also requires every listed edge to still exist, so the list only ever shrinks.
 */
class PackageCycleTest {
    private static final String ROOT = "dev.integrations";

    /** Dependencies that point back up the layering, and why they are still there. */
    static final Map<String, String> KNOWN_BACK_EDGES = new LinkedHashMap<>();

    private static final Pattern EDGE = Pattern.compile("^\\s+(dev\\.integrations[\\w.]*)\\s+->\\s+(dev\\.integrations[\\w.]*)\\s");

    @Test
    @DisplayName("issue 8: no package cycle among the SDK's packages beyond the listed back edges")
    void noPackageCycles() throws Exception {
        Map<String, Set<String>> graph = packageGraph();
        assertThat(graph).containsKeys(ROOT, ROOT + ".github", ROOT + ".auth");

        List<String> stale = KNOWN_BACK_EDGES.keySet().stream().filter(edge -> {
            String[] ends = edge.split(" -> ");
            return !graph.getOrDefault(ends[0], Set.of()).contains(ends[1]);
        }).collect(Collectors.toList());
        assertThat(stale).as("listed back edges that no longer exist: remove them from the list").isEmpty();

        KNOWN_BACK_EDGES.keySet().forEach(edge -> {
            String[] ends = edge.split(" -> ");
            graph.get(ends[0]).remove(ends[1]);
        });
        assertThat(cycles(graph)).as("package cycles (each group depends on itself through its members)").isEmpty();
    }

    @Test
    @DisplayName("issue 8: the root package is the top layer (entry points only): no SDK package depends on it")
    void nothingDependsOnTheRootPackage() throws Exception {
        Map<String, Set<String>> graph = packageGraph();
        assertThat(graph).containsKeys(ROOT, ROOT + ".core");
        List<String> users = graph.entrySet().stream().filter(e -> e.getValue().contains(ROOT)).map(Map.Entry::getKey)
                .collect(Collectors.toList());
        assertThat(users).as("packages that depend on %s", ROOT).isEmpty();
        assertThat(graph.get(ROOT + ".core")).as("%s.core is the bottom layer", ROOT).isEmpty();
    }

    @Test
    @DisplayName("the cycle check finds a cycle in a graph that has one, and none in a layered one")
    void cycleCheckWorks() {
        Map<String, Set<String>> cyclic = new TreeMap<>();
        cyclic.put("a", new TreeSet<>(Set.of("b")));
        cyclic.put("b", new TreeSet<>(Set.of("c")));
        cyclic.put("c", new TreeSet<>(Set.of("a")));
        cyclic.put("d", new TreeSet<>(Set.of("a")));
        assertThat(cycles(cyclic)).containsExactly(List.of("a", "b", "c"));

        cyclic.get("c").clear();
        assertThat(cycles(cyclic)).isEmpty();
    }

    /** {@code jdeps -verbose:package} over the module's classes: package to the SDK packages it uses. */
    private static Map<String, Set<String>> packageGraph() throws Exception {
        Path classes = Paths.get(Integrations.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        // The descriptor requires Jackson and SLF4J: jdeps resolves them from the test class path.
        String modulePath = Stream.of(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.contains("jackson-") || entry.contains("slf4j-api"))
                .collect(Collectors.joining(File.pathSeparator));
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow(() -> new AssertionError("jdeps is not available"));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = jdeps.run(new PrintWriter(out), new PrintWriter(err), "--multi-release", "17", "--module-path",
                modulePath, "-verbose:package", "-filter:none", classes.toString());
        assertThat(status).as("jdeps exit status; stderr: %s; stdout: %s", err, out).isZero();

        Map<String, Set<String>> graph = new TreeMap<>();
        for (String line : out.toString().split("\\R")) {
            Matcher m = EDGE.matcher(line);
            if (m.find()) {
                graph.computeIfAbsent(m.group(1), k -> new TreeSet<>());
                graph.computeIfAbsent(m.group(2), k -> new TreeSet<>());
                if (!m.group(1).equals(m.group(2))) {
                    graph.get(m.group(1)).add(m.group(2));
                }
            }
        }
        return graph;
    }

    /** The strongly connected components with more than one package (Tarjan), each sorted. */
    static List<List<String>> cycles(Map<String, Set<String>> graph) {
        Map<String, Integer> index = new HashMap<>();
        Map<String, Integer> low = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        Set<String> onStack = new TreeSet<>();
        List<List<String>> result = new ArrayList<>();
        int[] counter = {0};
        for (String node : new TreeSet<>(graph.keySet())) {
            if (!index.containsKey(node)) {
                connect(node, graph, index, low, stack, onStack, result, counter);
            }
        }
        return result;
    }

    private static void connect(String node, Map<String, Set<String>> graph, Map<String, Integer> index,
                                Map<String, Integer> low, Deque<String> stack, Set<String> onStack,
                                List<List<String>> result, int[] counter) {
        index.put(node, counter[0]);
        low.put(node, counter[0]);
        counter[0]++;
        stack.push(node);
        onStack.add(node);
        for (String next : graph.getOrDefault(node, Set.of())) {
            if (!index.containsKey(next)) {
                connect(next, graph, index, low, stack, onStack, result, counter);
                low.put(node, Math.min(low.get(node), low.get(next)));
            } else if (onStack.contains(next)) {
                low.put(node, Math.min(low.get(node), index.get(next)));
            }
        }
        if (low.get(node).equals(index.get(node))) {
            List<String> component = new ArrayList<>();
            String member;
            do {
                member = stack.pop();
                onStack.remove(member);
                component.add(member);
            } while (!member.equals(node));
            if (component.size() > 1) {
                component.sort(null);
                result.add(component);
            }
        }
    }
}
