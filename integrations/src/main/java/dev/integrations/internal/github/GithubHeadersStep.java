package dev.integrations.internal.github;

import dev.integrations.internal.config.ConfigValues;
import dev.integrations.github.GithubSettings;
import dev.integrations.github.UntrustedHostException;
import dev.integrations.auth.InvalidCredentialsException;
import dev.integrations.internal.http.HeaderValues;
import dev.integrations.http.HttpResult;
import dev.integrations.http.HttpStep;
import dev.integrations.internal.http.PreparedRequest;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Adds the headers every GitHub REST request needs: {@code Authorization: <scheme> <token>}
 * (only towards the configured API host, so a token never travels to another host; and only when
 * that host is the one the token was issued for or is listed in {@code trusted_hosts}, else an
 * {@link UntrustedHostException} before sending),
 * {@code Accept: application/vnd.github+json} unless the request chose a media type,
 * {@code X-GitHub-Api-Version} and {@code User-Agent} (GitHub refuses requests without one).
 */
public final class GithubHeadersStep implements HttpStep {
    private final GithubSettings settings;
    private final java.util.function.Supplier<String> token;
    /** Where {@link #prepare} builds its header sets; only their headers are kept. */
    private static final URI HEADERS_ONLY = URI.create("https://headers.invalid/");
    /** The headers of requests that carry no token, made on first use. */
    private volatile @Nullable Prepared anonymous;
    /** The headers of requests that carry the token, for the last token seen. */
    private volatile @Nullable Prepared authorized;

    /**
     * The headers of this client's requests, validated once and shared by every request until the
     * token changes: one set for requests without a body, one with {@code Content-Type: application/json}.
     */
    private record Prepared(@Nullable String token, HttpHeaders plain, HttpHeaders json) {
        boolean carries(HttpHeaders headers) {
            return headers == plain || headers == json;
        }
    }

    public GithubHeadersStep(GithubSettings settings, java.util.function.Supplier<String> token) {
        this.settings = settings;
        this.token = token;
    }

    @Override
    public HttpResult apply(HttpRequest request, Chain chain) {
        String current = token.get();
        boolean sendToken = current != null && ConfigValues.sameOrigin(request.uri(), settings.baseUrl());
        if (request instanceof PreparedRequest && carriesPrepared(request.headers(), sendToken ? current : null)) {
            // Built by the client with headers prepared for this very token and checked for this URI.
            return chain.proceed(request);
        }
        if (sendToken) {
            if (!settings.mayReceiveToken(request.uri())) {
                // Never fall back to an anonymous request: the caller would get confusing 401s or
                // public data where it expected its own.
                URI issued = settings.tokenOrigin();
                URI target = ConfigValues.origin(request.uri());
                throw new UntrustedHostException("Refusing to send the GitHub token to " + target.getHost() + ":"
                        + target.getPort() + " (" + request.method() + " " + target + request.uri().getRawPath()
                        + "): it was issued for " + issued + ", and base_url was changed without a new token. If "
                        + target.getHost() + " is yours, allow it with trusted_hosts=" + target.getHost() + ":"
                        + target.getPort() + " (or GITHUB_TRUSTED_HOSTS), or configure base_url for the whole"
                        + " application (GITHUB_BASE_URL or AuthManager.Builder.sessionSettings).");
            }
            // A refreshed token comes from a token endpoint: check it before the JDK quotes it in a refusal.
            String problem = HeaderValues.problem(current, false);
            if (problem != null) {
                throw new InvalidCredentialsException("The GitHub access token of this session " + problem + ", so it"
                        + " cannot be sent in an Authorization header; connect the user again to store fresh credentials.");
            }
        }
        if (carriesHeaders(request, sendToken ? current : null)) {
            // Preset by the client (see preset): rebuilding the request would copy every header twice.
            return chain.proceed(request);
        }
        HttpRequest.Builder builder = HttpRequest.newBuilder(request, (name, value) -> true);
        setHeaders(builder, request.headers().firstValue("accept").isPresent(), sendToken ? current : null);
        return chain.proceed(builder.build());
    }

    private boolean carriesPrepared(HttpHeaders headers, @Nullable String current) {
        Prepared prepared = current == null ? anonymous : authorized;
        return prepared != null && prepared.carries(headers) && java.util.Objects.equals(prepared.token(), current);
    }

