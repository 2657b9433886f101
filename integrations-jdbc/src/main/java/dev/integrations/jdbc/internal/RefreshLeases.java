package dev.integrations.jdbc.internal;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Refresh leases in {@code <prefix>refresh_leases}: (provider, subject, holder, lease_until in
 * epoch milliseconds by this object's clock), taken and released with short auto-commit
 * statements, so no transaction, connection or database lock outlives a call and the token
 * request of a refresh runs with nothing held. The dialect decides how an insert of an existing
 * key and a concurrent claim (deadlock, lock wait, busy file) are recognised.
 */
public final class RefreshLeases {
    // Under the store's name, which applications' logging configuration already refers to.
    private static final Logger LOG = LoggerFactory.getLogger("dev.integrations.jdbc.JdbcCredentialStore");
    private static final long PURGE_INTERVAL_MILLIS = 60_000;

    private final Database db;
    private final Clock clock;
    /** When expired leases were last purged (epoch ms by {@link #clock}); purges are rate-limited. */
    private final AtomicLong lastPurge = new AtomicLong();

    /**
     * Leases in {@code db}'s lease table.
     *
     * @param db the database
     * @param clock the clock lease expiries are measured by
     */
    public RefreshLeases(Database db, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Takes the lease of (provider, subject) for {@code holder} unless another holder's lease is
     * still running: an {@code UPDATE} that takes over an expired lease (or extends the holder's
     * own), else an insert that succeeds only if no lease exists.
     *
     * @param provider the provider
     * @param subject the subject
     * @param holder the holder id, 1 to 100 characters
     * @param ttl how long the lease lasts, positive
     * @return true when {@code holder} holds the lease now
     * @throws dev.integrations.jdbc.CredentialStoreException when the database fails
     */
    public boolean tryAcquire(String provider, String subject, String holder, Duration ttl) {
        checkHolder(holder);
        Objects.requireNonNull(ttl, "ttl");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("the lease ttl must be positive, not " + ttl);
        }
        SqlDialect sql = db.sql();
        String leases = db.tables().refreshLeases();
        long now = clock.millis();
        long until = Millis.plus(now, ttl);
        return db.run("Taking the refresh lease", Database.context(provider, subject), c -> {
            try {
                return claim(c, sql, leases, provider, subject, holder, now, until);
            } catch (SQLException e) {
                // A concurrent claim of the same key: someone else is claiming it now.
                if (sql.isBusy(e)) {
                    return false;
                }
                throw e;
            }
        });
    }

    private static boolean claim(Connection c, SqlDialect sql, String leases, String provider, String subject,
                                 String holder, long now, long until) throws SQLException {
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
        String insert = "INSERT INTO " + leases + " (provider, subject, holder, lease_until) VALUES (?, ?, ?, ?)";
        return sql.insertIfAbsent(c, insert, "provider, subject", ps -> {
            ps.setString(1, provider);
            ps.setString(2, subject);
            ps.setString(3, holder);
            ps.setLong(4, until);
        });
    }

    /**
     * Deletes the holder's lease; at most once a minute per object it also deletes every lease
     * that expired more than a minute ago (left behind by crashed holders).
     *
     * @param provider the provider
     * @param subject the subject
     * @param holder the holder id
     * @throws dev.integrations.jdbc.CredentialStoreException when the database fails
     */
    public void release(String provider, String subject, String holder) {
        checkHolder(holder);
        String leases = db.tables().refreshLeases();
        long now = clock.millis();
        long last = lastPurge.get();
        boolean purge = now - last >= PURGE_INTERVAL_MILLIS && lastPurge.compareAndSet(last, now);
        db.run("Releasing the refresh lease", Database.context(provider, subject), c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + leases
                    + " WHERE provider = ? AND subject = ? AND holder = ?")) {
                ps.setString(1, provider);
                ps.setString(2, subject);
                ps.setString(3, holder);
                ps.executeUpdate();
            }
            if (purge) {
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + leases + " WHERE lease_until < ?")) {
                    ps.setLong(1, now - PURGE_INTERVAL_MILLIS);
                    int purged = ps.executeUpdate();
                    if (purged > 0) {
                        LOG.debug("Removed {} expired refresh leases from {}", purged, leases);
                    }
                }
            }
            // run(...) wants a result; a release has none worth returning.
            return Boolean.TRUE;
        });
    }

    private static void checkHolder(String holder) {
        Objects.requireNonNull(holder, "holder");
        if (holder.isEmpty() || holder.length() > 100) {
            throw new IllegalArgumentException("a refresh lease holder id must have 1 to 100 characters");
        }
    }
}
