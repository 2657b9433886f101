package dev.integrations.jdbc;

import dev.integrations.jdbc.internal.Database;
import dev.integrations.jdbc.internal.Tables;

import javax.sql.DataSource;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The options both JDBC store builders share ({@link JdbcCredentialStore.Builder} and
 * {@link JdbcAuthorizationStateStore.Builder}): where the tables live, their prefix, whether to
 * create them, the dialect and the key ring. Stores that share data must agree on the data
 * source's database, the prefix and the key ring.
 *
 * @param <B> the builder type, returned by every setter for chaining
 */
public abstract class JdbcStoreOptions<B extends JdbcStoreOptions<B>> {
    private final DataSource dataSource;
    private @Nullable EncryptionKeys keys;
    private boolean createSchema = true;
    private String tablePrefix = JdbcDialect.DEFAULT_TABLE_PREFIX;
    private @Nullable JdbcDialect dialect;
    private @Nullable Map<String, String> environment;

    JdbcStoreOptions(DataSource dataSource) {
        this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    }

    /** This builder, typed as the concrete builder. */
    abstract B self();

    /**
     * The key ring (default: {@link EncryptionKeys#fromEnvironment()} when the store is built).
     *
     * @param keys the key ring
     * @return this builder
     */
    public B encryption(EncryptionKeys keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
        return self();
    }

    /**
     * Opts out of encryption at rest: tokens and verifiers are stored as plain JSON, and a warning
     * is logged when the store is built.
     *
     * @return this builder
     */
    public B plaintext() {
        return encryption(EncryptionKeys.none());
    }

    /**
     * Whether to create the tables on first use (default true); when false, they are checked instead.
     *
     * @param createSchema whether to create missing tables
     * @return this builder
     */
    public B createSchema(boolean createSchema) {
        this.createSchema = createSchema;
        return self();
    }

    /**
     * The prefix of the table and index names (default {@value JdbcDialect#DEFAULT_TABLE_PREFIX}):
     * 1 to 30 letters, digits or '_'. Stores that share data must use the same prefix.
     *
     * @param prefix the table prefix
     * @return this builder
     * @throws IllegalArgumentException when the prefix is invalid
     */
    public B tablePrefix(String prefix) {
        this.tablePrefix = Tables.checkPrefix(prefix);
        return self();
    }

    /**
     * The dialect, instead of detecting it from the connection's metadata.
     *
     * @param dialect the dialect
     * @return this builder
     */
    public B dialect(JdbcDialect dialect) {
        this.dialect = Objects.requireNonNull(dialect, "dialect");
        return self();
    }

    /** Environment variables to read the key ring from instead of the process's (for tests). */
    B environment(Map<String, String> environment) {
        this.environment = Map.copyOf(environment);
        return self();
    }

    /** The key ring given, else the one the environment configures. */
    EncryptionKeys resolveKeys() {
        return keys != null ? keys
                : environment != null ? EncryptionKeys.fromEnvironment(environment) : EncryptionKeys.fromEnvironment();
    }

    /** The database these options describe; it connects on first use. */
    Database database() {
        return new Database(dataSource, new Tables(tablePrefix), dialect, createSchema, JdbcDialect::sql);
    }
}
