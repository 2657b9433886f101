package dev.integrations.benchmarks;

import dev.integrations.Integrations;
import dev.integrations.AuthManager;
import dev.integrations.auth.store.InMemoryCredentialStore;
import dev.integrations.github.GithubClient;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Session open over the in-memory store (issue 3): {@code auth.session(subject)} then
 * {@code integrations.github()} and close, for a subject with stored non-expiring credentials.
 * That is the whole path: load the row, read the credentials map, bind, build the container and
 * the provider. Target: under 2 microseconds per session.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 10, time = 1)
public class InMemorySessionOpenBenchmark {
    private AuthManager auth;

    @Setup
    public void setUp() {
        auth = Fixtures.manager(new InMemoryCredentialStore());
        auth.storeCredentials("github", Fixtures.SUBJECT, Fixtures.nonExpiringCredentials());
        try (Integrations integrations = auth.session(Fixtures.SUBJECT)) {
            if (integrations.github().settings().token() == null) {
                throw new IllegalStateException("the session did not bind the stored token");
            }
        }
    }

    @Benchmark
    @Threads(1)
    public GithubClient sessionOpen() {
        return open();
    }

    @Benchmark
    @Threads(2)
    public GithubClient sessionOpen2Threads() {
        return open();
    }

    private GithubClient open() {
        try (Integrations integrations = auth.session(Fixtures.SUBJECT)) {
            return integrations.github();
        }
    }
}
