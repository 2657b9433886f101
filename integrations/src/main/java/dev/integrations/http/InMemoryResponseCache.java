package dev.integrations.http;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link ResponseCache} in memory, bounded by an approximate byte size and evicting the least
 * recently used entries first. Entries larger than the whole bound are not kept.
 *
 * <p>Thread-safe; guarded by a {@link ReentrantLock} held only for map operations (never while
 * doing I/O), so it suits virtual threads.
 */
public final class InMemoryResponseCache implements ResponseCache {
    /** The default bound: 10 MiB. */
    public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;

    private final long maxBytes;
    private final ReentrantLock lock = new ReentrantLock();
    /** Access-ordered: iteration starts at the least recently used entry. */
    private final LinkedHashMap<CacheKey, Entry> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    private record Entry(CachedResponse response, long size) {
    }

    /** A cache of at most {@link #DEFAULT_MAX_BYTES}. */
    public InMemoryResponseCache() {
        this(DEFAULT_MAX_BYTES);
    }

    /**
     * A cache of at most {@code maxBytes} (approximate: keys, headers and bodies are counted).
     *
     * @param maxBytes the bound; the least recently used entries are dropped beyond it
     * @throws IllegalArgumentException if {@code maxBytes} is not positive
     */
    public InMemoryResponseCache(long maxBytes) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive, got " + maxBytes);
        }
        this.maxBytes = maxBytes;
    }

    @Override
    public Optional<CachedResponse> get(CacheKey key) {
        Objects.requireNonNull(key, "key");
        lock.lock();
        try {
            Entry entry = entries.get(key);
            return entry == null ? Optional.empty() : Optional.of(entry.response());
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void put(CacheKey key, CachedResponse response) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(response, "response");
        long size = (long) key.estimatedBytes() + response.estimatedBytes();
        lock.lock();
        try {
            Entry old = entries.remove(key);
            if (old != null) {
                bytes -= old.size();
            }
            if (size > maxBytes) {
                return;
            }
            entries.put(key, new Entry(response, size));
            bytes += size;
            Iterator<Map.Entry<CacheKey, Entry>> eldest = entries.entrySet().iterator();
            while (bytes > maxBytes && eldest.hasNext()) {
                bytes -= eldest.next().getValue().size();
                eldest.remove();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void remove(CacheKey key) {
        lock.lock();
        try {
            Entry old = entries.remove(key);
            if (old != null) {
                bytes -= old.size();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void clear() {
        lock.lock();
        try {
            entries.clear();
            bytes = 0;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The number of entries.
     *
     * @return how many responses are held now
     */
    public int size() {
        lock.lock();
        try {
            return entries.size();
        } finally {
            lock.unlock();
        }
    }

    /**
     * The approximate bytes held.
     *
     * @return the estimated size of every entry, at most {@link #maxBytes()}
     */
    public long bytes() {
        lock.lock();
        try {
            return bytes;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The bound in bytes.
     *
     * @return the most the entries may occupy, approximately
     */
    public long maxBytes() {
        return maxBytes;
    }

    @Override
    public String toString() {
        return "InMemoryResponseCache[" + size() + " entries, " + bytes() + " of " + maxBytes + " bytes]";
    }
}
