package dev.integrations.benchmarks;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.integrations.jdbc.EncryptionKeys;
import dev.integrations.jdbc.JdbcCredentialStore;
import dev.integrations.jdbc.JdbcStores;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The databases the JDBC benchmarks run on: an SQLite file in a temporary directory (the store's
 * own one-call pool) or PostgreSQL on 127.0.0.1:5432, database {@code test} (trust auth), under
 * tables with a unique prefix that are dropped again on {@link #close()}.
 *
 * <p>PostgreSQL's URL, user and password can be changed with the system properties
 * {@code bench.postgres.url}, {@code bench.postgres.user} and {@code bench.postgres.password}.
 */
final class BenchDatabases {
    static final String POSTGRES_URL = System.getProperty("bench.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
    static final String POSTGRES_USER = System.getProperty("bench.postgres.user", "postgres");
    static final String POSTGRES_PASSWORD = System.getProperty("bench.postgres.password", "");

    private BenchDatabases() {
    }

    /** A store over one database, the data source it reads through, and the table its rows are in. */
    interface Db extends AutoCloseable {
        JdbcCredentialStore store();

        DataSource dataSource();

        String credentialsTable();

        /** Another store over the same tables, as a second application instance would open it. */
        JdbcCredentialStore storeForAnotherInstance(Clock clock);

        @Override
        void close();
    }

    static Db open(String name, EncryptionKeys keys, Clock clock, int poolSize) {
        return switch (name) {
            case "sqlite" -> sqlite(keys);
            case "postgres" -> postgres(keys, clock, poolSize);
            default -> throw new IllegalArgumentException("unknown database '" + name + "': sqlite or postgres");
        };
    }

    /** The embedded default exactly as the README's one call makes it: {@code JdbcStores.sqlite(file, keys)}. */
    private static Db sqlite(EncryptionKeys keys) {
        Path dir;
        try {
            dir = Files.createTempDirectory("integrations-bench-");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        Path file = dir.resolve("credentials.db");
        JdbcStores stores = JdbcStores.sqlite(file, keys);
        List<JdbcStores> opened = new java.util.ArrayList<>(List.of(stores));
        return new Db() {
            @Override
            public JdbcCredentialStore store() {
                return stores.credentials();
            }

            @Override
            public DataSource dataSource() {
                return stores.dataSource();
            }

            @Override
            public String credentialsTable() {
                return "integrations_credentials";
            }

            @Override
            public JdbcCredentialStore storeForAnotherInstance(Clock clock) {
                // Another process would open the same file with its own pool.
                JdbcStores other = JdbcStores.sqlite(file, keys);
                opened.add(other);
                return other.credentials();
            }

            @Override
            public void close() {
                opened.forEach(JdbcStores::close);
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path p : files.toList()) {
                        Files.deleteIfExists(p);
                    }
                    Files.deleteIfExists(dir);
                } catch (IOException e) {
                    System.err.println("could not delete " + dir + ": " + e);
                }
            }
        };
    }

    private static Db postgres(EncryptionKeys keys, Clock clock, int poolSize) {
        String prefix = "bench_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(5)) + "_";
        List<HikariDataSource> pools = new java.util.ArrayList<>();
        HikariDataSource pool = postgresPool(poolSize);
        pools.add(pool);
        JdbcCredentialStore store = JdbcCredentialStore.builder(pool).encryption(keys).tablePrefix(prefix).clock(clock).build();
        return new Db() {
            @Override
            public JdbcCredentialStore store() {
                return store;
            }

            @Override
            public DataSource dataSource() {
                return pool;
            }

            @Override
            public String credentialsTable() {
                return prefix + "credentials";
            }

            @Override
            public JdbcCredentialStore storeForAnotherInstance(Clock c) {
                HikariDataSource other = postgresPool(poolSize);
                pools.add(other);
                return JdbcCredentialStore.builder(other).encryption(keys).tablePrefix(prefix).clock(c).build();
            }

            @Override
            public void close() {
                try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
                    for (String table : List.of("credentials", "authorization_states", "refresh_locks", "refresh_leases")) {
                        s.execute("DROP TABLE IF EXISTS " + prefix + table);
                    }
                } catch (SQLException e) {
                    System.err.println("could not drop the " + prefix + "* tables: " + e);
                } finally {
                    pools.forEach(HikariDataSource::close);
                }
            }
        };
    }

    private static HikariDataSource postgresPool(int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(POSTGRES_URL);
        config.setUsername(POSTGRES_USER);
        config.setPassword(POSTGRES_PASSWORD);
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(size);
        config.setPoolName("bench-postgres");
        return new HikariDataSource(config);
    }
}
