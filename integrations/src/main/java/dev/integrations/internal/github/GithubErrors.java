package dev.integrations.internal.github;

import dev.integrations.internal.http.RateLimitHeaders;
import com.fasterxml.jackson.databind.JsonNode;
import dev.integrations.http.ApiException;
import dev.integrations.http.ConflictException;
import dev.integrations.http.ForbiddenException;
import dev.integrations.http.MissingScopeException;
import dev.integrations.github.MissingPermissionException;
import dev.integrations.http.GoneException;
import dev.integrations.http.HttpResult;
import dev.integrations.http.MethodNotAllowedException;
import dev.integrations.http.NotFoundException;
import dev.integrations.github.GithubSettings;
import dev.integrations.github.RateLimitException;
import dev.integrations.http.ServerErrorException;
import dev.integrations.http.UnauthorizedException;
import dev.integrations.http.ValidationException;
import dev.integrations.internal.json.Json;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Turns GitHub error responses into typed exceptions with GitHub's message, documentation link
 * and request id, plus a sentence on what to do. A 403 is a rate limit only when
 * {@code x-ratelimit-remaining} is 0 or the message says so
 * (https://docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api#rate-limit-errors);
 * a 404 may also mean "no access"
 * (https://docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api#404-not-found-for-an-existing-resource).
 */
public final class GithubErrors {
    private GithubErrors() {
    }

    /**
     * The exception for an error response.
     *
     * @param result the response
     * @param tokenConfigured whether the provider has a token (settings or session); a 401 to a
     *     request sent without {@code Authorization} while none is configured says what to set
     */
    public static ApiException toException(HttpResult result, boolean tokenConfigured) {
        JsonNode body = parseQuietly(result);
        String apiMessage = text(body, "message");
        ApiException.ErrorDetails details = new ApiException.ErrorDetails(result.status(), result.request().method(),
                result.uri().getPath(), apiMessage, text(body, "documentation_url"),
                result.header("x-github-request-id").orElse(null),
                scopes(result.header("x-accepted-oauth-scopes").orElse(null)),
                scopes(result.header("x-oauth-scopes").orElse(null)));
        String prefix = "GitHub " + details.method() + " " + details.path() + " failed with " + result.status()
                + (apiMessage == null ? "" : " \"" + truncate(apiMessage) + "\"");
        String suffix = (details.documentationUrl() == null ? "" : " (docs: " + details.documentationUrl() + ")")
                + (details.requestId() == null ? "" : " [request id " + details.requestId() + "]");
        int status = result.status();
        if (isRateLimited(result, apiMessage)) {
            Instant reset = RateLimitHeaders.resetAt(result.header("x-ratelimit-reset").orElse(null)).orElse(null);
            Duration retryAfter = RateLimitHeaders.retryAfter(result.header("retry-after").orElse(null)).orElse(null);
            return new RateLimitException(prefix + ": rate limited; "
                    + (retryAfter != null ? "retry after " + retryAfter.toSeconds() + " s" : reset != null ? "the limit resets at " + reset
                    : "wait at least a minute before retrying") + suffix, details, reset, retryAfter);
        }
        if (status == 403) {
            MissingPermissionException permission = missingPermission(result, apiMessage, prefix, suffix, details);
            if (permission != null) {
                return permission;
            }
        }
        return switch (status) {
            case 401 -> !tokenConfigured && result.request().headers().firstValue("Authorization").isEmpty()
                    ? new UnauthorizedException(prefix + ": no token is configured, so the request was sent without"
                    + " one; set " + GithubSettings.TOKEN_ENV.get(0) + " (or "
                    + String.join(", ", GithubSettings.TOKEN_ENV.subList(1, GithubSettings.TOKEN_ENV.size()))
                    + ") or pass GithubSettings.builder().token(...)" + suffix, details)
                    : new UnauthorizedException(prefix + ": the token is missing, invalid, expired or revoked;"
                    + " reconnect the user or check the configured token" + suffix, details);
            case 403 -> missingScope(result, details)
                    ? new MissingScopeException(prefix + ": the token lacks the scope this endpoint needs" + scopeHint(details)
                    + suffix, details)
                    : new ForbiddenException(prefix + ": the token lacks a scope or permission"
                    + result.header("x-accepted-github-permissions").map(p -> " (needs " + p + ")").orElse("")
                    + result.header("x-accepted-oauth-scopes").filter(s -> !s.isBlank()).map(s -> " (accepts scopes " + s + ")").orElse("")
                    + ", or a policy blocks the request" + scopeHint(details) + suffix, details);
            case 404 -> isWrite(details.method()) && missingScope(result, details)
                    ? new MissingScopeException(prefix + ": GitHub hides the resource from this token because it lacks the"
                    + " scope the endpoint needs" + scopeHint(details) + suffix, details)
                    : new NotFoundException(prefix + ": the resource does not exist, or the token cannot see it"
                    + " (GitHub answers 404 for private resources without access)" + scopeHint(details) + suffix, details);
            case 405 -> new MethodNotAllowedException(prefix + ": GitHub does not allow this request on the resource in"
                    + " its current state (for a merge: the pull request is not mergeable, e.g. a draft or blocked by"
                    + " branch protection); fix that state first" + suffix, details);
            case 409 -> new ConflictException(prefix + ": the request conflicts with the resource's current state"
                    + " (e.g. the head moved, a sha is stale, or the repository is empty); re-read it and decide again"
                    + suffix, details);
            case 410 -> new GoneException(prefix + ": the resource is gone (deleted, or the feature is turned off for"
                    + " the repository); do not retry" + suffix, details);
            case 422 -> new ValidationException(prefix + ": GitHub refused the request's content" + errorsSummary(body) + suffix,
                    details, errors(body));
            default -> status >= 500
                    ? new ServerErrorException(prefix + ": GitHub failed; retry later" + suffix, details)
                    : new ApiException(prefix + suffix, details);
        };
    }

    /**
     * A {@link MissingPermissionException} for a 403 that lists {@code X-Accepted-GitHub-Permissions}
     * and says the resource is not accessible by the integration or token
     * (https://docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api#resource-not-accessible);
     * null otherwise.
     */
    private static @Nullable MissingPermissionException missingPermission(HttpResult result, @Nullable String apiMessage,
                                                                          String prefix, String suffix,
                                                                          ApiException.ErrorDetails details) {
        List<Map<String, String>> sets = MissingPermissionException.parse(
                result.header("x-accepted-github-permissions").orElse(null));
        if (sets.isEmpty() || (apiMessage != null && !apiMessage.toLowerCase(Locale.ROOT).contains("not accessible by"))) {
            return null;
        }
        return new MissingPermissionException(prefix + ": the GitHub App or fine-grained token lacks a permission; grant "
                + MissingPermissionException.describe(sets) + " (GitHub App: in the app's permissions, then the"
                + " installation must accept them; fine-grained token: in its settings)" + suffix, details, sets);
    }

    /**
     * Whether the endpoint listed the scopes it accepts and the token, whose scopes GitHub listed
     * too, has none of them. Tokens without {@code X-OAuth-Scopes} (GitHub App and fine-grained
     * tokens) have permissions, not scopes, so they never miss a scope.
     */
    private static boolean missingScope(HttpResult result, ApiException.ErrorDetails details) {
        return result.header("x-oauth-scopes").isPresent() && !scopeHint(details).isEmpty();
    }

    private static boolean isWrite(String method) {
        return !method.equals("GET") && !method.equals("HEAD");
    }

    /**
     * A sentence naming the scope to request when the endpoint lists the OAuth scopes it accepts
     * and the token carries none of them
     * (https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/scopes-for-oauth-apps);
     * empty otherwise, e.g. for fine-grained tokens and GitHub App tokens, which have no scopes.
     */
    private static String scopeHint(ApiException.ErrorDetails details) {
        List<String> accepted = details.acceptedScopes();
        if (accepted.isEmpty() || accepted.stream().anyMatch(a -> details.grantedScopes().stream().anyMatch(g -> covers(g, a)))) {
            return "";
        }
        return ". This endpoint accepts the scopes " + accepted + "; the token has " + details.grantedScopes()
                + ": request one of them, e.g. flow.authorize(a -> a.scopes(\"" + accepted.get(0) + "\"))"
                + ", or use a token created with it";
    }

    /**
     * Scopes that include others: a token with the parent has the child
     * (https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/scopes-for-oauth-apps#available-scopes).
     */
    private static final Map<String, String> PARENT_SCOPE = Map.ofEntries(
            Map.entry("repo:status", "repo"), Map.entry("repo_deployment", "repo"), Map.entry("public_repo", "repo"),
            Map.entry("repo:invite", "repo"), Map.entry("security_events", "repo"),
            Map.entry("write:repo_hook", "admin:repo_hook"), Map.entry("read:repo_hook", "write:repo_hook"),
            Map.entry("write:org", "admin:org"), Map.entry("read:org", "write:org"),
            Map.entry("write:public_key", "admin:public_key"), Map.entry("read:public_key", "write:public_key"),
            Map.entry("write:gpg_key", "admin:gpg_key"), Map.entry("read:gpg_key", "write:gpg_key"),
            Map.entry("read:user", "user"), Map.entry("user:email", "user"), Map.entry("user:follow", "user"),
            Map.entry("read:packages", "write:packages"), Map.entry("read:project", "project"),
            Map.entry("manage_runners:org", "admin:org"));

    /** Whether a token with {@code granted} may use an endpoint that accepts {@code accepted}. */
    private static boolean covers(String granted, String accepted) {
        for (String scope = accepted; scope != null; scope = PARENT_SCOPE.get(scope)) {
            if (scope.equals(granted)) {
                return true;
            }
        }
        return false;
    }

    /** The scopes of an {@code X-OAuth-Scopes} style header: names separated by commas. */
    private static List<String> scopes(@Nullable String header) {
        List<String> out = new ArrayList<>();
        if (header != null) {
            for (String scope : header.split(",")) {
                if (!scope.isBlank()) {
                    out.add(scope.trim());
                }
            }
        }
        return out;
    }

    private static boolean isRateLimited(HttpResult result, @Nullable String message) {
        if (result.status() == 429) {
            return true;
        }
        if (result.status() != 403) {
            return false;
        }
        if (result.header("x-ratelimit-remaining").map(String::trim).filter("0"::equals).isPresent()
                || result.header("retry-after").isPresent()) {
            return true;
        }
        return message != null && message.toLowerCase(Locale.ROOT).contains("rate limit");
    }

    private static @Nullable JsonNode parseQuietly(HttpResult result) {
        try {
            return result.bodyLength() == 0 ? null : Json.parse(result.body());
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static @Nullable String text(@Nullable JsonNode body, String field) {
        if (body == null || !body.hasNonNull(field)) {
            return null;
        }
        return body.get(field).asText();
    }

    private static List<Map<String, Object>> errors(@Nullable JsonNode body) {
        List<Map<String, Object>> out = new ArrayList<>();
        if (body != null && body.path("errors").isArray()) {
            for (JsonNode error : body.get("errors")) {
                if (error.isObject()) {
                    out.add(Json.toMap(error));
                } else {
                    out.add(Map.of("message", error.asText()));
                }
            }
        }
        return out;
    }

    private static String errorsSummary(@Nullable JsonNode body) {
        List<Map<String, Object>> errors = errors(body);
        if (errors.isEmpty()) {
            return "";
        }
        StringBuilder sb = new StringBuilder(": ");
        for (int i = 0; i < errors.size() && i < 5; i++) {
            Map<String, Object> e = errors.get(i);
            if (i > 0) {
                sb.append("; ");
            }
            sb.append(e.getOrDefault("resource", "")).append(e.containsKey("field") ? "." + e.get("field") : "")
                    .append(e.containsKey("code") ? " " + e.get("code") : "")
                    .append(e.containsKey("message") ? " " + e.get("message") : "");
        }
        return sb.toString().replace(":  ", ": ");
    }

    private static String truncate(String s) {
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
