package dev.integrations.internal.http;

import dev.integrations.http.HttpResult;
import dev.integrations.internal.config.ConfigValues;
import dev.integrations.http.HttpStep;
import dev.integrations.http.TransportException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Follows redirects as GitHub asks clients to, for renamed or transferred repositories
 * (https://docs.github.com/en/rest/using-the-rest-api/best-practices-for-using-the-rest-api#follow-redirects:
 * "you should repeat your request to the URL specified by the location header"), up to a number
 * of hops:
 * <ul>
 *   <li>{@code 307} and {@code 308}, for every method: the request is repeated verbatim at the
 *       {@code Location}, same method, same body. GitHub answers a write to a renamed repository
 *       this way (e.g. {@code PATCH /repos/o/old} gets 307 to {@code /repositories/1000}), and RFC
 *       9110 §15.4.8/§15.4.9 forbid changing the method;</li>
 *   <li>{@code 301} and {@code 302}: repeated verbatim too, except for {@code POST}, which is not
 *       followed. HTTP lets clients turn such a {@code POST} into a {@code GET} (RFC 9110
 *       §15.4.2/§15.4.3), and a read answered 200 would look like a successful create;</li>
 *   <li>{@code 303}: followed only for {@code GET} and {@code HEAD}; for a write it says where to
 *       read the outcome, which is the caller's business.</li>
 * </ul>
 * A redirect that is not followed is returned as it is. A body is re-sent only when its publisher
 * knows its length ({@code BodyPublishers.ofString}, {@code ofByteArray}, {@code noBody}...): a
 * streamed body of unknown length may not be readable twice, so that redirect is returned too.
 *
 * <p>Credentials never follow a redirect to another origin: when the target's scheme, host or
 * port differs from the original request's, the {@code Authorization} header is dropped for that
 * hop and every later one. A redirect from {@code https} to {@code http} is refused outright, as a
 * browser would.
 *
 * <p>The JDK client's own redirect handling ({@code HttpClient.Redirect}) is off on the shared
 * client because it forwards every header, {@code Authorization} included, to the new host, and
 * does not repeat writes.
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
        if (maxRedirects == 0) {
            return chain.proceed(request);
        }
        String method = request.method().toUpperCase(Locale.ROOT);
        HttpRequest current = request;
        for (int hop = 0; ; hop++) {
            HttpResult result = chain.proceed(current);
            Optional<String> location = result.header("location");
            if (!REDIRECTS.contains(result.status()) || location.isEmpty() || !follows(current, result.status())) {
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
            boolean keepCredentials = ConfigValues.sameOrigin(request.uri(), target);
            // Same method, same headers, same body publisher: the request is repeated verbatim.
            current = HttpRequest.newBuilder(current,
                    (name, value) -> keepCredentials || !name.equalsIgnoreCase("authorization"))
                    .uri(target)
                    .build();
        }
    }

    /** Whether a redirect with {@code status} is followed for {@code request}, per the class comment. */
    private static boolean follows(HttpRequest request, int status) {
        String method = request.method().toUpperCase(Locale.ROOT);
        boolean read = method.equals("GET") || method.equals("HEAD");
        if (read) {
            return true;
        }
        if (status == 303 || (method.equals("POST") && (status == 301 || status == 302))) {
            return false;
        }
        // The body goes out again: only one of known length can be assumed to be replayable.
        return request.bodyPublisher().map(body -> body.contentLength() >= 0).orElse(true);
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
