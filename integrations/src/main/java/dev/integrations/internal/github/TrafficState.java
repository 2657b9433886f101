package dev.integrations.internal.github;

import dev.integrations.http.HttpTransport;
import dev.integrations.http.InMemoryResponseCache;
import dev.integrations.http.ResponseCache;

import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The traffic state that belongs to one {@link HttpTransport}, like its connection pool: the
 * rate-limit tracker and the default response caches. Providers are cheap and short-lived (one
 * per session); keeping this per transport lets every session of an {@code AuthManager} see the
 * same rate-limit counters and reuse the same cached responses. Sharing is safe because both are
 * keyed by a hash of the credential.
 *
 * <p>Held weakly: when a transport is no longer used, its state goes with it.
 */
public final class TrafficState {
    private static final ReentrantLock LOCK = new ReentrantLock();
    private static final Map<HttpTransport, TrafficState> BY_TRANSPORT = new WeakHashMap<>();

    private final RateLimitTracker rateLimits = new RateLimitTracker();
    /** Default caches by size bound, so providers configured with different bounds do not share one. */
    private final Map<Long, ResponseCache> caches = new HashMap<>();

    private TrafficState() {
    }

    public static TrafficState of(HttpTransport transport) {
        LOCK.lock();
        try {
            return BY_TRANSPORT.computeIfAbsent(transport, t -> new TrafficState());
        } finally {
            LOCK.unlock();
        }
    }

    public RateLimitTracker rateLimits() {
        return rateLimits;
    }

    public ResponseCache defaultCache(long maxBytes) {
        LOCK.lock();
        try {
            return caches.computeIfAbsent(maxBytes, InMemoryResponseCache::new);
        } finally {
            LOCK.unlock();
        }
    }
}
