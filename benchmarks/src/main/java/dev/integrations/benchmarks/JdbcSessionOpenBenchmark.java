package dev.integrations.benchmarks;

import dev.integrations.Integrations;
import dev.integrations.AuthManager;
import dev.integrations.github.GithubClient;
import dev.integrations.jdbc.EncryptionKeys;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * Session open over {@code JdbcCredentialStore} (issue 3), SQLite and PostgreSQL, one and two
 * threads: {@code auth.session(subject)} then {@code integrations.github()} and close, for a
 * subject with stored non-expiring, encrypted credentials (load + AES-GCM decrypt + JSON + binding
 * + container). Compared in the same run with the floor: a bare primary-key {@code SELECT} of the
 * same row through the same {@link DataSource}, reading every column the store reads. Target:
 * session open within 1.5x of the floor.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 10, time = 1)
public class JdbcSessionOpenBenchmark {
    @Param({"sqlite", "postgres"})
    public String database;

    private BenchDatabases.Db db;
    private AuthManager auth;
    private DataSource dataSource;
    private String floorSql;

    @Setup
    public void setUp() throws SQLException {
        // A pool of 4 for PostgreSQL: enough for two benchmark threads; the SQLite store sizes its own.
        db = BenchDatabases.open(database, EncryptionKeys.generate("bench-key"), Clock.systemUTC(), 4);
        auth = Fixtures.manager(db.store());
        auth.storeCredentials("github", Fixtures.SUBJECT, Fixtures.nonExpiringCredentials());
        dataSource = db.dataSource();
        floorSql = "SELECT provider, subject, version, status, created_at, updated_at, key_id, payload FROM "
                + db.credentialsTable() + " WHERE provider = ? AND subject = ?";
        try (Integrations integrations = auth.session(Fixtures.SUBJECT)) {
            if (!Fixtures.nonExpiringCredentials().accessToken().equals(integrations.github().settings().token())) {
                throw new IllegalStateException("the session did not bind the stored token");
            }
        }
        if (selectFloor() <= 0) {
            throw new IllegalStateException("the floor query found no row");
        }
    }

    @TearDown
    public void tearDown() {
        db.close();
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

    @Benchmark
    @Threads(1)
    public long selectFloor() throws SQLException {
        return select();
    }

    @Benchmark
    @Threads(2)
    public long selectFloor2Threads() throws SQLException {
        return select();
    }

    private GithubClient open() {
        try (Integrations integrations = auth.session(Fixtures.SUBJECT)) {
            return integrations.github();
        }
    }

    /** The floor: borrow a connection, run the primary-key SELECT, read each column, give it back. */
    private long select() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(floorSql)) {
            ps.setString(1, "github");
            ps.setString(2, Fixtures.SUBJECT);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("row missing");
                }
                long sum = rs.getString(1).length() + rs.getString(2).length() + rs.getLong(3) + rs.getString(4).length()
                        + rs.getLong(5) + rs.getLong(6) + rs.getString(7).length() + rs.getBytes(8).length;
                return sum;
            }
        }
    }
}
