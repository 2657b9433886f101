package dev.integrations.github.webhooks;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link WebhookDeliveryStore} in memory, for one application instance: bounded (the oldest
 * ids are evicted when it is full) and forgetting ids after the retention period. Every operation
 * is O(1) amortised: ids are kept in arrival order, so expired and evicted ones are at the head.
 * Use {@code JdbcWebhookDeliveryStore} when several instances receive deliveries.
 *
 * <p>Arrival order is assumed to follow {@code receivedAt}; an id recorded with an earlier
 * {@code receivedAt} than its predecessor is purged with them, at the latest when it is evicted.
 */
public final class InMemoryWebhookDeliveryStore implements WebhookDeliveryStore {
    /** The default number of ids kept. */
    public static final int DEFAULT_MAX_ENTRIES = 100_000;
    /** The default retention: GitHub lets a delivery be redelivered for 3 days. */
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(3);

    private final int maxEntries;
    private final Duration retention;
    private final ReentrantLock lock = new ReentrantLock();
    private final LinkedHashMap<String, Instant> seen = new LinkedHashMap<>();

    private InMemoryWebhookDeliveryStore(int maxEntries, Duration retention) {
        this.maxEntries = maxEntries;
        this.retention = retention;
    }

    /**
     * A store with the default size ({@value #DEFAULT_MAX_ENTRIES} ids) and retention (3 days).
     *
     * @return a new, empty store
     */
    public static InMemoryWebhookDeliveryStore create() {
        return new InMemoryWebhookDeliveryStore(DEFAULT_MAX_ENTRIES, DEFAULT_RETENTION);
    }

    /**
     * A store with its own size and retention.
     *
     * @param maxEntries how many ids to keep at most, at least 1; the oldest are evicted beyond that
     * @param retention how long an id is remembered, positive
     * @return a new, empty store
     * @throws IllegalArgumentException when a limit is not positive
     */
    public static InMemoryWebhookDeliveryStore create(int maxEntries, Duration retention) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1: " + maxEntries);
        }
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention must be positive: " + retention);
        }
        return new InMemoryWebhookDeliveryStore(maxEntries, retention);
    }

    @Override
    public boolean markProcessed(String deliveryId, Instant receivedAt) {
        WebhookDeliveryStore.checkDeliveryId(deliveryId);
        Objects.requireNonNull(receivedAt, "receivedAt");
        lock.lock();
        try {
            purge(receivedAt);
            Instant previous = seen.get(deliveryId);
            if (previous != null && !expired(previous, receivedAt)) {
                return false;
            }
            seen.remove(deliveryId);
            seen.put(deliveryId, receivedAt);
            while (seen.size() > maxEntries) {
                Iterator<String> oldest = seen.keySet().iterator();
                oldest.next();
                oldest.remove();
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean forget(String deliveryId) {
        Objects.requireNonNull(deliveryId, "deliveryId");
        lock.lock();
        try {
            return seen.remove(deliveryId) != null;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public int purgeExpired(Instant now) {
        Objects.requireNonNull(now, "now");
        lock.lock();
        try {
            return purge(now);
        } finally {
            lock.unlock();
        }
    }

    /**
     * How many ids are remembered now.
     *
     * @return the number of ids
     */
    public int size() {
        lock.lock();
        try {
            return seen.size();
        } finally {
            lock.unlock();
        }
    }

    private int purge(Instant now) {
        int purged = 0;
        for (Iterator<Map.Entry<String, Instant>> it = seen.entrySet().iterator(); it.hasNext(); ) {
            if (!expired(it.next().getValue(), now)) {
                break;
            }
            it.remove();
            purged++;
        }
        return purged;
    }

    private boolean expired(Instant receivedAt, Instant now) {
        return !receivedAt.plus(retention).isAfter(now);
    }

    @Override
    public String toString() {
        return "InMemoryWebhookDeliveryStore[size=" + size() + ", maxEntries=" + maxEntries + ", retention=" + retention + "]";
    }
}
