package dev.integrations.jdbc;

import dev.integrations.jdbc.internal.SqliteDataSources;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A {@link JdbcCredentialStore} and a {@link JdbcAuthorizationStateStore} over one database, for
 * wiring an {@code AuthManager} in one step:
 *
 * <pre>{@code
 * JdbcStores stores = JdbcStores.sqlite(Path.of("data/integrations.db"), EncryptionKeys.fromEnvironment());
 * AuthManager auth = AuthManager.builder()
 *         .github(app)
 *         .credentialStore(stores.credentials())
 *         .authorizationStateStore(stores.authorizationStates())
 *         .build();
 * }</pre>
 *
 * For several instances behind a load balancer, point the same code at a shared database:
 * {@code JdbcStores.of(hikariDataSourceForPostgres, keys)}.
 */
public final class JdbcStores implements AutoCloseable {
    private final JdbcCredentialStore credentials;
    private final JdbcAuthorizationStateStore authorizationStates;
    private final DataSource dataSource;
    private final @Nullable AutoCloseable owned;

    private JdbcStores(JdbcCredentialStore credentials, JdbcAuthorizationStateStore authorizationStates, DataSource dataSource,
                       @Nullable AutoCloseable owned) {
        this.credentials = credentials;
        this.authorizationStates = authorizationStates;
        this.dataSource = dataSource;
        this.owned = owned;
    }

    /**
     * Both stores in an SQLite file, created with its parent directories if missing, over a
     * connection pool of their own (WAL mode, busy timeout) that {@link #close()} closes. Several
     * processes (or several {@code JdbcStores} in one process) may open the same file: refreshes
     * are serialised through SQLite's write lock.
     *
     * @param file the SQLite database file
     * @param keys the key ring rows are encrypted with
     * @return both stores; close them when done
     */
    public static JdbcStores sqlite(Path file, EncryptionKeys keys) {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(keys, "keys");
        var pool = SqliteDataSources.open(file);
        try {
            return new JdbcStores(
                    JdbcCredentialStore.builder(pool).encryption(keys).dialect(JdbcDialect.SQLITE).build(),
                    JdbcAuthorizationStateStore.builder(pool).encryption(keys).dialect(JdbcDialect.SQLITE).build(),
                    pool, pool);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /**
     * {@link #sqlite(Path, EncryptionKeys)} with the key ring from the environment.
     *
     * @param file the SQLite database file
     * @return both stores; close them when done
     * @throws dev.integrations.core.ConfigurationException when no key ring is configured (the message
     *     tells how to create one)
     */
    public static JdbcStores sqlite(Path file) {
        return sqlite(file, EncryptionKeys.fromEnvironment());
    }

    /**
     * Both stores over a data source the application owns (and closes), with the default table
     * prefix and schema creation on first use. Use the stores' builders for other options.
     *
     * @param dataSource where the tables live; the application closes it
     * @param keys the key ring rows are encrypted with
     * @return both stores
     */
    public static JdbcStores of(DataSource dataSource, EncryptionKeys keys) {
        Objects.requireNonNull(dataSource, "dataSource");
        Objects.requireNonNull(keys, "keys");
        return new JdbcStores(JdbcCredentialStore.builder(dataSource).encryption(keys).build(),
                JdbcAuthorizationStateStore.builder(dataSource).encryption(keys).build(), dataSource, null);
    }

    /**
     * The credential store.
     *
     * @return the credential store
     */
    public JdbcCredentialStore credentials() {
        return credentials;
    }

    /**
     * The authorization-state store.
     *
     * @return the authorization-state store
     */
    public JdbcAuthorizationStateStore authorizationStates() {
        return authorizationStates;
    }

    /**
     * The data source both stores use.
     *
     * @return the data source
     */
    public DataSource dataSource() {
        return dataSource;
    }

    /** Closes the connection pool if these stores created it ({@link #sqlite}); otherwise does nothing. */
    @Override
    public void close() {
        if (owned != null) {
            try {
                owned.close();
            } catch (Exception e) {
                throw new CredentialStoreException("Closing the stores' connection pool failed: " + e.getClass().getName(), e);
            }
        }
    }

    @Override
    public String toString() {
        return "JdbcStores[" + credentials + ", " + authorizationStates + "]";
    }
}
