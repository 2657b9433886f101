package dev.integrations.github.sandbox;

import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /user}: the authenticated user in the {@code private-user} shape (PROTOCOL §6.1),
 * after the {@link ApiGate} checks. A success also carries {@code X-OAuth-Scopes} (the token's
 * scopes joined by {@code ", "}) and an empty {@code X-Accepted-OAuth-Scopes} (§1.5), and an
 * {@code ETag}: {@code If-None-Match} with it gets a 304 that does not count against the rate
 * limit (§5.3, {@link ConditionalGet}). Other methods answer 404, as GitHub does for routes it
 * does not serve.
 */
final class UserHandler {

    static final String DOCS = "https://docs.github.com/rest/users/users#get-the-authenticated-user";

    private final ApiGate gate;
    private final String baseUrl;

    UserHandler(ApiGate gate, String baseUrl) {
        this.gate = gate;
        this.baseUrl = baseUrl;
    }

    void handle(SandboxExchange exchange) {
        if (!exchange.method().equals("GET")) {
            ApiResponses.notFound(exchange);
            return;
        }
        Optional<ApiGate.Caller> caller = gate.admit(exchange, DOCS);
        if (caller.isEmpty()) {
            return;
        }
        Map<String, String> headers = caller.get().headers();
        headers.put("X-OAuth-Scopes", Scopes.forHeader(caller.get().grant().scopes()));
        headers.put("X-Accepted-OAuth-Scopes", "");
        headers.put("Cache-Control", "private, max-age=60, s-maxage=60");
        headers.put("Vary", "Accept, Authorization, Cookie, X-GitHub-OTP");
        ConditionalGet.sendJson(exchange, gate, caller.get(), UserJson.privateUser(caller.get().grant().user(), baseUrl),
                headers);
    }
}
