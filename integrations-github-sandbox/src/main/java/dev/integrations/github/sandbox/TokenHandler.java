package dev.integrations.github.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * {@code POST /login/oauth/access_token}: the code exchange (https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps) and the refresh grant
 * (https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/refreshing-user-access-tokens).
 *
 * <p>Parameters may come in the query string, a form body, or a JSON body
 * ({@code Content-Type: application/json}); a body overrides the query. Client credentials may
 * also come as HTTP Basic (Spring Security's GitHub registration uses it); parameters win. The
 * response is JSON when {@code Accept} lists {@code application/json}, otherwise form-encoded
 * (XML is answered as form). Errors are HTTP 200 with {@code error}, {@code error_description},
 * {@code error_uri}; every response carries {@code Cache-Control: no-store}.
 *
 * <p>Code exchange checks, in order: client credentials ({@code incorrect_client_credentials});
 * the code exists, belongs to this client, is unused and younger than 10 minutes
 * ({@code bad_verification_code}); {@code redirect_uri}, if sent, equals the one in force at
 * authorization ({@code redirect_uri_mismatch}); PKCE. Once redeemed by its own client a code is
 * spent even if a later check fails.
 *
 * <p>Sandbox choices where GitHub's documentation says nothing: a PKCE failure (verifier missing, not matching,
 * or sent for a code issued without a challenge) answers {@code invalid_grant}; a body that claims
 * JSON but is not a JSON object answers HTTP 400 {@code invalid_request}; the device grant answers
 * {@code device_flow_disabled} unless the app's device flow is enabled
 * ({@link SandboxDeviceFlow#enable}), then polls the {@link DeviceCodeStore}; other grant types
 * answer {@code unsupported_grant_type}.
 */
final class TokenHandler {

    private static final Logger LOG = LoggerFactory.getLogger(TokenHandler.class);
    private static final String DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";
    private static final Map<String, String> NO_STORE = Map.of("Cache-Control", "no-store");

    private final Directory directory;
    private final CodeStore codes;
    private final TokenStore tokens;
    private final DeviceCodeStore deviceCodes;

    TokenHandler(Directory directory, CodeStore codes, TokenStore tokens, DeviceCodeStore deviceCodes) {
        this.directory = directory;
        this.codes = codes;
        this.tokens = tokens;
        this.deviceCodes = deviceCodes;
    }

    void handle(SandboxExchange exchange) {
        if (!exchange.method().equals("POST")) {
            ApiResponses.notFound(exchange);
            return;
        }
        boolean json = acceptsJson(exchange.header("Accept"));
        Map<String, String> params;
        try {
            params = parameters(exchange.request());
        } catch (IOException | IllegalArgumentException e) {
            reply(exchange, json, 400, OAuthError.MALFORMED_JSON.parameters(null));
            return;
        }
        addBasicCredentials(exchange.header("Authorization"), params);

        String grantType = params.get("grant_type");
        Optional<SandboxApp> app = directory.app(params.get("client_id"));
        if (DEVICE_GRANT.equals(grantType)) {
            // The device flow sends no secret, so only the client id can be wrong here.
            if (app.isEmpty() || !deviceCodes.isEnabled(app.get().clientId())) {
                fail(exchange, json, app.isEmpty() ? OAuthError.INCORRECT_CLIENT_CREDENTIALS : OAuthError.DEVICE_FLOW_DISABLED);
            } else {
                deviceGrant(exchange, json, app.get(), params);
            }
            return;
        }
        if (grantType != null && !grantType.equals("authorization_code") && !grantType.equals("refresh_token")) {
            fail(exchange, json, OAuthError.UNSUPPORTED_GRANT_TYPE);
            return;
        }
        if (app.isEmpty() || !Secrets.constantTimeEquals(app.get().clientSecret(), params.get("client_secret"))) {
            fail(exchange, json, OAuthError.INCORRECT_CLIENT_CREDENTIALS);
            return;
        }
        if ("refresh_token".equals(grantType)) {
            refresh(exchange, json, app.get(), params);
        } else {
            exchangeCode(exchange, json, app.get(), params);
        }
    }

    private void exchangeCode(SandboxExchange exchange, boolean json, SandboxApp app, Map<String, String> params) {
        Optional<CodeStore.CodeGrant> redeemed = codes.redeem(params.get("code"), app.clientId());
        if (redeemed.isEmpty()) {
            fail(exchange, json, OAuthError.BAD_VERIFICATION_CODE);
            return;
        }
        CodeStore.CodeGrant grant = redeemed.get();
        String redirectUri = params.get("redirect_uri");
        if (redirectUri != null && !redirectUri.equals(grant.redirectUri())) {
            fail(exchange, json, OAuthError.TOKEN_REDIRECT_URI_MISMATCH);
            return;
        }
        String verifier = params.get("code_verifier");
        if (grant.codeChallenge() != null && verifier == null) {
            fail(exchange, json, OAuthError.PKCE_MISSING);
            return;
        }
        if (grant.codeChallenge() != null && !Pkce.verifies(verifier, grant.codeChallenge())) {
            fail(exchange, json, OAuthError.PKCE_MISMATCH);
            return;
        }
        if (grant.codeChallenge() == null && verifier != null) {
            fail(exchange, json, OAuthError.PKCE_UNEXPECTED);
            return;
        }
        LOG.debug("Code exchanged for app {} and user {}", app.clientId(), grant.user().login());
        succeed(exchange, json, tokens.issueUserTokens(app, grant.user(), grant.scopes()));
    }

    /** One poll of the device flow: every answer but the token is an error with HTTP 200, as at GitHub. */
    private void deviceGrant(SandboxExchange exchange, boolean json, SandboxApp app, Map<String, String> params) {
        DeviceCodeStore.PollResult result = deviceCodes.poll(params.get("device_code"), app.clientId());
        if (result instanceof DeviceCodeStore.PollResult.Approved approved) {
            LOG.debug("Device code redeemed for app {} and user {}", app.clientId(), approved.user().login());
            succeed(exchange, json, tokens.issueUserTokens(app, approved.user(), approved.scopes()));
        } else if (result instanceof DeviceCodeStore.PollResult.SlowDown slowDown) {
            Map<String, Object> body = new LinkedHashMap<>(OAuthError.SLOW_DOWN.parameters(null));
            body.put("interval", slowDown.interval().toSeconds());
            reply(exchange, json, 200, body);
        } else if (result instanceof DeviceCodeStore.PollResult.Pending) {
            fail(exchange, json, OAuthError.AUTHORIZATION_PENDING);
        } else if (result instanceof DeviceCodeStore.PollResult.Expired) {
            fail(exchange, json, OAuthError.EXPIRED_TOKEN);
        } else if (result instanceof DeviceCodeStore.PollResult.Denied) {
            fail(exchange, json, OAuthError.DEVICE_ACCESS_DENIED);
        } else {
            fail(exchange, json, OAuthError.INCORRECT_DEVICE_CODE);
        }
    }

    private void refresh(SandboxExchange exchange, boolean json, SandboxApp app, Map<String, String> params) {
        Optional<TokenStore.RefreshGrant> redeemed = tokens.redeemRefreshToken(params.get("refresh_token"), app.clientId());
        if (redeemed.isEmpty()) {
            fail(exchange, json, OAuthError.BAD_REFRESH_TOKEN);
            return;
        }
        LOG.debug("Refresh token rotated for app {} and user {}", app.clientId(), redeemed.get().user().login());
        succeed(exchange, json, tokens.issueUserTokens(app, redeemed.get().user(), List.of()));
    }

    private static void succeed(SandboxExchange exchange, boolean json, TokenStore.IssuedTokens issued) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("access_token", issued.access().token());
        if (issued.refresh() != null) {
            body.put("expires_in", TokenStore.ACCESS_TOKEN_LIFETIME.toSeconds());
            body.put("refresh_token", issued.refresh().token());
            body.put("refresh_token_expires_in", TokenStore.REFRESH_TOKEN_LIFETIME.toSeconds());
        }
        body.put("scope", Scopes.forTokenResponse(issued.access().scopes()));
        body.put("token_type", "bearer");
        reply(exchange, json, 200, body);
    }

    private static void fail(SandboxExchange exchange, boolean json, OAuthError error) {
        reply(exchange, json, 200, error.parameters(null));
    }

    private static void reply(SandboxExchange exchange, boolean json, int status, Map<String, ?> body) {
        if (json) {
            exchange.sendJson(status, body, NO_STORE);
        } else {
            exchange.send(status, SandboxExchange.FORM, FormCodec.encode(body).getBytes(StandardCharsets.UTF_8), NO_STORE);
        }
    }

    /** Query parameters overridden by the body's (form or JSON); blank values count as absent. */
    private static Map<String, String> parameters(RecordedRequest request) throws IOException {
        Map<String, String> params = new LinkedHashMap<>(request.formParameters());
        String contentType = request.header("Content-Type");
        if (contentType != null && mediaType(contentType).endsWith("json")) {
            JsonNode body = SandboxExchange.mapper().readTree(request.body());
            if (body == null || !body.isObject()) {
                throw new IllegalArgumentException("JSON body is not an object");
            }
            body.properties().forEach(field -> {
                JsonNode value = field.getValue();
                if (value.isValueNode() && !value.isNull()) {
                    params.put(field.getKey(), value.asText());
                }
            });
        }
        params.values().removeIf(String::isBlank);
        return params;
    }

    /** Fills {@code client_id}/{@code client_secret} from HTTP Basic when the parameters lack them. */
    private static void addBasicCredentials(@Nullable String authorization, Map<String, String> params) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            return;
        }
        String decoded;
        try {
            decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException notBase64) {
            return;
        }
        int colon = decoded.indexOf(':');
        if (colon < 0) {
            return;
        }
        // RFC 6749 §2.3.1: both parts are form-encoded before being joined.
        params.putIfAbsent("client_id", FormCodec.decodeComponent(decoded.substring(0, colon)));
        params.putIfAbsent("client_secret", FormCodec.decodeComponent(decoded.substring(colon + 1)));
        params.values().removeIf(String::isBlank);
    }

    private static boolean acceptsJson(@Nullable String accept) {
        if (accept == null) {
            return false;
        }
        for (String range : accept.split(",")) {
            if (mediaType(range).equals("application/json")) {
                return true;
            }
        }
        return false;
    }

    private static String mediaType(String headerValue) {
        int semicolon = headerValue.indexOf(';');
        return (semicolon < 0 ? headerValue : headerValue.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }
}
