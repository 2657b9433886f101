package dev.integrations.internal.github;

import dev.integrations.http.HttpTransport;
import dev.integrations.http.InMemoryResponseCache;
import dev.integrations.http.ResponseCache;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The traffic state that belongs to one {@link HttpTransport}, like its connection pool: the
 * rate-limit tracker and the default response caches. Providers are cheap and short-lived (one
 * per session); keeping this per transport lets every session of an {@code AuthManager} see the
 * same rate-limit counters and reuse the same cached responses. Sharing is safe because both are
 * keyed by a hash of the credential.
 *
 * <p>Kept by the transport itself ({@link HttpTransport#shared}), not in a static map: when a
 * transport is no longer used, its state goes with it.
 */
public final class TrafficState {
    private final ReentrantLock lock = new ReentrantLock();

    private final RateLimitTracker rateLimits = new RateLimitTracker();
    /** Default caches by size bound, so providers configured with different bounds do not share one. */
    private final Map<Long, ResponseCache> caches = new HashMap<>();

    private TrafficState() {
    }

    /**
     * The state of {@code transport}, created on first use.
     *
     * @param transport the transport
     * @return its one traffic state
     */
    public static TrafficState of(HttpTransport transport) {
        return transport.shared(TrafficState.class, TrafficState::new);
    }

    public RateLimitTracker rateLimits() {
        return rateLimits;
    }

    public ResponseCache defaultCache(long maxBytes) {
        lock.lock();
        try {
            return caches.computeIfAbsent(maxBytes, InMemoryResponseCache::new);
        } finally {
            lock.unlock();
        }
    }
}
