package dev.integrations.jdbc;

import dev.integrations.auth.store.CredentialFilter;
import dev.integrations.auth.store.CredentialStatus;
import dev.integrations.auth.store.CredentialStore;
import dev.integrations.auth.store.StoredCredentials;
import dev.integrations.jdbc.internal.CredentialRows;
import dev.integrations.jdbc.internal.Database;
import dev.integrations.jdbc.internal.Millis;
import dev.integrations.jdbc.internal.Reencryptor;
import dev.integrations.jdbc.internal.RefreshLeases;
import dev.integrations.jdbc.internal.SqliteDataSources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

// Slightly over 400 lines: the SQL of each CredentialStore operation stays beside the Javadoc of
// the contract it implements; codec, leases, re-encryption and dialect differences live in
// dev.integrations.jdbc.internal.
/**
 * A {@link CredentialStore} in a relational database (SQLite, PostgreSQL, MariaDB or MySQL), shared
 * by every process that uses the same tables, with the credentials encrypted at rest.
 *
 * <pre>{@code
 * JdbcCredentialStore store = JdbcCredentialStore.builder(dataSource)   // any pooled DataSource
 *         .encryption(EncryptionKeys.fromEnvironment())                // the default
 *         .build();
 * // or, embedded, with its own pool:
 * JdbcCredentialStore store = JdbcCredentialStore.sqlite(Path.of("data/credentials.db"), keys);
 * }</pre>
 *
 * <h2>Rows</h2>
 * One row per (provider, canonical subject) in table {@code <prefix>credentials}: version, status,
 * created/updated times and the access token's expiry in plain columns (so an application can
 * query connections that need attention), and the whole credential map as JSON, encrypted with
 * AES-256-GCM under the ring's primary key with {@code provider + '\0' + subject} (and a purpose
 * tag) as associated data: a row copied to another subject does not decrypt. The key id is stored
 * with each row; {@link #reencrypt()} moves rows to the current primary key. The schema is the
 * shipped file of the dialect (see {@link JdbcDialect}); it is created on first use unless
 * {@link Builder#createSchema(boolean) createSchema(false)}.
 *
 * <h2>Refresh lease</h2>
 * {@link #tryAcquireRefreshLease} claims a row of {@code <prefix>refresh_leases} (provider,
 * subject, holder, lease_until in epoch milliseconds by this store's clock) with short auto-commit
 * statements: an {@code UPDATE} that takes over an expired lease (or extends the holder's own),
 * else an {@code INSERT} that succeeds only if no lease exists. {@link #releaseRefreshLease}
 * deletes the holder's row, and now and then every expired row, so the table only holds refreshes
 * in progress. No transaction, connection or database lock outlives a call: the token request of
 * a refresh runs with nothing held, so a slow authorization server never blocks other users'
 * reads and writes (not even on SQLite, whose write lock covers the whole file), and a connection
 * lost during it loses nothing. Instances sharing the tables must have clocks that agree to well
 * within the lease's time to live. The older {@code <prefix>refresh_locks} table is still created,
 * so that instances of earlier versions keep working during a rolling upgrade, but is no longer
 * used; drop it once none are left.
 *
 * <p>Thread-safe; no monitor is held around blocking calls. Methods throw
 * {@link CredentialStoreException} when the database fails, {@link CredentialDecryptionException}
 * for a row that cannot be decrypted (only that row is affected).
 */
