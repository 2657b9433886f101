package dev.integrations.jdbc;

import dev.integrations.github.webhooks.WebhookDeliveryStore;
import dev.integrations.jdbc.internal.Database;
import dev.integrations.jdbc.internal.Millis;
import dev.integrations.jdbc.internal.Tables;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link WebhookDeliveryStore} in a relational database, so that instances behind a load
 * balancer agree on which webhook deliveries were processed:
 *
 * <pre>{@code
 * WebhookReceiver receiver = WebhookReceiver.of(WebhookVerifier.fromEnvironment(),
 *         JdbcWebhookDeliveryStore.builder(dataSource).build());
 * }</pre>
 *
 * <p>One row per delivery id in {@code <prefix>webhook_deliveries}, created with the other tables
 * of the shipped schema ({@link JdbcDialect#schemaStatements(String)}). {@link #markProcessed}
 * inserts the id under its primary key: a duplicate key means "seen before", and of two instances
 * receiving the same delivery at once exactly one inserts it. On PostgreSQL and SQLite the insert
 * says {@code ON CONFLICT DO NOTHING} (a failed statement would abort an enclosing PostgreSQL
 * transaction); on MariaDB/MySQL the duplicate-key error itself is the answer.
 *
 * <p>Ids are forgotten after the retention (default 3 days, GitHub's redelivery window): an id
 * seen again after that is new, and old rows are purged by {@link #purgeExpired} and, at most once
 * per purge interval, by {@link #markProcessed}. Delivery ids are not secret and stored as they are.
 */
public final class JdbcWebhookDeliveryStore implements WebhookDeliveryStore {
    /** The default retention: GitHub lets a delivery be redelivered for 3 days. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(3);

    private static final Logger LOG = LoggerFactory.getLogger(JdbcWebhookDeliveryStore.class);

    private final Database db;
    private final Duration retention;
    private final long purgeIntervalNanos;
    private final AtomicLong nextPurge;

    private JdbcWebhookDeliveryStore(Builder b) {
        Tables tables = new Tables(b.tablePrefix);
        this.db = new Database(b.dataSource, tables, b.dialect, b.createSchema, JdbcDialect::sql,
                java.util.List.of(tables.webhookDeliveries()));
        this.retention = b.retention;
        this.purgeIntervalNanos = b.purgeInterval.toNanos();
        this.nextPurge = new AtomicLong(System.nanoTime());
    }

    /**
     * A builder over {@code dataSource}, which should be pooled.
     *
     * @param dataSource where the webhook-deliveries table lives
     * @return a new builder
     */
    public static Builder builder(DataSource dataSource) {
        return new Builder(dataSource);
    }

    /**
     * {@inheritDoc}
     *
     * @throws CredentialStoreException when the database fails (message safe to log); nothing was recorded
     */
    @Override
    public boolean markProcessed(String deliveryId, Instant receivedAt) {
        WebhookDeliveryStore.checkDeliveryId(deliveryId);
        Objects.requireNonNull(receivedAt, "receivedAt");
        long at = Millis.floor(receivedAt);
        long cutoff = cutoff(receivedAt);
        String insert = "INSERT INTO " + table() + " (delivery_id, received_at) VALUES (?, ?)";
        Database.Work<Boolean> insertIfAbsent = c -> db.sql().insertIfAbsent(c, insert, "delivery_id", ps -> {
            ps.setString(1, deliveryId);
            ps.setLong(2, at);
        });
        db.dialect(); // connect and create the schema before the rate-limited purge spends its turn
        maybePurge(receivedAt);
        return db.run("Recording a webhook delivery", "delivery '" + printable(deliveryId) + "'", c -> {
            if (insertIfAbsent.run(c)) {
                return true;
            }
            // Seen before: new again only if that row's retention has ended.
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table() + " WHERE delivery_id = ? AND received_at <= ?")) {
                ps.setString(1, deliveryId);
                ps.setLong(2, cutoff);
                if (ps.executeUpdate() == 0) {
                    return false;
                }
            }
            return insertIfAbsent.run(c);
        });
    }

    /**
     * {@inheritDoc}
     *
     * @throws CredentialStoreException when the database fails (message safe to log)
     */
    @Override
    public boolean forget(String deliveryId) {
        Objects.requireNonNull(deliveryId, "deliveryId");
        return db.run("Forgetting a webhook delivery", "delivery '" + printable(deliveryId) + "'", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table() + " WHERE delivery_id = ?")) {
                ps.setString(1, deliveryId);
                return ps.executeUpdate() > 0;
            }
        });
    }

    /**
     * {@inheritDoc}
     *
     * @throws CredentialStoreException when the database fails (message safe to log)
     */
    @Override
    public int purgeExpired(Instant now) {
        Objects.requireNonNull(now, "now");
        long cutoff = cutoff(now);
        return db.run("Purging old webhook deliveries", null, c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table() + " WHERE received_at <= ?")) {
                ps.setLong(1, cutoff);
                return ps.executeUpdate();
            }
        });
    }

    /**
     * The webhook-deliveries table's name.
     *
     * @return the table name, prefix included
     */
    public String tableName() {
        return table();
    }

    @Override
    public String toString() {
        return "JdbcWebhookDeliveryStore[table=" + table() + ", retention=" + retention + "]";
    }

    /** The newest receipt time whose retention has ended at {@code now}, in epoch ms (to the millisecond the column keeps). */
    private long cutoff(Instant now) {
        return Millis.floor(now.minus(retention));
    }

    private void maybePurge(Instant now) {
        long next = nextPurge.get();
        long t = System.nanoTime();
        if (t - next >= 0 && nextPurge.compareAndSet(next, t + purgeIntervalNanos)) {
            int purged = purgeExpired(now);
            if (purged > 0) {
                LOG.debug("Purged {} old webhook deliveries from {}", purged, table());
            }
        }
    }

    /** The id for a failure message: GitHub's GUIDs as they are, anything else not quoted. */
    private static String printable(String deliveryId) {
        return deliveryId.matches("[A-Za-z0-9._-]{1,128}") ? deliveryId : "(unprintable id)";
    }

    private String table() {
        return db.tables().webhookDeliveries();
    }

    /** Builds a {@link JdbcWebhookDeliveryStore}. Only the data source is required. Not thread-safe. */
    public static final class Builder {
        private final DataSource dataSource;
        private String tablePrefix = JdbcDialect.DEFAULT_TABLE_PREFIX;
        private boolean createSchema = true;
        private @Nullable JdbcDialect dialect;
        private Duration retention = DEFAULT_RETENTION;
        private Duration purgeInterval = Duration.ofMinutes(1);

        private Builder(DataSource dataSource) {
            this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
        }

        /**
         * The prefix of the table and index names (default {@value JdbcDialect#DEFAULT_TABLE_PREFIX}),
         * as for the other JDBC stores.
         *
         * @param prefix the table prefix
         * @return this builder
         * @throws IllegalArgumentException when the prefix is invalid
         */
        public Builder tablePrefix(String prefix) {
            this.tablePrefix = Tables.checkPrefix(prefix);
            return this;
        }

        /**
         * Whether to create missing tables on first use (default true); when false, they are checked instead.
         *
         * @param createSchema whether to create missing tables
         * @return this builder
         */
        public Builder createSchema(boolean createSchema) {
            this.createSchema = createSchema;
            return this;
        }

        /**
         * The dialect, instead of detecting it from the connection's metadata.
         *
         * @param dialect the dialect
         * @return this builder
         */
        public Builder dialect(JdbcDialect dialect) {
            this.dialect = Objects.requireNonNull(dialect, "dialect");
            return this;
        }

        /**
         * How long a delivery id is remembered (default 3 days, GitHub's redelivery window).
         *
         * @param retention the retention, positive
         * @return this builder
         * @throws IllegalArgumentException when it is not positive
         */
        public Builder retention(Duration retention) {
            if (retention.isNegative() || retention.isZero()) {
                throw new IllegalArgumentException("retention must be positive: " + retention);
            }
            this.retention = retention;
            return this;
        }

        /**
         * How often {@link #markProcessed} purges old rows at most (default one minute; zero: on every call).
         *
         * @param interval the least time between purges
         * @return this builder
         * @throws IllegalArgumentException when it is negative
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
         */
        public JdbcWebhookDeliveryStore build() {
            return new JdbcWebhookDeliveryStore(this);
        }
    }
}
