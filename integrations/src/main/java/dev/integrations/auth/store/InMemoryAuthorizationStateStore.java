package dev.integrations.auth.store;

import dev.integrations.auth.oauth2.PendingAuthorization;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Pending authorizations in memory, for a single process.
 *
 * <p>Entries are indexed by a SHA-256 digest of provider and state rather than by the state
 * itself, so a hash-map lookup cannot leak, through timing, how much of a guessed state was
 * right; the stored state is then compared with {@link MessageDigest#isEqual} (constant time).
 *
 * <p>Cost: starting an authorization needs no user, so anyone can create pending states by
 * following "Sign in" links. Every operation therefore costs O(log n) whatever the number pending:
 * lookups go through the digest index, and expired entries are found through an index ordered by
 * expiry, so each save removes only what has expired since the last one instead of scanning every
 * entry.
 *
 * <p>Cap: at most {@link #maxPending()} authorizations are kept ({@value #DEFAULT_MAX_PENDING} by
 * default). When a save finds the store full, the authorization closest to expiry is evicted to
 * make room: new sign-ins keep working under a flood of abandoned ones, and a user whose pending
 * authorization was evicted gets an {@code InvalidStateException} on the callback and simply
 * starts again. The first eviction is logged as a warning; size the cap above the number of
 * authorizations your users can legitimately have in flight within one authorization TTL, and
 * rate-limit the endpoint that starts authorizations.
 *
 * <p>Thread-safe: every operation runs under one {@link ReentrantLock}, held only for in-memory
 * work.
 */
public final class InMemoryAuthorizationStateStore implements AuthorizationStateStore {
    /** The default cap on pending authorizations. */
    public static final int DEFAULT_MAX_PENDING = 10_000;

    private static final Logger LOG = LoggerFactory.getLogger(InMemoryAuthorizationStateStore.class);

    /** Position in the expiry index: expiry first, then insertion order to break ties. */
    private record ExpiryKey(Instant expiresAt, long sequence) implements Comparable<ExpiryKey> {
        @Override
        public int compareTo(ExpiryKey other) {
            int byTime = expiresAt.compareTo(other.expiresAt);
            return byTime != 0 ? byTime : Long.compare(sequence, other.sequence);
        }
    }

    private record Entry(PendingAuthorization authorization, ExpiryKey expiryKey) {
    }

    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, Entry> byDigest = new HashMap<>();
    private final TreeMap<ExpiryKey, String> byExpiry = new TreeMap<>();
    private final int maxPending;
    private long sequence;
    private long evicted;

    /** A store holding at most {@value #DEFAULT_MAX_PENDING} pending authorizations. */
    public InMemoryAuthorizationStateStore() {
        this(DEFAULT_MAX_PENDING);
    }

    /**
     * A store holding at most {@code maxPending} pending authorizations; when full, a save evicts
     * the one closest to expiry.
     *
     * @param maxPending the most pending authorizations kept, positive
     * @throws IllegalArgumentException when {@code maxPending} is not positive
     */
    public InMemoryAuthorizationStateStore(int maxPending) {
        if (maxPending < 1) {
            throw new IllegalArgumentException("maxPending must be at least 1, got " + maxPending);
        }
        this.maxPending = maxPending;
    }

    @Override
    public void save(PendingAuthorization authorization) {
        String digest = key(authorization.provider(), authorization.state());
        lock.lock();
        try {
            purgeExpiredLocked(authorization.createdAt());
            if (byDigest.containsKey(digest)) {
                throw new IllegalStateException("This state is already pending for provider '" + authorization.provider()
                        + "'; every authorization needs its own state (leave it unset to get a random one)");
            }
            while (byDigest.size() >= maxPending) {
                Map.Entry<ExpiryKey, String> oldest = byExpiry.pollFirstEntry();
                byDigest.remove(oldest.getValue());
                if (evicted++ == 0) {
                    LOG.warn("{} pending authorizations are stored, the cap of this in-memory state store: evicting the"
                            + " ones closest to expiry (their users must start again). Raise the cap or rate-limit the"
                            + " endpoint that starts authorizations.", maxPending);
                }
            }
            ExpiryKey expiryKey = new ExpiryKey(authorization.expiresAt(), sequence++);
            byDigest.put(digest, new Entry(authorization, expiryKey));
            byExpiry.put(expiryKey, digest);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Optional<PendingAuthorization> consume(String provider, String state, Instant now) {
        String digest = key(provider, state);
        Entry found;
        lock.lock();
        try {
            found = byDigest.remove(digest);
            if (found != null) {
                byExpiry.remove(found.expiryKey());
            }
        } finally {
            lock.unlock();
        }
        if (found == null || !MessageDigest.isEqual(bytes(found.authorization().state()), bytes(state))
                || found.authorization().isExpired(now)) {
            return Optional.empty();
        }
        return Optional.of(found.authorization());
    }

    @Override
    public int purgeExpired(Instant now) {
        lock.lock();
        try {
            return purgeExpiredLocked(now);
        } finally {
            lock.unlock();
        }
    }

    private int purgeExpiredLocked(Instant now) {
        int purged = 0;
        while (!byExpiry.isEmpty() && !now.isBefore(byExpiry.firstKey().expiresAt())) {
            byDigest.remove(byExpiry.pollFirstEntry().getValue());
            purged++;
        }
        return purged;
    }

    /**
     * The number of pending authorizations.
     *
     * @return how many are held, expired ones included until purged
     */
    public int size() {
        lock.lock();
        try {
            return byDigest.size();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The most pending authorizations this store keeps.
     *
     * @return the cap given to the constructor
     */
    public int maxPending() {
        return maxPending;
    }

    /**
     * How many pending authorizations were evicted before they expired.
     *
     * @return the count of evictions made to respect {@link #maxPending()}, since creation
     */
    public long evictedCount() {
        lock.lock();
        try {
            return evicted;
        } finally {
            lock.unlock();
        }
    }

    private static String key(String provider, String state) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(bytes(provider));
            sha.update((byte) 0);
            return HexFormat.of().formatHex(sha.digest(bytes(state)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