    /**
     * The headers {@link #apply} would give a request to {@code uri} that has no headers of its
     * own, prepared once per token; null when {@code apply} would refuse the request (an
     * untrusted host, a token that cannot go in a header), so that it is built the ordinary way
     * and refused with the ordinary message.
     *
     * @param uri the request's URI
     * @param jsonBody whether the request has a JSON body ({@code Content-Type: application/json})
     * @return the shared headers, or null
     */
    public @Nullable HttpHeaders prepared(URI uri, boolean jsonBody) {
        String current = token.get();
        Prepared prepared;
        if (current == null || !ConfigValues.sameOrigin(uri, settings.baseUrl())) {
            prepared = anonymous;
            if (prepared == null) {
                prepared = prepare(null);
                anonymous = prepared;
            }
        } else {
            if (!settings.mayReceiveToken(uri)) {
                return null;
            }
            prepared = authorized;
            if (prepared == null || !current.equals(prepared.token())) {
                if (HeaderValues.problem(current, false) != null) {
                    return null;
                }
                prepared = prepare(current);
                authorized = prepared;
            }
        }
        return jsonBody ? prepared.json() : prepared.plain();
    }

    private Prepared prepare(@Nullable String current) {
        // Built as a request would be, so the JDK checks the values and the set is apply()'s.
        HttpRequest.Builder builder = HttpRequest.newBuilder(HEADERS_ONLY);
        setHeaders(builder, false, current);
        HttpHeaders plain = builder.build().headers();
        builder.setHeader("Content-Type", "application/json");
        return new Prepared(current, plain, builder.build().headers());
    }
    /**
     * Sets on a request being built what {@link #apply} would add, so that this step can pass it
     * on unchanged. Only for a chain without application steps: those must see calls before the
     * {@code Authorization} header is added. Adds the token only where {@link #apply} would, and
     * only a token that can go in a header; {@code apply} still checks every request (a retry
     * after a refresh, a redirect) and rebuilds any whose headers differ.
     *
     * @param builder the request being built, with the caller's headers already on it
     * @param callerHeaders the caller's headers, to see whether it chose a media type
     * @param uri the request's URI
     */
    public void preset(HttpRequest.Builder builder, Map<String, String> callerHeaders, URI uri) {
        boolean accept = false;
        for (String name : callerHeaders.keySet()) {
            accept |= name.equalsIgnoreCase("accept");
        }
        String current = token.get();
        boolean sendToken = current != null && ConfigValues.sameOrigin(uri, settings.baseUrl())
                && settings.mayReceiveToken(uri) && HeaderValues.problem(current, false) == null;
        setHeaders(builder, accept, sendToken ? current : null);
    }

    /**
     * Sets what this step adds to a request: the media type unless the caller chose one, the API
     * version, the user agent and, when given, the token.
     */
    private void setHeaders(HttpRequest.Builder builder, boolean callerChoseAccept, @Nullable String current) {
        if (!callerChoseAccept) {
            builder.header("Accept", "application/vnd.github+json");
        }
        builder.setHeader("X-GitHub-Api-Version", settings.apiVersion());
        builder.setHeader("User-Agent", settings.userAgent());
        if (current != null) {
            builder.setHeader("Authorization", settings.authorizationScheme() + " " + current);
        }
    }

    /** Whether {@code request} already has exactly the headers {@link #apply} would set. */
    private boolean carriesHeaders(HttpRequest request, @Nullable String current) {
        HttpHeaders headers = request.headers();
        if (headers.allValues("accept").isEmpty() || !single(headers, "x-github-api-version", settings.apiVersion())
                || !single(headers, "user-agent", settings.userAgent())) {
            return false;
        }
        if (current == null) {
            return true;
        }
        List<String> authorization = headers.allValues("authorization");
        if (authorization.size() != 1) {
            return false;
        }
        String value = authorization.get(0);
        String scheme = settings.authorizationScheme();
        return value.length() == scheme.length() + 1 + current.length() && value.startsWith(scheme)
                && value.charAt(scheme.length()) == ' ' && value.endsWith(current);
    }

    private static boolean single(HttpHeaders headers, String name, String expected) {
        List<String> values = headers.allValues(name);
        return values.size() == 1 && values.get(0).equals(expected);
    }
}
