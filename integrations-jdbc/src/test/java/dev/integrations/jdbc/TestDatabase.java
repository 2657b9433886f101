package dev.integrations.jdbc;

import dev.integrations.jdbc.internal.SqliteDataSources;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteDataSource;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * One database for one test class, as a JUnit extension: a pool, a table prefix of its own (so
 * parallel runs and leftovers of earlier runs never collide), a key ring, and cleanup (tables
 * dropped, pools closed) after the class.
 *
 * <p>PostgreSQL (127.0.0.1:5432, database {@code test}, user {@code postgres} or {@code root},
 * trust auth) and MariaDB (127.0.0.1:3306, database {@code test}, {@code root} without password)
 * must be running: with {@code CI=true} an unreachable server fails the class; elsewhere the class
 * is skipped with a message saying how to start it. Override the URLs with
 * {@code INTEGRATIONS_TEST_POSTGRES_URL} / {@code INTEGRATIONS_TEST_MARIADB_URL}.
 */
final class TestDatabase implements BeforeAllCallback, AfterAllCallback {
    enum Kind { SQLITE, POSTGRESQL, MARIADB }

    private static final boolean CI = "true".equals(System.getenv("CI"));
    private static final String POSTGRES_URL = env("INTEGRATIONS_TEST_POSTGRES_URL",
            "jdbc:postgresql://127.0.0.1:5432/test?connectTimeout=3&socketTimeout=60");
    private static final String MARIADB_URL = env("INTEGRATIONS_TEST_MARIADB_URL",
            "jdbc:mariadb://127.0.0.1:3306/test?connectTimeout=3000&socketTimeout=60000");

    final Kind kind;
    private final List<HikariDataSource> pools = new CopyOnWriteArrayList<>();
    private final List<String> prefixes = new CopyOnWriteArrayList<>();
    private final EncryptionKeys keys = EncryptionKeys.generate("test-k1");
    private HikariDataSource dataSource;
    private String prefix;
    private Path directory;
    private String user;

    private TestDatabase(Kind kind) {
        this.kind = kind;
    }

    static TestDatabase sqlite() {
        return new TestDatabase(Kind.SQLITE);
    }

    static TestDatabase postgresql() {
        return new TestDatabase(Kind.POSTGRESQL);
    }

