package dev.integrations.jdbc;

import dev.integrations.auth.store.CredentialFilter;
import dev.integrations.auth.store.CredentialStatus;
import dev.integrations.auth.store.CredentialStore;
import dev.integrations.auth.store.StoredCredentials;
import dev.integrations.internal.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

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
    private static final String AAD_TAG = "integrations.credentials.v1";
    private static final String COLUMNS = "provider, subject, version, status, created_at, updated_at, key_id, payload";
    private static final int DEFAULT_REENCRYPT_BATCH = 100;
    private static final long LEASE_PURGE_INTERVAL_MILLIS = 60_000;

    private final Database db;
    private final EncryptionKeys keys;
    private final Clock clock;
    private final AutoCloseable owned;
    /** When expired leases were last purged (epoch ms by {@link #clock}); purges are rate-limited. */
    private final AtomicLong lastLeasePurge = new AtomicLong();

    private JdbcCredentialStore(Builder b, EncryptionKeys keys, AutoCloseable owned) {
        this.db = new Database(b.dataSource, new Tables(b.tablePrefix), b.dialect, b.createSchema);
        this.keys = keys;
        this.clock = b.clock;
        this.owned = owned;
        if (keys.isPlaintext()) {
            LOG.warn("JdbcCredentialStore on table {}: encryption at rest is OFF (explicit opt-out with plaintext() or"
                    + " EncryptionKeys.none()); tokens are stored in plain text. Use this only for throw-away data.",
                    db.tables().credentials());
        }
    }

    /** A builder over {@code dataSource}, which should be pooled (HikariCP or the container's pool). */
    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    /**
     * The embedded default in one call: an SQLite database in {@code file} (created with its parent
     * directories, readable only by the owner where the file system allows), with its own
     * connection pool in WAL mode, closed by {@link #close()}. To share the file with a
     * {@link JdbcAuthorizationStateStore}, use {@link JdbcStores#sqlite(Path, EncryptionKeys)}.
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
        return run("Reading credentials", context(provider, subject), c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM " + table()
                    + " WHERE provider = ? AND subject = ?")) {
                ps.setString(1, provider);
                ps.setString(2, subject);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(decode(rs)) : Optional.<StoredCredentials>empty();
                }
            }
        });
    }

    @Override
    public void set(String provider, String subject, Map<String, Object> data) {
        checkKey(provider, subject);
        Row row = seal(provider, subject, data);
        JdbcDialect dialect = db.dialect();
        String sql = "INSERT INTO " + table() + " (provider, subject, version, status, created_at, updated_at, expires_at,"
                + " key_id, payload) VALUES (?, ?, 1, 'ACTIVE', ?, ?, ?, ?, ?)"
                + (dialect == JdbcDialect.MARIADB || dialect == JdbcDialect.MYSQL
                ? " ON DUPLICATE KEY UPDATE version = version + 1, status = 'ACTIVE', updated_at = VALUES(updated_at),"
                    + " expires_at = VALUES(expires_at), key_id = VALUES(key_id), payload = VALUES(payload)"
                : " ON CONFLICT (provider, subject) DO UPDATE SET version = " + table() + ".version + 1, status = 'ACTIVE',"
                    + " updated_at = excluded.updated_at, expires_at = excluded.expires_at, key_id = excluded.key_id,"
                    + " payload = excluded.payload");
        run("Storing credentials", context(provider, subject), c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bindInsert(ps, provider, subject, row);
                return ps.executeUpdate();
            }
        });
    }

    @Override
    public boolean compareAndSet(String provider, String subject, long expectedVersion, Map<String, Object> data) {
        checkKey(provider, subject);
        Row row = seal(provider, subject, data);
        if (expectedVersion < 0) {
            return false;
        }
        JdbcDialect dialect = db.dialect();
        if (expectedVersion == 0) {
            boolean plainInsert = dialect == JdbcDialect.MARIADB || dialect == JdbcDialect.MYSQL;
            String sql = "INSERT INTO " + table() + " (provider, subject, version, status, created_at, updated_at, expires_at,"
                    + " key_id, payload) VALUES (?, ?, 1, 'ACTIVE', ?, ?, ?, ?, ?)"
                    + (plainInsert ? "" : " ON CONFLICT (provider, subject) DO NOTHING");
            return run("Creating credentials", context(provider, subject), c -> {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    bindInsert(ps, provider, subject, row);
                    return ps.executeUpdate() == 1;
                } catch (SQLException e) {
                    // MariaDB has no ON CONFLICT DO NOTHING (INSERT IGNORE would also hide truncation):
                    // a duplicate key is the "row exists" answer, and it aborts only this statement.
                    if (plainInsert && dialect.isDuplicateKey(e)) {
                        return false;
                    }
                    throw e;
                }
            });
        }
        String sql = "UPDATE " + table() + " SET version = version + 1, status = 'ACTIVE', updated_at = ?, expires_at = ?,"
                + " key_id = ?, payload = ? WHERE provider = ? AND subject = ? AND version = ?";
        return run("Updating credentials", context(provider, subject), c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, row.now());
                setNullableLong(ps, 2, row.expiresAt());
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
        return run("Marking credentials as needing reauthorization", context(provider, subject), c -> {
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
        return run("Deleting credentials", context(provider, subject), c -> {
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
        JdbcDialect dialect = db.dialect();
        StringBuilder sql = new StringBuilder("SELECT " + COLUMNS + " FROM " + table() + " WHERE 1 = 1");
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
            args.add(ceilMillis(filter.expiringBefore()));
        }
        sql.append(dialect.orderByKey()).append(" LIMIT ?");
        args.add(filter.limit());
        return run("Listing credentials", null, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (int i = 0; i < args.size(); i++) {
                    ps.setObject(i + 1, args.get(i));
                }
                List<StoredCredentials> rows = new ArrayList<>();
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        StoredCredentials row = decode(rs);
                        if (filter.matches(row)) {
                            rows.add(row);
                        }
                    }
                }
                return List.copyOf(rows);
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
        checkHolder(holder);
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("the lease ttl must be positive, not " + ttl);
        }
        JdbcDialect dialect = db.dialect();
        String leases = db.tables().refreshLeases();
        long now = clock.millis();
        long until = saturatedAdd(now, ttl);
        return run("Taking the refresh lease", context(provider, subject), c -> {
            try {
                return claimLease(c, dialect, leases, provider, subject, holder, now, until);
            } catch (SQLException e) {
                // InnoDB resolves concurrent claims of one key with a deadlock error for one of them,
                // and a busy SQLite or a lock wait says the same: someone else is claiming it now.
                if (dialect.isLockTimeout(e)) {
                    return false;
                }
                throw e;
            }
        });
    }

    private static boolean claimLease(Connection c, JdbcDialect dialect, String leases, String provider, String subject,
                                      String holder, long now, long until) throws SQLException {
        boolean mysql = dialect == JdbcDialect.MARIADB || dialect == JdbcDialect.MYSQL;
        // Take over an expired lease or extend our own: one atomic statement, re-checked by the
        // database against the latest committed row, so two instances never both succeed.
        try (PreparedStatement ps = c.prepareStatement("UPDATE " + leases + " SET holder = ?, lease_until = ?"
                + " WHERE provider = ? AND subject = ? AND (lease_until <= ? OR holder = ?)")) {
            ps.setString(1, holder);
            ps.setLong(2, until);
            ps.setString(3, provider);
            ps.setString(4, subject);
            ps.setLong(5, now);
            ps.setString(6, holder);
            if (ps.executeUpdate() == 1) {
                return true;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + leases + " (provider, subject, holder, lease_until)"
                + " VALUES (?, ?, ?, ?)" + (mysql ? "" : " ON CONFLICT (provider, subject) DO NOTHING"))) {
            ps.setString(1, provider);
            ps.setString(2, subject);
            ps.setString(3, holder);
            ps.setLong(4, until);
            return ps.executeUpdate() == 1;
        } catch (SQLException e) {
            // MariaDB has no ON CONFLICT DO NOTHING: a duplicate key means another holder has it.
            if (mysql && dialect.isDuplicateKey(e)) {
                return false;
            }
            throw e;
        }
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
        checkHolder(holder);
        String leases = db.tables().refreshLeases();
        long now = clock.millis();
        long lastPurge = lastLeasePurge.get();
        boolean purge = now - lastPurge >= LEASE_PURGE_INTERVAL_MILLIS && lastLeasePurge.compareAndSet(lastPurge, now);
        run("Releasing the refresh lease", context(provider, subject), c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + leases
                    + " WHERE provider = ? AND subject = ? AND holder = ?")) {
                ps.setString(1, provider);
                ps.setString(2, subject);
                ps.setString(3, holder);
                ps.executeUpdate();
            }
            if (purge) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + leases + " WHERE lease_until < ?")) {
                    ps.setLong(1, now - LEASE_PURGE_INTERVAL_MILLIS);
                    int purged = ps.executeUpdate();
                    if (purged > 0) {
                        LOG.debug("Removed {} expired refresh leases from {}", purged, leases);
                    }
                }
            }
            return null;
        });
    }

    private static long saturatedAdd(long millis, Duration ttl) {
        try {
            return Math.addExact(millis, ttl.toMillis());
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
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

    /** {@link #reencrypt()} with another batch size. */
    public int reencrypt(int batchSize) {
        if (batchSize <= 0) {
            throw new IllegalArgumentException("batchSize must be positive");
        }
        if (keys.isPlaintext()) {
            throw new IllegalStateException("This store has no encryption keys (EncryptionKeys.none()): nothing to re-encrypt to");
        }
        String primary = keys.primaryKeyId();
        String afterProvider = "";
        String afterSubject = "";
        int rewritten = 0;
        int unreadable = 0;
        while (true) {
            ReencryptBatch batch = readReencryptBatch(primary, afterProvider, afterSubject, batchSize);
            unreadable += batch.unreadable();
            if (!batch.rows().isEmpty()) {
                rewritten += writeReencryptBatch(batch.rows());
            }
            if (batch.seen() < batchSize) {
                break;
            }
            afterProvider = batch.lastProvider();
            afterSubject = batch.lastSubject();
        }
        LOG.info("reencrypt on table {}: {} rows rewritten under key '{}', {} rows could not be decrypted", table(), rewritten,
                primary, unreadable);
        return rewritten;
    }

    private record Reencrypted(String provider, String subject, long version, EncryptionKeys.Sealed sealed) {
    }

    private record ReencryptBatch(List<Reencrypted> rows, int seen, int unreadable, String lastProvider, String lastSubject) {
    }

    /**
     * The next rows after (afterProvider, afterSubject) not under the primary key, decrypted and
     * sealed again. Keyset pagination: {@code >} and {@code ORDER BY} use the same (default)
     * collation, so no row is missed although skipped rows keep matching the key condition.
     */
    private ReencryptBatch readReencryptBatch(String primary, String afterProvider, String afterSubject, int batchSize) {
        String sql = "SELECT provider, subject, version, key_id, payload FROM " + table()
                + " WHERE (key_id IS NULL OR key_id <> ?) AND (provider > ? OR (provider = ? AND subject > ?))"
                + " ORDER BY provider, subject LIMIT ?";
        return db.run(null, "Reading rows to re-encrypt", null, c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setString(1, primary);
                ps.setString(2, afterProvider);
                ps.setString(3, afterProvider);
                ps.setString(4, afterSubject);
                ps.setInt(5, batchSize);
                List<Reencrypted> rows = new ArrayList<>();
                int seen = 0;
                int unreadable = 0;
                String lastProvider = afterProvider;
                String lastSubject = afterSubject;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        seen++;
                        lastProvider = rs.getString(1);
                        lastSubject = rs.getString(2);
                        String keyId = rs.getString(4);
                        try {
                            byte[] plain = keyId == null ? plaintextRow(lastProvider, lastSubject, rs.getBytes(5))
                                    : open(lastProvider, lastSubject, keyId, rs.getBytes(5));
                            rows.add(new Reencrypted(lastProvider, lastSubject, rs.getLong(3),
                                    keys.seal(plain, aad(lastProvider, lastSubject))));
                        } catch (CredentialDecryptionException e) {
                            unreadable++;
                            LOG.warn("reencrypt: left the credentials of provider '{}', subject '{}' as they are: {}",
                                    lastProvider, lastSubject, e.getMessage());
                        }
                    }
                }
                return new ReencryptBatch(rows, seen, unreadable, lastProvider, lastSubject);
            }
        });
    }

    /**
     * Writes one batch in one transaction. Guarded by version: a row written since it was read
     * is skipped (its writer used the primary key). Data, version, status and times stay as they are.
     */
    private int writeReencryptBatch(List<Reencrypted> rows) {
        String sql = "UPDATE " + table() + " SET key_id = ?, payload = ? WHERE provider = ? AND subject = ? AND version = ?";
        return db.run(null, "Re-encrypting credentials", null, c -> Database.inTransaction(c, tx -> {
            int written = 0;
            try (PreparedStatement ps = tx.prepareStatement(sql)) {
                for (Reencrypted row : rows) {
                    ps.setString(1, row.sealed().keyId());
                    ps.setBytes(2, row.sealed().payload());
                    ps.setString(3, row.provider());
                    ps.setString(4, row.subject());
                    ps.setLong(5, row.version());
                    written += ps.executeUpdate() == 1 ? 1 : 0;
                }
            }
            return written;
        }));
    }

    /** The key ring this store encrypts with. */
    public EncryptionKeys encryptionKeys() {
        return keys;
    }

    /** The credentials table's name. */
    public String tableName() {
        return table();
    }

    /** The database dialect (detected on first use unless set on the builder); connects if needed. */
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

    /** The sealed payload and plain columns of one write. */
    private record Row(EncryptionKeys.Sealed sealed, long now, Long expiresAt) {
    }

    private Row seal(String provider, String subject, Map<String, Object> data) {
        Objects.requireNonNull(data, "data");
        Map<String, Object> copy = Json.deepCopy(data);
        byte[] json = Json.write(copy).getBytes(StandardCharsets.UTF_8);
        Instant expires = StoredCredentials.expiresAtOf(copy);
        return new Row(keys.seal(json, aad(provider, subject)), clock.millis(), expires == null ? null : floorMillis(expires));
    }

    private void bindInsert(PreparedStatement ps, String provider, String subject, Row row) throws SQLException {
        ps.setString(1, provider);
        ps.setString(2, subject);
        ps.setLong(3, row.now());
        ps.setLong(4, row.now());
        setNullableLong(ps, 5, row.expiresAt());
        ps.setString(6, row.sealed().keyId());
        ps.setBytes(7, row.sealed().payload());
    }

    private StoredCredentials decode(ResultSet rs) throws SQLException {
        String provider = rs.getString(1);
        String subject = rs.getString(2);
        long version = rs.getLong(3);
        String status = rs.getString(4);
        long createdAt = rs.getLong(5);
        long updatedAt = rs.getLong(6);
        byte[] plain = open(provider, subject, rs.getString(7), rs.getBytes(8));
        Map<String, Object> data;
        try {
            data = Json.parseObject(plain);
        } catch (IOException | RuntimeException e) {
            throw new CredentialDecryptionException("The credentials of provider '" + provider + "', subject '" + subject
                    + "' in table " + table() + " decrypted but are not a JSON object (" + e.getClass().getSimpleName()
                    + "); delete the row so the user connects again");
        }
        CredentialStatus parsedStatus;
        try {
            parsedStatus = CredentialStatus.valueOf(status);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new CredentialStoreException("The credentials of provider '" + provider + "', subject '" + subject
                    + "' in table " + table() + " have an unknown status '" + status + "'; expected one of "
                    + List.of(CredentialStatus.values()));
        }
        return new StoredCredentials(provider, subject, data, version, parsedStatus, StoredCredentials.expiresAtOf(data),
                Instant.ofEpochMilli(createdAt), Instant.ofEpochMilli(updatedAt));
    }

    private byte[] open(String provider, String subject, String keyId, byte[] payload) {
        try {
            return keys.open(keyId, payload, aad(provider, subject));
        } catch (GeneralSecurityException e) {
            throw new CredentialDecryptionException("Cannot decrypt the credentials of provider '" + provider + "', subject '"
                    + subject + "' in table " + table() + ": " + e.getMessage() + ". Other rows are unaffected; restore the"
                    + " key that wrote this row, or delete the row so the user connects again.");
        }
    }

    /**
     * A row written by a plain-text store: accepted only by {@link #reencrypt}, the explicit step
     * that encrypts such rows, and only if it is a JSON object.
     */
    private byte[] plaintextRow(String provider, String subject, byte[] payload) {
        try {
            Json.parseObject(payload);
            return payload;
        } catch (IOException | RuntimeException e) {
            throw new CredentialDecryptionException("The plain-text credentials of provider '" + provider + "', subject '"
                    + subject + "' in table " + table() + " are not a JSON object; delete the row");
        }
    }

    static byte[] aad(String provider, String subject) {
        return (AAD_TAG + '\0' + provider + '\0' + subject).getBytes(StandardCharsets.UTF_8);
    }

    /** Runs {@code work} on a connection of its own, returned right after. */
    private <T> T run(String action, String context, Database.Work<T> work) {
        return db.run(null, action, context, work);
    }

    private String table() {
        return db.tables().credentials();
    }

    private static String context(String provider, String subject) {
        return "provider '" + provider + "', subject '" + subject + "'";
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

    private static void checkHolder(String holder) {
        Objects.requireNonNull(holder, "holder");
        if (holder.isEmpty() || holder.length() > 100) {
            throw new IllegalArgumentException("a refresh lease holder id must have 1 to 100 characters");
        }
    }

    private static void setNullableLong(PreparedStatement ps, int index, Long value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.BIGINT);
        } else {
            ps.setLong(index, value);
        }
    }

    static long floorMillis(Instant instant) {
        try {
            return instant.toEpochMilli();
        } catch (ArithmeticException e) {
            return instant.isBefore(Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    static long ceilMillis(Instant instant) {
        long millis = floorMillis(instant);
        return instant.getNano() % 1_000_000 != 0 && millis != Long.MAX_VALUE ? millis + 1 : millis;
    }

    /**
     * Builds a {@link JdbcCredentialStore}. Only the data source is required; encryption keys come
     * from the environment unless given (see {@link EncryptionKeys#fromEnvironment()}).
     */
    public static final class Builder {
        private final DataSource dataSource;
        private EncryptionKeys keys;
        private boolean createSchema = true;
        private String tablePrefix = JdbcDialect.DEFAULT_TABLE_PREFIX;
        private JdbcDialect dialect;
        private Clock clock = Clock.systemUTC();
        private Map<String, String> environment;

        private Builder(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        }

        /** The key ring (default: {@link EncryptionKeys#fromEnvironment()} at {@link #build()}). */
        public Builder encryption(EncryptionKeys keys) {
            this.keys = Objects.requireNonNull(keys, "keys");
            return this;
        }

        /** Opts out of encryption at rest: tokens are stored as plain JSON, and a warning is logged. */
        public Builder plaintext() {
            return encryption(EncryptionKeys.none());
        }

        /** Whether to create the tables on first use (default true); when false, they are checked instead. */
        public Builder createSchema(boolean createSchema) {
            this.createSchema = createSchema;
            return this;
        }

        /**
         * The prefix of the table and index names (default {@value JdbcDialect#DEFAULT_TABLE_PREFIX}):
         * 1 to 30 letters, digits or '_'. Stores that share data must use the same prefix.
         */
        public Builder tablePrefix(String prefix) {
            this.tablePrefix = JdbcDialect.checkTablePrefix(prefix);
            return this;
        }

        /** The dialect, instead of detecting it from the connection's metadata. */
        public Builder dialect(JdbcDialect dialect) {
            this.dialect = Objects.requireNonNull(dialect, "dialect");
            return this;
        }

        /** The clock for created/updated times (default UTC system clock). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** Environment variables to read the key ring from instead of the process's (for tests). */
        Builder environment(Map<String, String> environment) {
            this.environment = Map.copyOf(environment);
            return this;
        }

        /**
         * Builds the store. It connects lazily: the first call detects the dialect and creates the
         * schema, so a database that is down now only fails calls until it is back.
         *
         * @throws dev.integrations.ConfigurationException when no key ring was given and none is
         *     configured in the environment
         */
        public JdbcCredentialStore build() {
            return build(null);
        }

        JdbcCredentialStore build(AutoCloseable owned) {
            EncryptionKeys ring = keys != null ? keys
                    : environment != null ? EncryptionKeys.fromEnvironment(environment) : EncryptionKeys.fromEnvironment();
            return new JdbcCredentialStore(this, ring, owned);
        }
    }
}
