package dev.integrations.benchmarks;

import dev.integrations.AuthManager;
import dev.integrations.Integrations;
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
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/**
 * Session open over {@code JdbcCredentialStore} (issues 3 and 12), SQLite and PostgreSQL, with
 * {@link #ROWS} users stored so the primary-key lookup is a real index lookup:
 * {@code auth.session(subject)} then {@code integrations.github()} and close, for a subject with
 * stored non-expiring, encrypted credentials (load + AES-GCM decrypt + JSON + binding +
 * container). Compared in the same run with
 * <ul>
 *   <li>the floor: a bare primary-key {@code SELECT} of the same row through the same
 *       {@link DataSource}, reading every column the store reads (the store's own statement: it
 *       does not fetch back the provider and subject it binds);</li>
 *   <li>the peer: Spring Security's {@code JdbcOAuth2AuthorizedClientService.loadAuthorizedClient}
 *       over the same {@code DataSource}, its own table holding the same number of users, tokens
 *       in clear text (see {@link SpringAuthorizedClients}).</li>
 * </ul>
 * Thread counts come from the command line ({@code -t 1}, {@code -t 4}; see
 * {@code scripts/bench-peers.sh}). Target: session open within 1.2x of the floor.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
// Ten seconds of warm-up: with four benchmark threads and the database on two cores, the JIT's
// compiler threads get little CPU, and three one-second iterations still measured partly
// interpreted code (iteration times kept falling through the measurement).
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
public class JdbcSessionOpenBenchmark {
    /** Users stored besides the measured one's neighbours: GitHub credentials and Spring's rows alike. */
    static final int ROWS = 1_000;

    @Param({"sqlite", "postgres"})
    public String database;

    private BenchDatabases.Db db;
    private AuthManager auth;
    private DataSource dataSource;
    private String floorSql;
    private SpringAuthorizedClients spring;

    @Setup
    public void setUp() throws SQLException {
        // A pool of 8 for PostgreSQL: enough for four benchmark threads; the SQLite store sizes its own.
        db = BenchDatabases.open(database, EncryptionKeys.generate("bench-key"), Clock.systemUTC(), 8);
        auth = Fixtures.manager(db.store());
        for (int i = 0; i < ROWS - 1; i++) {
            auth.storeCredentials("github", "bench-user-other-" + i, Fixtures.nonExpiringCredentials());
        }
        auth.storeCredentials("github", Fixtures.SUBJECT, Fixtures.nonExpiringCredentials());
        dataSource = db.dataSource();
        // The store's own read by primary key (JdbcCredentialStore.get): the same columns, the same WHERE.
        floorSql = "SELECT version, status, created_at, updated_at, key_id, payload FROM "
                + db.credentialsTable() + " WHERE provider = ? AND subject = ?";
        try (Integrations integrations = auth.session(Fixtures.SUBJECT)) {
            if (!Fixtures.nonExpiringCredentials().accessToken().equals(integrations.github().settings().token())) {
                throw new IllegalStateException("the session did not bind the stored token");
            }
        }
        if (selectFloor() <= 0) {
            throw new IllegalStateException("the floor query found no row");
        }
        spring = SpringAuthorizedClients.create(dataSource, database, ROWS);
        if (!Fixtures.nonExpiringCredentials().accessToken().equals(springLoad().getAccessToken().getTokenValue())) {
            throw new IllegalStateException("Spring's service did not load the stored token");
        }
    }

    @TearDown
    public void tearDown() {
        spring.drop();
        db.close();
    }

    /** The SDK: load, decrypt, parse, bind, open the client, close. */
    @Benchmark
    public GithubClient sessionOpen() {
        try (Integrations integrations = auth.session(Fixtures.SUBJECT)) {
            return integrations.github();
        }
    }

    /** The floor: borrow a connection, run the primary-key SELECT, read each column, give it back. */
    @Benchmark
    public long selectFloor() throws SQLException {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(floorSql)) {
            ps.setString(1, "github");
            ps.setString(2, Fixtures.SUBJECT);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("row missing");
                }
                return rs.getLong(1) + rs.getString(2).length() + rs.getLong(3) + rs.getLong(4) + rs.getString(5).length()
                        + rs.getBytes(6).length;
            }
        }
    }

    /** The peer: Spring Security's JDBC authorized-client service, clear-text tokens. */
    @Benchmark
    public OAuth2AuthorizedClient springLoad() {
        return spring.load(Fixtures.SUBJECT);
    }
}
