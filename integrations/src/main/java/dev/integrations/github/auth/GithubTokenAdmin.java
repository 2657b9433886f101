package dev.integrations.github.auth;

import com.fasterxml.jackson.databind.JsonNode;
import dev.integrations.auth.AuthContext;
import dev.integrations.core.ConfigurationException;
import dev.integrations.github.GithubSettings;
import dev.integrations.http.ApiException;
import dev.integrations.http.HttpResult;
import dev.integrations.http.UnauthorizedException;
import dev.integrations.internal.github.GithubErrors;
import dev.integrations.internal.json.Json;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app's view of its users' tokens at GitHub
 * (https://docs.github.com/en/rest/apps/oauth-applications): check a token, reset it, delete it,
 * or delete the user's whole grant. Obtained from {@code auth.github().tokens()}.
 *
 * <p>These endpoints authenticate as the app (HTTP Basic with the client id and secret, for OAuth
 * apps and GitHub Apps alike), so the client secret must be configured. They live on the API host
 * ({@code GITHUB_BASE_URL}); the token travels in the JSON body, never in a URL, a log line or a
 * message. A token GitHub does not know as the app's (answers 404 or 422) is a result, not an
 * error: {@link #check} is empty, the deletes return false, {@link #reset} throws
 * {@link InvalidTokenException}. Thread-safe and blocking; each call has the settings' timeout.
 */
public final class GithubTokenAdmin {
    private static final Logger LOG = LoggerFactory.getLogger(GithubTokenAdmin.class);
    private static final int MAX_BODY_BYTES = 256 * 1024;

    private final GithubAppCredentials app;
    private final GithubSettings settings;
    private final AuthContext context;

    GithubTokenAdmin(GithubAppCredentials app, GithubSettings settings, AuthContext context) {
        this.app = Objects.requireNonNull(app, "app");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.context = Objects.requireNonNull(context, "context");
    }

    /**
     * Checks a token ({@code POST /applications/{client_id}/token}); not subject to GitHub's
     * rate limit for failed logins.
     *
     * @param token one of the app's user tokens
     * @return what GitHub knows about it, or empty when it is not a live token of this app
     * @throws ConfigurationException when the client id or secret is not configured
     * @throws UnauthorizedException when GitHub refuses the client id and secret
     * @throws ApiException for other GitHub errors (e.g. {@code ServerErrorException})
     * @throws dev.integrations.http.TransportException when GitHub cannot be reached in time
     */
    public Optional<TokenInfo> check(String token) {
        HttpResult result = send("POST", "token", token);
        if (isUnknownToken(result)) {
            return Optional.empty();
        }
        return Optional.of(tokenInfo(result));
    }

    /**
     * Resets a token ({@code PATCH /applications/{client_id}/token}): GitHub issues a new one
     * with the same scopes and the old one stops working at once. Store the new one, e.g. with
     * {@code auth.storeCredentials("github", subject, info.toCredentials())}.
     *
     * @param token one of the app's user tokens
     * @return the new token and what GitHub knows about it
     * @throws InvalidTokenException when the token is not a live token of this app
     * @throws ConfigurationException when the client id or secret is not configured
     * @throws UnauthorizedException when GitHub refuses the client id and secret
     * @throws ApiException for other GitHub errors
     * @throws dev.integrations.http.TransportException when GitHub cannot be reached in time
     */
    public TokenInfo reset(String token) {
        HttpResult result = send("PATCH", "token", token);
        if (isUnknownToken(result)) {
            throw new InvalidTokenException("GitHub does not know this token as one of app " + app.clientId()
                    + "'s (mistyped, expired, revoked, or a personal access token), so it cannot be reset; connect the"
                    + " user again");
        }
        return tokenInfo(result);
    }

    /**
     * Deletes one token ({@code DELETE /applications/{client_id}/token}); other tokens the app
     * holds for the same user keep working.
     *
     * @param token one of the app's user tokens
     * @return true when GitHub deleted it, false when it was not a live token of this app
     * @throws ConfigurationException when the client id or secret is not configured
     * @throws UnauthorizedException when GitHub refuses the client id and secret
     * @throws ApiException for other GitHub errors
     * @throws dev.integrations.http.TransportException when GitHub cannot be reached in time
     */
    public boolean deleteToken(String token) {
        return delete("token", token);
    }

    /**
     * Deletes the user's grant ({@code DELETE /applications/{client_id}/grant}): every token the
     * app holds for the token's user stops working, and the app leaves the user's list of
     * authorized apps.
     *
     * @param token any live token of the app for that user
     * @return true when GitHub deleted the grant, false when the token was not a live token of this app
     * @throws ConfigurationException when the client id or secret is not configured
     * @throws UnauthorizedException when GitHub refuses the client id and secret
     * @throws ApiException for other GitHub errors
     * @throws dev.integrations.http.TransportException when GitHub cannot be reached in time
     */
    public boolean deleteGrant(String token) {
        return delete("grant", token);
    }

    @Override
    public String toString() {
        return "GithubTokenAdmin[clientId=" + app.clientId() + ", baseUrl=" + settings.baseUrl() + "]";
    }

    private boolean delete(String what, String token) {
        HttpResult result = send("DELETE", what, token);
        if (isUnknownToken(result)) {
            return false;
        }
        LOG.debug("Deleted a {} of GitHub app {}", what, app.clientId());
        return true;
    }

    /** 404 (check) and 422 (reset, deletes) are GitHub's answers for a token it does not know as the app's. */
    private static boolean isUnknownToken(HttpResult result) {
        return result.status() == 404 || result.status() == 422;
    }

    private HttpResult send(String method, String what, String token) {
        Objects.requireNonNull(token, "token");
        String clientId = app.clientId();
        String secret = app.clientSecret();
        if (clientId == null || secret == null) {
            throw new ConfigurationException("Checking, resetting or revoking GitHub tokens authenticates as the app: set"
                    + " GITHUB_CLIENT_ID and GITHUB_CLIENT_SECRET (or the app credentials builder's clientId and clientSecret)");
        }
        String base = settings.baseUrl().toString();
        URI uri = URI.create((base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + "/applications/"
                + URLEncoder.encode(clientId, StandardCharsets.UTF_8).replace("+", "%20") + "/" + what);
        String basic = Base64.getEncoder().encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri)
                .timeout(settings.timeout())
                .header("Accept", "application/vnd.github+json")
                .header("X-GitHub-Api-Version", settings.apiVersion())
                .header("User-Agent", settings.userAgent())
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(Json.write(Map.of("access_token", token))))
                .build();
        HttpResult result = context.transport().send(request, MAX_BODY_BYTES);
        if (result.isSuccessful() || isUnknownToken(result)) {
            return result;
        }
        ApiException error = GithubErrors.toException(result, true);
        if (result.status() == 401) {
            throw new UnauthorizedException("GitHub refused app " + clientId + "'s client id and secret for " + method + " "
                    + uri.getPath() + ": check GITHUB_CLIENT_SECRET (or clientSecret) against the app's settings on GitHub",
                    new ApiException.ErrorDetails(401, method, uri.getPath(), error.apiMessage().orElse(null),
                            error.documentationUrl().orElse(null), error.requestId().orElse(null)));
        }
        throw error;
    }

    private TokenInfo tokenInfo(HttpResult result) {
        JsonNode json;
        try {
            json = Json.parse(result.body());
        } catch (IOException e) {
            throw new dev.integrations.core.IntegrationsException("GitHub answered " + result.request().method() + " "
                    + result.uri().getPath() + " with HTTP " + result.status() + " but a body that is not JSON; check"
                    + " GITHUB_BASE_URL (the API host) and any proxy in between", e);
        }
        List<String> scopes = new ArrayList<>();
        json.path("scopes").forEach(scope -> scopes.add(scope.asText()));
        JsonNode user = json.path("user");
        String token = json.path("token").asText("");
        return new TokenInfo(json.path("id").asLong(), token, text(json, "token_last_eight"), scopes,
                json.path("app").path("client_id").asText(Objects.requireNonNull(app.clientId())),
                text(json.path("app"), "name"), text(user, "login"),
                user.hasNonNull("id") ? user.get("id").asLong() : null,
                instant(json, "created_at"), instant(json, "expires_at"));
    }

    private static @Nullable String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static @Nullable Instant instant(JsonNode node, String field) {
        String value = text(node, field);
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
