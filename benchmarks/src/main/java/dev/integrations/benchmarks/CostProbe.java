package dev.integrations.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What one call costs the whole process, rather than how long it takes: CPU time, thread context
 * switches (Linux, from {@code /proc/self/task}) and the calling threads' allocation per call, for
 * one contestant of {@link PeerCallBenchmark} or {@link JdbcSessionOpenBenchmark}, run by N
 * threads for a few seconds, several times in one JVM.
 *
 * <p>Why next to JMH: on two shared cores the latency JMH reports moves by 10-15% from one fork to
 * the next, which hides differences of a few percent; CPU per call and wake-ups per call are much
 * steadier, and the context switches per thread name show which thread a difference lands on (it
 * is how the JDK transport's extra hand-off to the client's executor was found). Run:
 * <pre>
 * java -Dsun.net.httpserver.nodelay=true -cp benchmarks/target/benchmarks.jar \
 *     dev.integrations.benchmarks.CostProbe sdkJdk 4 5
 * java -cp benchmarks/target/benchmarks.jar dev.integrations.benchmarks.CostProbe sessionOpen:sqlite 1 5
 * </pre>
 * Contestants: {@code sdkJdk}, {@code jdkJackson}, {@code sdkOkHttp}, {@code okHttpJackson},
 * {@code hub4jGetMyself}, and {@code sessionOpen}, {@code selectFloor}, {@code springLoad} with
 * {@code :sqlite} or {@code :postgres}. The nodelay property is the one {@link PeerCallBenchmark}'s
 * forks run with (without it the loopback server's delayed ACKs dominate).
 */
public final class CostProbe {
    private static final int ROUNDS = 4;

    private CostProbe() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: CostProbe <contestant>[:<database>] <threads> <seconds per round>");
            System.exit(2);
        }
        String[] parts = args[0].split(":", 2);
        int threads = Integer.parseInt(args[1]);
        int seconds = Integer.parseInt(args[2]);
        Contestant contestant = contestant(parts[0], parts.length > 1 ? parts[1] : "sqlite");
        try {
            for (int round = 1; round <= ROUNDS; round++) {
                System.out.println(measure(args[0], contestant.call(), threads, seconds, round));
            }
        } finally {
            contestant.tearDown().run();
        }
        System.exit(0); // the peer benchmark's server threads are not daemons
    }

    private record Contestant(Callable<?> call, Runnable tearDown) {
    }

    private static Contestant contestant(String name, String database) throws Exception {
        switch (name) {
            case "sdkJdk", "jdkJackson", "sdkOkHttp", "okHttpJackson", "hub4jGetMyself" -> {
                PeerCallBenchmark peers = new PeerCallBenchmark();
                peers.setUp();
                Callable<?> call = switch (name) {
                    case "sdkJdk" -> peers::sdkJdk;
                    case "jdkJackson" -> peers::jdkJackson;
                    case "sdkOkHttp" -> peers::sdkOkHttp;
                    case "okHttpJackson" -> peers::okHttpJackson;
                    default -> peers::hub4jGetMyself;
                };
                return new Contestant(call, peers::tearDown);
            }
            case "sessionOpen", "selectFloor", "springLoad" -> {
                JdbcSessionOpenBenchmark sessions = new JdbcSessionOpenBenchmark();
                sessions.database = database;
                sessions.setUp();
                Callable<?> call = switch (name) {
                    case "sessionOpen" -> sessions::sessionOpen;
                    case "selectFloor" -> sessions::selectFloor;
                    default -> sessions::springLoad;
                };
                return new Contestant(call, sessions::tearDown);
            }
            default -> throw new IllegalArgumentException("unknown contestant " + name);
        }
    }

    private static String measure(String name, Callable<?> call, int threads, int seconds, int round) throws Exception {
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        com.sun.management.ThreadMXBean threadBean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        AtomicLong calls = new AtomicLong();
        AtomicLong allocated = new AtomicLong();
        AtomicBoolean stop = new AtomicBoolean();
        AtomicReference<Exception> failure = new AtomicReference<>();
        List<Thread> callers = new ArrayList<>();
        Map<String, Long> switchesBefore = contextSwitchesByThread();
        long cpuBefore = os.getProcessCpuTime();
        long started = System.nanoTime();
        for (int i = 0; i < threads; i++) {
            Thread caller = new Thread(() -> {
                long n = 0;
                long allocatedBefore = threadBean.getCurrentThreadAllocatedBytes();
                try {
                    while (!stop.get()) {
                        call.call();
                        n++;
                    }
                } catch (Exception e) {
                    failure.compareAndSet(null, e);
                }
                allocated.addAndGet(threadBean.getCurrentThreadAllocatedBytes() - allocatedBefore);
                calls.addAndGet(n);
            }, "probe-caller-" + i);
            callers.add(caller);
            caller.start();
        }
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        // Read while the callers still exist: a thread's counters go with it.
        Map<String, Long> switchesAfter = contextSwitchesByThread();
        for (Thread caller : callers) {
            caller.join();
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        long wall = System.nanoTime() - started;
        long cpu = os.getProcessCpuTime() - cpuBefore;
        double n = calls.get();
        StringBuilder perThread = new StringBuilder();
        long switches = 0;
        for (Map.Entry<String, Long> e : switchesAfter.entrySet()) {
            long delta = e.getValue() - switchesBefore.getOrDefault(e.getKey(), 0L);
            switches += delta;
            if (delta / n >= 0.05) {
                perThread.append(String.format(" %s=%.2f", e.getKey(), delta / n));
            }
        }
        return String.format("%s, %d thread(s), round %d: %.0f calls/s, %.1f us CPU/call, %.2f context switches/call,"
                        + " %.0f B allocated/call by the callers;%s",
                name, threads, round, n * 1e9 / wall, cpu / 1e3 / n, switches / n, allocated.get() / n, perThread);
    }

    /** Voluntary plus involuntary context switches so far, summed by thread name with digits folded. */
    private static Map<String, Long> contextSwitchesByThread() throws IOException {
        Map<String, Long> byName = new TreeMap<>();
        Path tasks = Path.of("/proc/self/task");
        if (!Files.isDirectory(tasks)) {
            return byName; // not Linux: CPU and allocation only
        }
        try (DirectoryStream<Path> all = Files.newDirectoryStream(tasks)) {
            for (Path task : all) {
                try {
                    String name = Files.readString(task.resolve("comm")).trim().replaceAll("[0-9]+", "N");
                    long switches = 0;
                    for (String line : Files.readAllLines(task.resolve("status"))) {
                        if (line.startsWith("voluntary_ctxt_switches") || line.startsWith("nonvoluntary_ctxt_switches")) {
                            switches += Long.parseLong(line.substring(line.indexOf(':') + 1).trim());
                        }
                    }
                    byName.merge(name, switches, Long::sum);
                } catch (IOException | NumberFormatException e) {
                    // the thread ended between listing and reading
                }
            }
        }
        return byName;
    }
}
