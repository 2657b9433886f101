package dev.integrations.jdbc;

import dev.integrations.auth.oauth2.PendingAuthorization;
import dev.integrations.auth.store.AuthorizationStateStore;
import dev.integrations.jdbc.internal.Database;
import dev.integrations.jdbc.internal.Millis;
import dev.integrations.jdbc.internal.RowCodec;
import dev.integrations.jdbc.internal.Sealed;
import dev.integrations.internal.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An {@link AuthorizationStateStore} in a relational database, so that the callback of an OAuth
 * flow may reach any instance behind a load balancer.
 *
 * <p>Rows of {@code <prefix>authorization_states} are keyed by provider and the SHA-256 of the state:
 * the state itself is never stored, so a database dump cannot be replayed, and the lookup compares
 * digests rather than the secret (a timing difference reveals nothing about the state). The code
 * verifier, redirect URI, subject and scopes are encrypted like credentials, bound to the provider
 * and state digest.
 *
 * <p>{@link #consume} is single use under concurrency: one {@code DELETE ... RETURNING} on
 * PostgreSQL and SQLite, {@code SELECT ... FOR UPDATE} then {@code DELETE} in one transaction on
 * MariaDB/MySQL; of two callbacks with the same state exactly one gets it. An expired state is
 * deleted and never returned. Expired rows are purged by {@link #purgeExpired} and, at most once
 * per purge interval (default one minute), by {@link #save}.
 *
 * <p>Keys rotate as for {@link JdbcCredentialStore}; states live minutes, so keep an old key in
 * the ring for the authorization lifetime after a rotation instead of re-encrypting.
 */
public final class JdbcAuthorizationStateStore implements AuthorizationStateStore {
    private static final Logger LOG = LoggerFactory.getLogger(JdbcAuthorizationStateStore.class);
    private static final String AAD_TAG = "integrations.authorization-states.v1";

    private final Database db;
    private final EncryptionKeys keys;
    private final RowCodec codec;
    private final long purgeIntervalNanos;
    private final AtomicLong nextPurge;

    private JdbcAuthorizationStateStore(Builder b, EncryptionKeys keys) {
        this.db = b.database();
        this.keys = keys;
        this.codec = new RowCodec(keys.cipher(), AAD_TAG);
        this.purgeIntervalNanos = b.purgeInterval.toNanos();
        this.nextPurge = new AtomicLong(System.nanoTime());
        if (keys.isPlaintext()) {
            LOG.warn("JdbcAuthorizationStateStore on table {}: encryption at rest is OFF (explicit opt-out with plaintext() or"
                    + " EncryptionKeys.none()); PKCE verifiers are stored in plain text. Use this only for throw-away data.",
                    table());
        }
    }

    /**
     * A builder over {@code dataSource}, which should be pooled.
     *
     * @param dataSource where the authorization-states table lives
     * @return a new builder
     */
    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    /**
     * {@inheritDoc}
     *
     * <p>A row with the same state that has already expired is replaced; a pending one is not.
     */
    @Override
    public void save(PendingAuthorization pending) {
        Objects.requireNonNull(pending, "pending");
        String provider = pending.provider();
        String hash = stateHash(pending.state());
        Sealed sealed = codec.seal(provider, hash, payload(pending));
        long createdAt = Millis.floor(pending.createdAt());
        long expiresAt = Millis.floor(pending.expiresAt());
        String insert = "INSERT INTO " + table() + " (provider, state_hash, created_at, expires_at, key_id, payload)"
                + " VALUES (?, ?, ?, ?, ?, ?)";
        Database.Work<Boolean> insertIfAbsent = c -> db.sql().insertIfAbsent(c, insert, "provider, state_hash", ps -> {
            ps.setString(1, provider);
            ps.setString(2, hash);
            ps.setLong(3, createdAt);
            ps.setLong(4, expiresAt);
            ps.setString(5, sealed.keyId());
            ps.setBytes(6, sealed.payload());
        });
        // Connect (and create the schema) first: a database that is down fails here, before the
        // rate-limited purge below spends its turn.
        db.dialect();
        maybePurge(pending.createdAt());
        boolean saved = db.run("Saving an authorization state", "provider '" + provider + "'", c -> {
            if (insertIfAbsent.run(c)) {
                return true;
            }
            // The same state is stored: replace it only if it has expired (rounded down: never a live one).
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table()
                    + " WHERE provider = ? AND state_hash = ? AND expires_at < ?")) {
                ps.setString(1, provider);
                ps.setString(2, hash);
                ps.setLong(3, createdAt);
                if (ps.executeUpdate() == 0) {
                    return false;
                }
            }
            return insertIfAbsent.run(c);
        });
        if (!saved) {
            throw new IllegalStateException("This state is already pending for provider '" + provider
                    + "'; every authorization needs its own state (leave it unset to get a random one)");
        }
    }

    @Override
    public Optional<PendingAuthorization> consume(String provider, String state, Instant now) {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(now, "now");
        String hash = stateHash(state);
        String where = " WHERE provider = ? AND state_hash = ?";
        Optional<Sealed> row = db.run("Consuming an authorization state", "provider '" + provider + "'",
                c -> Optional.ofNullable(db.sql().deleteReturningPayload(c, table(), where, ps -> {
                    ps.setString(1, provider);
                    ps.setString(2, hash);
                })));
        if (row.isEmpty()) {
            return Optional.empty();
        }
        PendingAuthorization pending = decode(provider, state, hash, row.get());
        return pending.isExpired(now) ? Optional.empty() : Optional.of(pending);
    }

    /**
     * {@inheritDoc}
     *
     * <p>The expiry column has millisecond precision; a row is purged once its expiry is at least a
     * millisecond before {@code now} (never early).
     */
    @Override
    public int purgeExpired(Instant now) {
        Objects.requireNonNull(now, "now");
        long cutoff = Millis.floor(now);
        return db.run("Purging expired authorization states", null, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table() + " WHERE expires_at < ?")) {
                ps.setLong(1, cutoff);
                return ps.executeUpdate();
            }
        });
    }

    /**
     * The authorization-states table's name.
     *
     * @return the table name, prefix included
     */
    public String tableName() {
        return table();
    }

    @Override
    public String toString() {
        return "JdbcAuthorizationStateStore[table=" + table() + ", keys=" + keys + "]";
    }

    // ---------------------------------------------------------------------------------------------

    private void maybePurge(Instant now) {
        long next = nextPurge.get();
        long t = System.nanoTime();
        if (t - next >= 0 && nextPurge.compareAndSet(next, t + purgeIntervalNanos)) {
            int purged = purgeExpired(now);
            if (purged > 0) {
                LOG.debug("Purged {} expired authorization states from {}", purged, table());
            }
        }
    }

    private byte[] payload(PendingAuthorization p) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("code_verifier", p.codeVerifier());
        map.put("redirect_uri", p.redirectUri() == null ? null : p.redirectUri().toString());
        map.put("subject", p.subject());
        map.put("scopes", p.scopes());
        // Exact instants: the columns are rounded to milliseconds.
        map.put("created_at", p.createdAt().toString());
        map.put("expires_at", p.expiresAt().toString());
        return Json.write(map).getBytes(StandardCharsets.UTF_8);
    }

    private PendingAuthorization decode(String provider, String state, String hash, Sealed row) {
        byte[] plain;
        try {
            plain = codec.open(provider, hash, row.keyId(), row.payload());
        } catch (GeneralSecurityException e) {
            throw new CredentialDecryptionException("Cannot decrypt the pending authorization of provider '" + provider
                    + "' with state digest " + hash.substring(0, 12) + "... in table " + table() + ": " + e.getMessage()
                    + ". The state is now consumed; the user has to start the authorization again.");
        }
        try {
            Map<String, Object> map = Json.parseObject(plain);
            List<String> scopes = new ArrayList<>();
            if (map.get("scopes") instanceof List<?> list) {
                for (Object scope : list) {
                    scopes.add(String.valueOf(scope));
                }
            }
            Object redirect = map.get("redirect_uri");
            return new PendingAuthorization(provider, state, (String) map.get("code_verifier"),
                    redirect == null ? null : URI.create((String) redirect), (String) map.get("subject"), scopes,
                    Instant.parse((String) map.get("created_at")), Instant.parse((String) map.get("expires_at")));
        } catch (IOException | RuntimeException e) {
            throw new CredentialDecryptionException("The pending authorization of provider '" + provider + "' in table "
                    + table() + " decrypted but is malformed (" + e.getClass().getSimpleName()
                    + "); the user has to start the authorization again");
        }
    }

    /** Lower-case hex SHA-256 of the state's UTF-8 bytes: the row key, so the state is never stored. */
    static String stateHash(String state) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(state.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private String table() {
        return db.tables().authorizationStates();
    }

    /**
     * Builds a {@link JdbcAuthorizationStateStore}. Only the data source is required; encryption
     * keys come from the environment unless given (see {@link EncryptionKeys#fromEnvironment()}).
     */
    public static final class Builder extends JdbcStoreOptions<Builder> {
        private Duration purgeInterval = Duration.ofMinutes(1);

        private Builder(DataSource dataSource) {
            super(dataSource);
        }

        @Override
        Builder self() {
            return this;
        }

        /**
         * How often {@link #save} purges expired rows at most (default one minute; zero: on every save).
         *
         * @param interval the least time between purges
         * @return this builder
         */
        public Builder purgeInterval(Duration interval) {
            if (interval.isNegative()) {
                throw new IllegalArgumentException("purgeInterval must not be negative");
            }
            this.purgeInterval = interval;
            return this;
        }

        /**
         * Builds the store; it connects on first use.
         *
         * @return the store
         * @throws dev.integrations.core.ConfigurationException when no key ring was given and none is
         *     configured in the environment
         */
        public JdbcAuthorizationStateStore build() {
            return new JdbcAuthorizationStateStore(this, resolveKeys());
        }
    }
}
