package dev.integrations.internal.http;

import dev.integrations.http.CacheKey;
import dev.integrations.http.CachedResponse;
import dev.integrations.http.HttpResult;
import dev.integrations.http.HttpStep;
import dev.integrations.http.ResponseCache;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Makes repeated {@code GET}s conditional: remembers responses that carry an {@code ETag} or
 * {@code Last-Modified}, sends those validators back as {@code If-None-Match} /
 * {@code If-Modified-Since}, and answers a {@code 304 Not Modified} with the remembered body.
 * GitHub does not count a 304 against the primary rate limit, so unchanged data is free.
 *
 * <p>Entries are keyed by a {@linkplain CredentialHash hash of the request's credential} (taken
 * from its {@code Authorization} header, so this step must run after the step that adds it), the
 * exact URI and the varying request headers: one user's cached response can never serve another,
 * and the token itself is never stored.
 *
 * <p>The cache never answers by itself: every request still goes to the server, which decides
 * whether the stored body is current. So the step cannot serve stale data, and needs no
 * invalidation when something changes. Left alone are requests that carry their own conditional
 * or range headers, or {@code Cache-Control: no-cache}/{@code no-store}; responses with
 * {@code Cache-Control: no-store} are not stored. A served 304 becomes a result with the stored
 * status and body and the stored headers updated by the 304's (fresh rate-limit counters).
 */
public final class ConditionalCacheStep implements HttpStep {
    private final java.util.function.UnaryOperator<String> credentialHash = CredentialHash.memoizingOfAuthorization();
    private final ResponseCache cache;
    private final List<String> varyHeaders;

    /**
     * A step storing in {@code cache}.
     *
     * @param varyHeaders request headers whose value selects the representation (e.g. {@code Accept});
     *     they become part of the key
     */
    public ConditionalCacheStep(ResponseCache cache, List<String> varyHeaders) {
        this.cache = Objects.requireNonNull(cache, "cache");
        this.varyHeaders = varyHeaders.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
    }

    @Override
    public HttpResult apply(HttpRequest request, Chain chain) {
        if (!request.method().equalsIgnoreCase("GET") || callerControlsCaching(request)) {
            return chain.proceed(request);
        }
        CacheKey key = keyOf(request);
        Optional<CachedResponse> cached = cache.get(key);
        HttpRequest sent = request;
        if (cached.isPresent()) {
            HttpRequest.Builder conditional = HttpRequest.newBuilder(request, (name, value) -> true);
            if (cached.get().etag().isPresent()) {
                conditional.setHeader("If-None-Match", cached.get().etag().get());
            } else {
                conditional.setHeader("If-Modified-Since", cached.get().lastModified().orElseThrow());
            }
            sent = conditional.build();
        }
        HttpResult result = chain.proceed(sent);
        if (result.status() == 304 && cached.isPresent()) {
            CachedResponse refreshed = cached.get().revalidatedBy(result.headers());
            cache.put(key, refreshed);
            return new HttpResult(result.request(), refreshed.status(), refreshed.httpHeaders(), refreshed.body());
        }
        if (result.status() == 200) {
            if (storable(result)) {
                cache.put(key, CachedResponse.of(result));
            } else if (cached.isPresent()) {
                cache.remove(key);
            }
        } else if ((result.status() == 404 || result.status() == 410) && cached.isPresent()) {
            cache.remove(key);
        }
        return result;
    }

    /** The key this step uses for {@code request}; public so tests and custom caches can compute it. */
    public CacheKey keyOf(HttpRequest request) {
        Map<String, String> vary = new TreeMap<>();
        for (String header : varyHeaders) {
            vary.put(header, request.headers().firstValue(header).orElse(""));
        }
        return new CacheKey(credentialHash.apply(request.headers().firstValue("authorization").orElse(null)),
                request.uri(), vary);
    }

    private static boolean callerControlsCaching(HttpRequest request) {
        var headers = request.headers();
        if (headers.firstValue("if-none-match").isPresent() || headers.firstValue("if-modified-since").isPresent()
                || headers.firstValue("range").isPresent()) {
            return true;
        }
        String cacheControl = String.join(",", headers.allValues("cache-control")).toLowerCase(Locale.ROOT);
        return cacheControl.contains("no-cache") || cacheControl.contains("no-store");
    }

    private static boolean storable(HttpResult result) {
        String cacheControl = String.join(",", result.headers().allValues("cache-control")).toLowerCase(Locale.ROOT);
        if (cacheControl.contains("no-store")) {
            return false;
        }
        return result.header("etag").isPresent() || result.header("last-modified").isPresent();
    }

    @Override
    public String toString() {
        return "ConditionalCacheStep[" + cache + "]";
    }
}
