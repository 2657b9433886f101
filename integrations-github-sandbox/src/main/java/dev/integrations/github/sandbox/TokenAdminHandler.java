package dev.integrations.github.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The OAuth-app token endpoints of the REST API (https://docs.github.com/en/rest/apps/oauth-applications):
 * {@code POST /applications/{client_id}/token} (check), {@code PATCH} (reset), {@code DELETE}
 * (delete one token) and {@code DELETE /applications/{client_id}/grant} (delete the
 * authorization: every token the app holds for that user). They authenticate with HTTP Basic,
 * client id and client secret; the token travels in the JSON body as {@code access_token}.
 *
 * <p>Answers follow GitHub's OpenAPI description: check 200 (an {@code authorization} object),
 * 404 for a token the app does not hold; reset 200, 422 for an unknown token; deletes 204, 422 for
 * an unknown token; a missing {@code access_token} is 422. Sandbox choices: missing or wrong Basic
 * credentials answer 401 "Bad credentials"; Basic credentials of another app than the path's
 * answer 404. A personal access token is never the app's, so it is "unknown" here too.
 */
final class TokenAdminHandler {

    private static final Logger LOG = LoggerFactory.getLogger(TokenAdminHandler.class);
    private static final String DOCS = "https://docs.github.com/rest/apps/oauth-applications";

    private final Directory directory;
    private final TokenStore tokens;
    private final Clock clock;
    private final String baseUrl;

    TokenAdminHandler(Directory directory, TokenStore tokens, Clock clock, String baseUrl) {
        this.directory = directory;
        this.tokens = tokens;
        this.clock = clock;
        this.baseUrl = baseUrl;
    }

    static boolean serves(String path) {
        return path.startsWith("/applications/") && (path.endsWith("/token") || path.endsWith("/grant"))
                && path.chars().filter(c -> c == '/').count() == 3;
    }

    void handle(SandboxExchange exchange) {
        String path = exchange.path();
        String clientId = FormCodec.decodeComponent(path.substring("/applications/".length(), path.lastIndexOf('/')));
        boolean grant = path.endsWith("/grant");
        String method = exchange.method();
        boolean allowed = grant ? method.equals("DELETE") : method.equals("POST") || method.equals("PATCH") || method.equals("DELETE");
        Map<String, String> headers = ApiResponses.headers(Secrets.requestId(), ApiResponses.DEFAULT_VERSION);
        if (!allowed) {
            exchange.sendJson(404, ApiResponses.error("Not Found", ApiResponses.REST_DOCS, 404), headers);
            return;
        }
        String[] basic = basic(exchange.header("Authorization"));
        String secret = basic == null ? null : basic[1];
        Optional<SandboxApp> caller = basic == null ? Optional.empty() : directory.app(basic[0]);
        if (caller.isEmpty() || !Secrets.constantTimeEquals(caller.get().clientSecret(), secret)) {
            exchange.sendJson(401, ApiResponses.error("Bad credentials", ApiResponses.REST_DOCS, 401), headers);
            return;
        }
        SandboxApp app = caller.get();
        if (!app.clientId().equals(clientId)) {
            exchange.sendJson(404, ApiResponses.error("Not Found", DOCS, 404), headers);
            return;
        }
        String token = accessToken(exchange);
        if (token == null) {
            exchange.sendJson(422, java.util.Objects.requireNonNull(ApiError.validation(
                    "Invalid request.\n\n\"access_token\" wasn't supplied.", DOCS, java.util.List.of()).body()), headers);
            return;
        }
        Optional<TokenStore.AccessGrant> found = tokens.findForApp(token, app.clientId());
        if (found.isEmpty()) {
            if (method.equals("POST")) {
                exchange.sendJson(404, ApiResponses.error("Not Found", DOCS + "#check-a-token", 404), headers);
            } else {
                exchange.sendJson(422, java.util.Objects.requireNonNull(ApiError.validation("Validation Failed", DOCS,
                        java.util.List.of(ApiError.field("Authorization", "access_token", "invalid"))).body()), headers);
            }
            return;
        }
        TokenStore.AccessGrant access = found.get();
        if (grant) {
            int revoked = tokens.revokeGrant(app.clientId(), access.user());
            LOG.debug("Grant of app {} for user {} deleted ({} tokens revoked)", app.clientId(), access.user().login(), revoked);
            exchange.send(204, null, new byte[0], headers);
        } else if (method.equals("DELETE")) {
            tokens.revoke(token);
            LOG.debug("Token of app {} for user {} deleted", app.clientId(), access.user().login());
            exchange.send(204, null, new byte[0], headers);
        } else if (method.equals("PATCH")) {
            tokens.revoke(token);
            TokenStore.AccessGrant fresh = tokens.issueUserTokens(app, access.user(), access.scopes()).access();
            LOG.debug("Token of app {} for user {} reset", app.clientId(), access.user().login());
            exchange.sendJson(200, authorization(app, fresh), headers);
        } else {
            exchange.sendJson(200, authorization(app, access), headers);
        }
    }

    /** GitHub's {@code authorization} object for a token. */
    private Map<String, Object> authorization(SandboxApp app, TokenStore.AccessGrant grant) {
        String now = clock.instant().truncatedTo(ChronoUnit.SECONDS).toString();
        Map<String, Object> json = new LinkedHashMap<>();
        long id = Math.abs((long) grant.token().hashCode()) + 1;
        json.put("id", id);
        json.put("url", baseUrl + "/authorizations/" + id);
        json.put("scopes", grant.scopes());
        json.put("token", grant.token());
        json.put("token_last_eight", grant.token().substring(grant.token().length() - 8));
        json.put("hashed_token", sha256(grant.token()));
        Map<String, Object> appJson = new LinkedHashMap<>();
        appJson.put("client_id", app.clientId());
        appJson.put("name", app.clientId());
        appJson.put("url", app.callbackUrl());
        json.put("app", appJson);
        json.put("note", null);
        json.put("note_url", null);
        json.put("updated_at", now);
        json.put("created_at", now);
        json.put("fingerprint", null);
        json.put("user", RepositoryJson.simpleUser(grant.user(), baseUrl));
        json.put("expires_at", grant.expiresAt() == null ? null : grant.expiresAt().truncatedTo(ChronoUnit.SECONDS).toString());
        return json;
    }

    private static @Nullable String accessToken(SandboxExchange exchange) {
        try {
            JsonNode body = SandboxExchange.mapper().readTree(exchange.request().body());
            JsonNode token = body == null ? null : body.get("access_token");
            return token != null && token.isTextual() && !token.asText().isBlank() ? token.asText() : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static String @Nullable [] basic(@Nullable String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? null : new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    private static String sha256(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
