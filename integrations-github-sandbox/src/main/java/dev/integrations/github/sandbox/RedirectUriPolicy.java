package dev.integrations.github.sandbox;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The OAuth-app {@code redirect_uri} rules of https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps#redirect-urls.
 *
 * <ul>
 *   <li>Host: equal to the callback's host, or a subdomain of it ({@code oauth.example.com} for
 *       {@code example.com}); port equal (defaults resolved by scheme).</li>
 *   <li>Loopback callbacks ({@code 127.0.0.1} or {@code [::1]}): the same loopback literal, any port.</li>
 *   <li>Path: the callback path or a path below it ({@code /path}, {@code /path/sub}; not
 *       {@code /pathology}, not {@code /}).</li>
 * </ul>
 *
 * <p>Sandbox choices where GitHub's documentation is silent: the scheme must match; URIs with a fragment,
 * user-info, or dot segments (plain or percent-encoded) are rejected so that a path cannot climb
 * out of the callback directory.
 */
final class RedirectUriPolicy {

    private RedirectUriPolicy() {
    }

    static boolean allows(String callbackUrl, String redirectUri) {
        URI callback = parse(callbackUrl);
        URI requested = parse(redirectUri);
        if (callback == null || requested == null || !isSafe(requested, redirectUri)) {
            return false;
        }
        if (!callback.getScheme().equalsIgnoreCase(requested.getScheme())) {
            return false;
        }
        return hostAndPortMatch(callback, requested) && pathMatches(callback, requested);
    }

    private static boolean hostAndPortMatch(URI callback, URI requested) {
        String callbackHost = normaliseHost(callback.getHost());
        String requestedHost = normaliseHost(requested.getHost());
        if (isLoopback(callbackHost)) {
            return requestedHost.equals(callbackHost);
        }
        boolean hostOk = requestedHost.equals(callbackHost) || requestedHost.endsWith("." + callbackHost);
        return hostOk && port(callback) == port(requested);
    }

    private static boolean pathMatches(URI callback, URI requested) {
        String base = pathOf(callback);
        String path = pathOf(requested);
        if (path.equals(base)) {
            return true;
        }
        String directory = base.endsWith("/") ? base : base + "/";
        return path.startsWith(directory);
    }

    private static boolean isSafe(URI uri, String raw) {
        if (uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            return false;
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath();
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.contains("%2e") || lower.contains("%2f") || lower.contains("%5c")) {
            return false;
        }
        for (String segment : path.split("/", -1)) {
            if (segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return !raw.contains("\\");
    }

    private static @Nullable URI parse(String value) {
        if (value == null) {
            return null;
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            if (scheme == null || uri.getHost() == null || !uri.isAbsolute()) {
                return null;
            }
            String lower = scheme.toLowerCase(Locale.ROOT);
            return lower.equals("http") || lower.equals("https") ? uri : null;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static String normaliseHost(String host) {
        String lower = host.toLowerCase(Locale.ROOT);
        return lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
    }

    private static boolean isLoopback(String host) {
        return host.equals("127.0.0.1") || host.equals("[::1]");
    }

    private static int port(URI uri) {
        if (uri.getPort() >= 0) {
            return uri.getPort();
        }
        return uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
    }

    private static String pathOf(URI uri) {
        String path = uri.getRawPath();
        return path == null || path.isEmpty() ? "/" : path;
    }
}
