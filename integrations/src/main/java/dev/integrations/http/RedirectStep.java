package dev.integrations.http;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Follows redirects of {@code GET} and {@code HEAD} requests (301, 302, 303, 307, 308), as GitHub
 * asks clients to do for renamed or transferred repositories, up to a number of hops.
 *
 * <p>Credentials never follow a redirect to another origin: when the target's scheme, host or
 * port differs from the original request's, the {@code Authorization} header is dropped for that
 * hop and every later one. A redirect from {@code https} to {@code http} is refused outright, as a
 * browser would. Other methods are not followed: GitHub answers a {@code PATCH} to a renamed
 * repository with 307, and re-sending a body to a new place is the caller's decision, so the 3xx
 * response is returned as it is.
 *
 * <p>The JDK client's own redirect handling ({@code HttpClient.Redirect}) is off on the shared
 * client because it forwards every header, {@code Authorization} included, to the new host.
 */
public final class RedirectStep implements HttpStep {
    /** Hops followed by default; GitHub's renames need one. */
    public static final int DEFAULT_MAX_REDIRECTS = 5;

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);

    private final int maxRedirects;

    /**
     * A step following at most {@code maxRedirects} hops per request; 0 follows none.
     *
     * @throws IllegalArgumentException if {@code maxRedirects} is negative
     */
    public RedirectStep(int maxRedirects) {
        if (maxRedirects < 0) {
            throw new IllegalArgumentException("maxRedirects must be 0 or more, got " + maxRedirects);
        }
        this.maxRedirects = maxRedirects;
    }

    @Override
    public HttpResult apply(HttpRequest request, Chain chain) {
        String method = request.method().toUpperCase(Locale.ROOT);
        if (maxRedirects == 0 || !(method.equals("GET") || method.equals("HEAD"))) {
            return chain.proceed(request);
        }
        HttpRequest current = request;
        for (int hop = 0; ; hop++) {
            HttpResult result = chain.proceed(current);
            Optional<String> location = result.header("location");
            if (!REDIRECTS.contains(result.status()) || location.isEmpty()) {
                return result;
            }
            if (hop >= maxRedirects) {
                throw new TransportException(method + " " + describe(request.uri()) + " was redirected more than "
                        + maxRedirects + " times (last to " + describe(current.uri()) + "); stopping. Check for a"
                        + " redirect loop, or raise max_redirects");
            }
            URI target = resolve(current.uri(), location.get(), method, request.uri());
            if ("https".equalsIgnoreCase(current.uri().getScheme()) && "http".equalsIgnoreCase(target.getScheme())) {
                throw new TransportException(method + " " + describe(request.uri()) + " was redirected from https to "
                        + describe(target) + "; refusing to downgrade to plain http");
            }
            // Compared with the original request, so credentials dropped on one hop stay dropped.
            boolean keepCredentials = sameOrigin(request.uri(), target);
            current = HttpRequest.newBuilder(current,
                    (name, value) -> keepCredentials || !name.equalsIgnoreCase("authorization"))
                    .uri(target)
                    .build();
        }
    }

    /** True when both URIs have the same scheme, host and (effective) port. */
    public static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getHost() != null && a.getHost().equalsIgnoreCase(b.getHost())
                && port(a) == port(b);
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : 80;
    }

    private static URI resolve(URI current, String location, String method, URI original) {
        try {
            URI target = current.resolve(new URI(location.trim()));
            String scheme = target.getScheme();
            if (scheme == null || target.getHost() == null
                    || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
                throw new TransportException(method + " " + describe(original)
                        + " was redirected to a location that is not an http(s) URL; not following it");
            }
            return target;
        } catch (URISyntaxException | IllegalArgumentException e) {
            throw new TransportException(method + " " + describe(original)
                    + " was redirected to a malformed Location; not following it", e);
        }
    }

    /** Scheme, authority and path only: queries may carry things that do not belong in messages. */
    private static String describe(URI uri) {
        return uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath();
    }

    @Override
    public String toString() {
        return "RedirectStep[maxRedirects=" + maxRedirects + "]";
    }
}
