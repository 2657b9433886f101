package dev.integrations.github.sandbox;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The checks GitHub applies to an authenticated REST call before the endpoint runs, in this order
 * (https://docs.github.com/en/rest/using-the-rest-api/getting-started-with-the-rest-api, https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api, https://docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api):
 *
 * <ol>
 *   <li>a {@code User-Agent} header is present, else 403;</li>
 *   <li>{@code X-GitHub-Api-Version}, when present, names a version that exists
 *       ({@code 2022-11-28}, {@code 2026-03-10}), else 400;</li>
 *   <li>{@code Authorization: Bearer <token>} or {@code token <token>} (scheme case-insensitive)
 *       names a live token: no header gives 401 "Requires authentication" (what GitHub answers on
 *       {@code GET /user}); any other scheme, or an unknown, revoked or expired token, gives 401
 *       "Bad credentials";</li>
 *   <li>the user's hourly rate limit is not used up, else 403 with {@code x-ratelimit-remaining: 0}.</li>
 * </ol>
 */
final class ApiGate {

    static final Set<String> SUPPORTED_VERSIONS = Set.of("2022-11-28", "2026-03-10");

    private static final DateTimeFormatter SUPPORT_TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

    /** An admitted call: who is calling, with the headers every response to it must carry. */
    record Caller(TokenStore.AccessGrant grant, Map<String, String> headers) {
    }

    private final TokenStore tokens;
    private final RateLimiter rateLimiter;
    private final Clock clock;

    ApiGate(TokenStore tokens, RateLimiter rateLimiter, Clock clock) {
        this.tokens = tokens;
        this.rateLimiter = rateLimiter;
        this.clock = clock;
    }

    /**
     * Admits the call, or answers it with the error and returns empty.
     *
     * @param endpointDocs the endpoint's documentation URL, used in the "Requires authentication" body
     */
    Optional<Caller> admit(SandboxExchange exchange, String endpointDocs) {
        String requestId = Secrets.requestId();
        String userAgent = exchange.header("User-Agent");
        if (userAgent == null || userAgent.isBlank()) {
            exchange.sendJson(403, ApiResponses.error(
                    "Request forbidden by administrative rules. Please make sure your request has a User-Agent header "
                            + "(https://docs.github.com/rest/overview/resources-in-the-rest-api#user-agent-required). "
                            + "Check https://developer.github.com for other possible causes.",
                    ApiResponses.REST_DOCS + "/using-the-rest-api/getting-started-with-the-rest-api#user-agent", 403),
                    ApiResponses.headers(requestId, null));
            return Optional.empty();
        }

        String requestedVersion = exchange.header("X-GitHub-Api-Version");
        if (requestedVersion != null && !SUPPORTED_VERSIONS.contains(requestedVersion.trim())) {
            exchange.sendJson(400, ApiResponses.error(
                    "API version " + requestedVersion.trim() + " is not supported.",
                    ApiResponses.REST_DOCS + "/about-the-rest-api/api-versions", 400),
                    ApiResponses.headers(requestId, null));
            return Optional.empty();
        }
        String version = requestedVersion == null ? ApiResponses.DEFAULT_VERSION : requestedVersion.trim();
        Map<String, String> headers = ApiResponses.headers(requestId, version);

        String authorization = exchange.header("Authorization");
        if (authorization == null || authorization.isBlank()) {
            exchange.sendJson(401, ApiResponses.error("Requires authentication", endpointDocs, 401), headers);
            return Optional.empty();
        }
        Optional<TokenStore.AccessGrant> grant = tokens.find(tokenFrom(authorization));
        if (grant.isEmpty()) {
            exchange.sendJson(401, ApiResponses.error("Bad credentials", ApiResponses.REST_DOCS, 401), headers);
            return Optional.empty();
        }

        RateLimiter.Status rate = rateLimiter.acquire(grant.get().user().id());
        headers.put("x-ratelimit-limit", Integer.toString(rate.limit()));
        headers.put("x-ratelimit-remaining", Integer.toString(rate.remaining()));
        headers.put("x-ratelimit-reset", Long.toString(rate.resetEpochSeconds()));
        headers.put("x-ratelimit-used", Integer.toString(rate.used()));
        headers.put("x-ratelimit-resource", "core");
        if (!rate.allowed()) {
            exchange.sendJson(403, ApiResponses.error(
                    "API rate limit exceeded for user ID " + grant.get().user().id() + ". If you reach out to GitHub "
                            + "Support for help, please include the request ID " + requestId + " and timestamp "
                            + SUPPORT_TIMESTAMP.format(clock.instant()) + " UTC.",
                    ApiResponses.REST_DOCS + "/overview/rate-limits-for-the-rest-api", 403),
                    headers);
            return Optional.empty();
        }
        return Optional.of(new Caller(grant.get(), headers));
    }

    /**
     * Un-counts an admitted call that turned out to be a {@code 304 Not Modified}, which GitHub
     * does not count against the primary limit (https://docs.github.com/en/rest/using-the-rest-api/best-practices-for-using-the-rest-api), and updates the caller's
     * {@code x-ratelimit-*} headers to match.
     */
    void refund(Caller caller) {
        RateLimiter.Status rate = rateLimiter.refund(caller.grant().user().id());
        caller.headers().put("x-ratelimit-remaining", Integer.toString(rate.remaining()));
        caller.headers().put("x-ratelimit-used", Integer.toString(rate.used()));
        caller.headers().put("x-ratelimit-reset", Long.toString(rate.resetEpochSeconds()));
    }

    /** The token of a {@code Bearer} or {@code token} credential, else {@code null}. */
    private static @Nullable String tokenFrom(String authorization) {
        String value = authorization.trim();
        int space = value.indexOf(' ');
        if (space < 0) {
            return null;
        }
        String scheme = value.substring(0, space).toLowerCase(Locale.ROOT);
        if (!scheme.equals("bearer") && !scheme.equals("token")) {
            return null;
        }
        String token = value.substring(space + 1).trim();
        return token.isEmpty() ? null : token;
    }
}
