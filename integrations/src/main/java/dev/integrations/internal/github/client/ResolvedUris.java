package dev.integrations.internal.github.client;

import dev.integrations.http.HttpTransport;

import java.net.URI;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Request URIs already parsed, per transport: most calls of an application go to a few paths
 * ({@code /user}, {@code /user/repos}...), and parsing {@code base_url + path} into a
 * {@link URI} costs more than everything else the client does to build a request. Bounded: when
 * full it starts over, so paths with ids in them cannot grow it without limit. Only URLs without
 * a query are kept (a query may carry search terms an application would not expect to linger).
 */
final class ResolvedUris {
    static final int MAX_ENTRIES = 1024;

    private final ConcurrentMap<String, URI> uris = new ConcurrentHashMap<>();

    private ResolvedUris() {
    }

    /** The one cache of {@code transport}, created on first use. */
    static ResolvedUris of(HttpTransport transport) {
        return transport.shared(ResolvedUris.class, ResolvedUris::new);
    }

    /** {@code URI.create(url)}, parsed once while it stays in the cache. */
    URI resolve(String url) {
        URI uri = uris.get(url);
        if (uri == null) {
            uri = URI.create(url);
            if (uris.size() >= MAX_ENTRIES) {
                uris.clear();
            }
            uris.put(url, uri);
        }
        return uri;
    }
}
