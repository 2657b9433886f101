package dev.integrations.github.sandbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The device flow's browser-free half and its page
 * (https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps#device-flow):
 * {@code POST /login/device/code} issues a device code and a user code to an app that has the
 * flow enabled; {@code GET /login/device} shows the page where the signed-in user types the code,
 * and {@code POST /login/device} records their decision. The poll itself is the token endpoint's
 * device grant ({@link TokenHandler}).
 *
 * <p>Sandbox choices where GitHub's documentation says nothing: errors of the code endpoint are
 * HTTP 400 with {@code error}, {@code error_description}, {@code error_uri} (RFC 8628 section
 * 3.2 refers to RFC 6749 section 5.2, and GitHub's CLI expects 400 for
 * {@code device_flow_disabled}); an unknown client id answers {@code incorrect_client_credentials};
 * the page's user is the sandbox's default user.
 */
final class DeviceFlowHandler {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceFlowHandler.class);
    private static final Map<String, String> NO_STORE = Map.of("Cache-Control", "no-store");

    private final Directory directory;
    private final DeviceCodeStore codes;
    private final SandboxUser defaultUser;
    private final String baseUrl;

    DeviceFlowHandler(Directory directory, DeviceCodeStore codes, SandboxUser defaultUser, String baseUrl) {
        this.directory = directory;
        this.codes = codes;
        this.defaultUser = defaultUser;
        this.baseUrl = baseUrl;
    }

    /** {@code /login/device/code}. */
    void handleCode(SandboxExchange exchange) {
        if (!exchange.method().equals("POST")) {
            ApiResponses.notFound(exchange);
            return;
        }
        boolean json = acceptsJson(exchange.header("Accept"));
        Map<String, String> params = exchange.request().formParameters();
        Optional<SandboxApp> app = directory.app(blankToNull(params.get("client_id")));
        if (app.isEmpty()) {
            reply(exchange, json, 400, OAuthError.INCORRECT_CLIENT_CREDENTIALS.parameters(null));
            return;
        }
        if (!codes.isEnabled(app.get().clientId())) {
            reply(exchange, json, 400, OAuthError.DEVICE_FLOW_DISABLED.parameters(null));
            return;
        }
        // GitHub Apps use permissions, not scopes; OAuth apps get the normalised scope list.
        DeviceCodeStore.DeviceCode code = codes.issue(app.get(),
                app.get().expiringTokens() ? java.util.List.of() : Scopes.parse(params.get("scope")));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("device_code", code.deviceCode());
        body.put("user_code", code.userCode());
        body.put("verification_uri", baseUrl + "/login/device");
        body.put("expires_in", DeviceCodeStore.LIFETIME.toSeconds());
        body.put("interval", DeviceCodeStore.INTERVAL.toSeconds());
        LOG.debug("Device code issued to app {}", app.get().clientId());
        reply(exchange, json, 200, body);
    }

    /** {@code /login/device}: the page ({@code GET}) and the decision ({@code POST}). */
    void handlePage(SandboxExchange exchange) {
        Map<String, String> params = exchange.request().formParameters();
        if (exchange.method().equals("GET")) {
            exchange.sendHtml(200, HtmlPages.deviceCodeEntry(defaultUser.login(), params.getOrDefault("user_code", ""), null),
                    NO_STORE);
            return;
        }
        if (!exchange.method().equals("POST")) {
            ApiResponses.notFound(exchange);
            return;
        }
        String userCode = params.get("user_code");
        Optional<DeviceCodeStore.DeviceCode> pending = codes.pendingByUserCode(userCode);
        if (pending.isEmpty()) {
            exchange.sendHtml(200, HtmlPages.deviceCodeEntry(defaultUser.login(), "",
                    "That code is not valid: it is mistyped, expired or already used."), NO_STORE);
            return;
        }
        boolean approve = "authorize".equals(params.get("decision"));
        codes.decide(userCode, defaultUser, approve);
        exchange.sendHtml(200, HtmlPages.error(approve ? "Device connected" : "Access denied",
                approve ? "Your device is now connected to " + pending.get().clientId() + "."
                        : "The device was not given access."), NO_STORE);
    }

    static boolean acceptsJson(@org.jspecify.annotations.Nullable String accept) {
        if (accept == null) {
            return false;
        }
        for (String range : accept.split(",")) {
            int semicolon = range.indexOf(';');
            String type = (semicolon < 0 ? range : range.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
            if (type.equals("application/json")) {
                return true;
            }
        }
        return false;
    }

    private static void reply(SandboxExchange exchange, boolean json, int status, Map<String, ?> body) {
        if (json) {
            exchange.sendJson(status, body, NO_STORE);
        } else {
            exchange.send(status, SandboxExchange.FORM, FormCodec.encode(body).getBytes(StandardCharsets.UTF_8), NO_STORE);
        }
    }

    private static @org.jspecify.annotations.Nullable String blankToNull(@org.jspecify.annotations.Nullable String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