public final class JdbcCredentialStore implements CredentialStore, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcCredentialStore.class);
    private static final int DEFAULT_REENCRYPT_BATCH = 100;

    private final Database db;
    private final EncryptionKeys keys;
    private final Clock clock;
    private final @Nullable AutoCloseable owned;
    private final CredentialRows rows;
    private final RefreshLeases leases;
    private final Reencryptor reencryptor;
    /** The read of one row, built once: every session open runs it. */
    private final String selectSql;
    /** {@link #readRow} as a unit of work, made once instead of a capturing lambda per read. */
    private final Database.KeyedWork<Optional<StoredCredentials>> readRow = this::readRow;

    private JdbcCredentialStore(Builder b, EncryptionKeys keys, @Nullable AutoCloseable owned) {
        this.db = b.database();
        this.keys = keys;
        this.clock = b.clock;
        this.owned = owned;
        this.rows = new CredentialRows(keys.cipher(), table());
        this.selectSql = "SELECT " + CredentialRows.KEYED_COLUMNS + " FROM " + table() + " WHERE provider = ? AND subject = ?";
        this.leases = new RefreshLeases(db, clock);
        this.reencryptor = new Reencryptor(db, rows);
        if (keys.isPlaintext()) {
            LOG.warn("JdbcCredentialStore on table {}: encryption at rest is OFF (explicit opt-out with plaintext() or"
                    + " EncryptionKeys.none()); tokens are stored in plain text. Use this only for throw-away data.",
                    table());
        }
    }

    /**
     * A builder over {@code dataSource}, which should be pooled (HikariCP or the container's pool).
     *
     * @param dataSource where the credentials table lives
     * @return a new builder
     */
    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    /**
     * The embedded default in one call: an SQLite database in {@code file} (created with its parent
     * directories, readable only by the owner where the file system allows), with its own
     * connection pool in WAL mode, closed by {@link #close()}. To share the file with a
     * {@link JdbcAuthorizationStateStore}, use {@link JdbcStores#sqlite(Path, EncryptionKeys)}.
     *
     * @param file the SQLite database file
     * @param keys the key ring rows are encrypted with
     * @return the store; close it when done
     */
    public static JdbcCredentialStore sqlite(Path file, EncryptionKeys keys) {
        Objects.requireNonNull(keys, "keys");
        var pool = SqliteDataSources.open(file);
        try {
            return builder(pool).encryption(keys).dialect(JdbcDialect.SQLITE).build(pool);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    @Override
    public Optional<StoredCredentials> get(String provider, String subject) {
        checkKey(provider, subject);
        return db.runFor("Reading credentials", provider, subject, readRow);
    }

    /** The read of one row by primary key: every session open runs it. */
    private Optional<StoredCredentials> readRow(java.sql.Connection c, String provider, String subject)
            throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement(selectSql)) {
            ps.setString(1, provider);
            ps.setString(2, subject);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rows.decode(rs, provider, subject)) : Optional.empty();
            }
        }
    }

    @Override
    public void set(String provider, String subject, Map<String, Object> data) {
        checkKey(provider, subject);
        CredentialRows.Row row = rows.seal(provider, subject, data, clock.millis());
        String sql = insertSql() + db.sql().credentialUpsertClause(table());
        run("Storing credentials", provider, subject, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                rows.bindInsert(ps, provider, subject, row);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public boolean compareAndSet(String provider, String subject, long expectedVersion, Map<String, Object> data) {
        checkKey(provider, subject);
        CredentialRows.Row row = rows.seal(provider, subject, data, clock.millis());
        if (expectedVersion < 0) {
            return false;
        }
        if (expectedVersion == 0) {
            return run("Creating credentials", provider, subject, c -> db.sql().insertIfAbsent(c, insertSql(),
                    "provider, subject", ps -> rows.bindInsert(ps, provider, subject, row)));
        }
        String sql = "UPDATE " + table() + " SET version = version + 1, status = 'ACTIVE', updated_at = ?, expires_at = ?,"
                + " key_id = ?, payload = ? WHERE provider = ? AND subject = ? AND version = ?";
        return run("Updating credentials", provider, subject, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, row.now());
                CredentialRows.setNullableLong(ps, 2, row.expiresAt());
                ps.setString(3, row.sealed().keyId());
                ps.setBytes(4, row.sealed().payload());
                ps.setString(5, provider);
                ps.setString(6, subject);
                ps.setLong(7, expectedVersion);
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean markNeedsReauthorization(String provider, String subject, long expectedVersion) {
        checkKey(provider, subject);
        if (expectedVersion <= 0) {
            return false;
        }
        String sql = "UPDATE " + table() + " SET status = 'NEEDS_REAUTHORIZATION', updated_at = ?"
                + " WHERE provider = ? AND subject = ? AND version = ?";
        long now = clock.millis();
        return run("Marking credentials as needing reauthorization", provider, subject, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, now);
                ps.setString(2, provider);
                ps.setString(3, subject);
                ps.setLong(4, expectedVersion);
                return ps.executeUpdate() == 1;
            }
        });
    }

    @Override
    public boolean delete(String provider, String subject) {
        checkKey(provider, subject);
        return run("Deleting credentials", provider, subject, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table() + " WHERE provider = ? AND subject = ?")) {
                ps.setString(1, provider);
                ps.setString(2, subject);
                return ps.executeUpdate() > 0;
            }
        });
    }

    /**
     * {@inheritDoc}
     *
     * <p>Filters run in SQL on the plain columns (the expiry column has millisecond precision and
     * is indexed). A row that cannot be decrypted fails the whole call with a
     * {@link CredentialDecryptionException} naming it, rather than being silently left out.
     */
    @Override
    public List<StoredCredentials> list(CredentialFilter filter) {
        Objects.requireNonNull(filter, "filter");
        StringBuilder sql = new StringBuilder("SELECT " + CredentialRows.COLUMNS + " FROM " + table() + " WHERE 1 = 1");
        List<Object> args = new ArrayList<>();
        if (filter.provider() != null) {
            sql.append(" AND provider = ?");
            args.add(filter.provider());
        }
        if (filter.status() != null) {
            sql.append(" AND status = ?");
            args.add(filter.status().name());
        }
        if (filter.expiringBefore() != null) {
            // The column holds milliseconds rounded down; round the bound up and filter exactly below.
            sql.append(" AND expires_at IS NOT NULL AND expires_at < ?");
            args.add(Millis.ceil(filter.expiringBefore()));
        }
        sql.append(db.sql().orderByKey()).append(" LIMIT ?");
        args.add(filter.limit());
        return db.run("Listing credentials", null, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    ps.setObject(i + 1, args.get(i));
                }
                List<StoredCredentials> found = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        StoredCredentials row = rows.decode(rs);
                        if (filter.matches(row)) {
                            found.add(row);
                        }
                    }
                }
                return List.copyOf(found);
            }
        });
    }

    /**
     * {@inheritDoc}
     *
     * <p>Two short auto-commit statements at most (see the class description); the lease's expiry
     * is this store's clock now plus {@code ttl}.
     *
     * @throws CredentialStoreException when the database fails
     */
    @Override
    public boolean tryAcquireRefreshLease(String provider, String subject, String holder, Duration ttl) {
        checkKey(provider, subject);
        return leases.tryAcquire(provider, subject, holder, ttl);
    }

    /**
     * {@inheritDoc}
     *
     * <p>Deletes the holder's row; at most once a minute per store object it also deletes every
     * lease that expired more than a minute ago (left behind by crashed holders).
     *
     * @throws CredentialStoreException when the database fails
     */
    @Override
    public void releaseRefreshLease(String provider, String subject, String holder) {
        checkKey(provider, subject);
        leases.release(provider, subject, holder);
    }

    /**
     * Rewrites every row that is not encrypted with the primary key (older keys, and plain-text rows
     * written before encryption was turned on) under the primary key, in batches of 100, each in
     * its own transaction. Data, version, status and timestamps stay as they are; a row changed
     * concurrently is skipped (its writer used the primary key). Rows that cannot be decrypted are
     * logged (provider and subject only) and left as they are.
     *
     * @return how many rows were rewritten
     * @throws IllegalStateException when this store has no keys ({@link EncryptionKeys#none()})
     */
    public int reencrypt() {
        return reencrypt(DEFAULT_REENCRYPT_BATCH);
    }

    /**
     * {@link #reencrypt()} with another batch size.
     *
     * @param batchSize how many rows to rewrite per transaction
     * @return how many rows were rewritten
     */
    public int reencrypt(int batchSize) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batchSize must be positive");
        }
        if (keys.isPlaintext()) {
            throw new IllegalStateException("This store has no encryption keys (EncryptionKeys.none()): nothing to re-encrypt to");
        }
        return reencryptor.run(keys.primaryKeyId(), batchSize);
    }

    /**
     * The key ring this store encrypts with.
     *
     * @return the key ring
     */
    public EncryptionKeys encryptionKeys() {
        return keys;
    }

    /**
     * The credentials table's name.
     *
     * @return the table name, prefix included
     */
    public String tableName() {
        return table();
    }

    /**
     * The database dialect (detected on first use unless set on the builder); connects if needed.
     *
     * @return the dialect
     */
    public JdbcDialect dialect() {
        return db.dialect();
    }

    /** Closes the connection pool when this store created it ({@link #sqlite}); otherwise does nothing. */
    @Override
    public void close() {
        if (owned != null) {
            try {
                owned.close();
            } catch (Exception e) {
                LOG.warn("Closing the credential store's connection pool failed: {}", e.toString());
            }
        }
    }

    @Override
    public String toString() {
        return "JdbcCredentialStore[table=" + table() + ", keys=" + keys + "]";
    }

    // ---------------------------------------------------------------------------------------------

    /** Runs {@code work} on a connection of its own, returned right after. */
    private <T> T run(String action, String provider, String subject, Database.Work<T> work) {
        return db.runFor(action, provider, subject, work);
    }

    private String table() {
        return db.tables().credentials();
    }

    /** The insert of a new row at version 1, status active; {@link CredentialRows#bindInsert} binds it. */
    private String insertSql() {
        return "INSERT INTO " + table() + " (" + CredentialRows.INSERT_COLUMNS + ") VALUES (?, ?, 1, 'ACTIVE', ?, ?, ?, ?, ?)";
    }

    private static void checkKey(String provider, String subject) {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(subject, "subject");
        // NUL separates provider from subject in the associated data; allowing it in a provider
        // name would let ("a\0b", "c") and ("a", "b\0c") share ciphertexts.
        if (provider.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("provider names must not contain NUL characters");
        }
    }

    /**
     * Builds a {@link JdbcCredentialStore}. Only the data source is required; encryption keys come
     * from the environment unless given (see {@link EncryptionKeys#fromEnvironment()}).
     */
    public static final class Builder extends JdbcStoreOptions<Builder> {
        private Clock clock = Clock.systemUTC();

        private Builder(DataSource dataSource) {
            super(dataSource);
        }

        @Override
        Builder self() {
            return this;
        }

        /**
         * The clock for created/updated times and refresh leases (default UTC system clock).
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Builds the store. It connects lazily: the first call detects the dialect and creates the
         * schema, so a database that is down now only fails calls until it is back.
         *
         * @return the store
         * @throws dev.integrations.core.ConfigurationException when no key ring was given and none is
         *     configured in the environment
         */
        public JdbcCredentialStore build() {
            return build(null);
        }

        JdbcCredentialStore build(@Nullable AutoCloseable owned) {
            return new JdbcCredentialStore(this, resolveKeys(), owned);
        }
    }
}