    static TestDatabase mariadb() {
        return new TestDatabase(Kind.MARIADB);
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        switch (kind) {
            case SQLITE -> directory = Files.createTempDirectory("integrations-jdbc-test");
            case POSTGRESQL -> user = reachableUser(POSTGRES_URL, List.of("postgres", "root"), "PostgreSQL",
                    "start it (e.g. `pg_ctlcluster 15 main start`, as .ci/run does) with trust auth for 127.0.0.1 and a"
                            + " database named test");
            case MARIADB -> user = reachableUser(MARIADB_URL, List.of("root"), "MariaDB",
                    "start it (e.g. `start-stop-daemon --start --background --exec /usr/sbin/mariadbd`, as .ci/run does)"
                            + " with user root without password and a database named test");
        }
        prefix = newPrefix();
        dataSource = newPool();
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        try {
            if (dataSource != null && kind != Kind.SQLITE) {
                try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
                    for (String p : prefixes) {
                        for (String table : List.of("credentials", "authorization_states", "refresh_locks", "refresh_leases",
                                "webhook_deliveries")) {
                            s.execute("DROP TABLE IF EXISTS " + p + table);
                        }
                    }
                }
            }
        } finally {
            for (HikariDataSource pool : pools) {
                pool.close();
            }
            if (directory != null) {
                try (Stream<Path> files = Files.walk(directory)) {
                    for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                } catch (IOException e) {
                    // A temp directory left behind is harmless.
                }
            }
        }
    }

    /** The class's pool. */
    DataSource dataSource() {
        return dataSource;
    }

    /** The class's table prefix. */
    String prefix() {
        return prefix;
    }

    /** The class's key ring. */
    EncryptionKeys keys() {
        return keys;
    }

    JdbcDialect dialect() {
        return switch (kind) {
            case SQLITE -> JdbcDialect.SQLITE;
            case POSTGRESQL -> JdbcDialect.POSTGRESQL;
            case MARIADB -> JdbcDialect.MARIADB;
        };
    }

    /** A new table prefix, whose tables are dropped after the class. */
    String newPrefix() {
        String p = "t" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt()) + "_";
        prefixes.add(p);
        return p;
    }

    JdbcCredentialStore.Builder credentials(DataSource ds, String tablePrefix) {
        return JdbcCredentialStore.builder(ds).tablePrefix(tablePrefix).encryption(keys);
    }

    JdbcCredentialStore credentialStore() {
        return credentials(dataSource, prefix).build();
    }

    JdbcAuthorizationStateStore.Builder states(DataSource ds, String tablePrefix) {
        return JdbcAuthorizationStateStore.builder(ds).tablePrefix(tablePrefix).encryption(keys);
    }

    JdbcAuthorizationStateStore stateStore() {
        return states(dataSource, prefix).build();
    }

    /** Another pool on the same database: what a second process would have. Closed after the class. */
    HikariDataSource newPool() {
        HikariDataSource pool;
        if (kind == Kind.SQLITE) {
            pool = SqliteDataSources.open(directory.resolve("test.db"));
        } else {
            HikariConfig config = new HikariConfig();
            config.setJdbcUrl(kind == Kind.POSTGRESQL ? POSTGRES_URL : MARIADB_URL);
            config.setUsername(user);
            config.setPassword("");
            config.setMaximumPoolSize(12);
            config.setMinimumIdle(1);
            config.setConnectionTimeout(10_000);
            config.setPoolName("test-" + kind.name().toLowerCase() + "-" + pools.size());
            pool = new HikariDataSource(config);
        }
        pools.add(pool);
        return pool;
    }

    /**
     * A data source without a pool for tests that break connections: every call opens a new
     * physical connection, so nothing broken is handed out again.
     */
    DataSource unpooled() {
        if (kind == Kind.SQLITE) {
            SQLiteConfig config = new SQLiteConfig();
            config.setBusyTimeout(5_000);
            SQLiteDataSource ds = new SQLiteDataSource(config);
            ds.setUrl("jdbc:sqlite:" + directory.resolve("test.db"));
            return ds;
        }
        String url = kind == Kind.POSTGRESQL ? POSTGRES_URL : MARIADB_URL;
        return new SimpleDataSource(() -> DriverManager.getConnection(url, user, ""));
    }

    /**
     * Breaks {@code victim}'s connection the way a crash or a network cut would: the server ends
     * the session (PostgreSQL {@code pg_terminate_backend}, MariaDB {@code KILL}); SQLite's
     * connection is closed under the store's feet.
     */
    void kill(Connection victim) throws SQLException {
        switch (kind) {
            case SQLITE -> victim.close();
            case POSTGRESQL -> {
                long pid = single(victim, "SELECT pg_backend_pid()");
                try (Connection admin = dataSource.getConnection(); Statement s = admin.createStatement()) {
                    s.execute("SELECT pg_terminate_backend(" + pid + ", 5000)");
                }
            }
            case MARIADB -> {
                long id = single(victim, "SELECT CONNECTION_ID()");
                try (Connection admin = dataSource.getConnection(); Statement s = admin.createStatement()) {
                    s.execute("KILL CONNECTION " + id);
                }
            }
        }
    }

    /** How many refresh-lease rows of {@code provider} the class's tables hold. */
    int leaseCount(String provider) {
        return leaseCount(prefix, provider);
    }

    /** How many refresh-lease rows of {@code provider} the tables with {@code tablePrefix} hold. */
    int leaseCount(String tablePrefix, String provider) {
        try (Connection c = dataSource.getConnection();
             java.sql.PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + tablePrefix
                     + "refresh_leases WHERE provider = ?")) {
            ps.setString(1, provider);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long single(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String reachableUser(String url, List<String> users, String name, String howToStart) {
        List<String> errors = new ArrayList<>();
        for (String candidate : users) {
            try (Connection c = DriverManager.getConnection(url, candidate, "")) {
                return candidate;
            } catch (SQLException e) {
                errors.add(candidate + ": " + e.getMessage().lines().findFirst().orElse(""));
            }
        }
        String message = name + " is not reachable at " + url + " (" + String.join("; ", errors) + "): " + howToStart;
        if (CI) {
            Assertions.fail("CI=true and " + message);
        }
        // Surefire shows a class aborted in @BeforeAll as "Tests run: 0" without the reason: log it.
        org.slf4j.LoggerFactory.getLogger(TestDatabase.class).warn("Skipping the {} tests: {}", name, message);
        Assumptions.abort("Skipping: " + message);
        return null;
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
