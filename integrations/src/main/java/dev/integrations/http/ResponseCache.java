package dev.integrations.http;

import java.util.Optional;

/**
 * Where {@code ConditionalCacheStep} keeps responses for conditional requests. Pluggable: the
 * default is {@link InMemoryResponseCache}; an application may supply its own (for example one
 * backed by a shared store), as long as it is thread-safe.
 *
 * <p>Keys carry a hash of the credential, never the token ({@link CacheKey}). Bodies are personal
 * data of the user whose token fetched them: an implementation that writes them outside the
 * process should protect them as it would any user data. The cache only ever saves rate limit and
 * bandwidth: every use is revalidated with the server first, so a stale or lost entry costs one
 * full response, never a wrong answer.
 */
public interface ResponseCache {
    /**
     * Looks an entry up.
     *
     * @param key the request's key
     * @return the entry stored under {@code key}, or empty when there is none
     */
    Optional<CachedResponse> get(CacheKey key);

    /**
     * Stores (or replaces) the entry under {@code key}. An implementation may decline to keep it.
     *
     * @param key the request's key
     * @param response the response to keep
     */
    void put(CacheKey key, CachedResponse response);

    /**
     * Forgets the entry under {@code key}, if any.
     *
     * @param key the request's key
     */
    void remove(CacheKey key);

    /** Forgets every entry. */
    void clear();
}
