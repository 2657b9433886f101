package dev.integrations.github.sandbox;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code GET /user}: the authenticated user in the {@code private-user} shape (https://docs.github.com/en/rest/users/users#get-the-authenticated-user),
 * after the {@link ApiGate} checks. A success also carries {@code X-OAuth-Scopes} (the token's
 * scopes joined by {@code ", "}) and an empty {@code X-Accepted-OAuth-Scopes} (https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/scopes-for-oauth-apps), and an
 * {@code ETag}: {@code If-None-Match} with it gets a 304 that does not count against the rate
 * limit (https://docs.github.com/en/rest/using-the-rest-api/best-practices-for-using-the-rest-api, {@link ConditionalGet}). {@code public_repos}, {@code total_private_repos} and
 * {@code owned_private_repos} count the repositories the user owns. Other methods answer 404, as GitHub does for routes it
 * does not serve.
 */
final class UserHandler {

    static final String DOCS = "https://docs.github.com/rest/users/users#get-the-authenticated-user";

    private final ApiGate gate;
    private final RepositoryStore repositories;
    private final String baseUrl;

    UserHandler(ApiGate gate, RepositoryStore repositories, String baseUrl) {
        this.gate = gate;
        this.repositories = repositories;
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
        SandboxUser user = caller.get().grant().user();
        Map<String, Object> body = UserJson.privateUser(user, baseUrl);
        // The repository counts are those of the repositories the user owns.
        List<SandboxRepository> owned = repositories.ownedBy(user);
        long privateRepos = owned.stream().filter(SandboxRepository::isPrivate).count();
        body.put("public_repos", owned.size() - privateRepos);
        body.put("total_private_repos", privateRepos);
        body.put("owned_private_repos", privateRepos);
        ConditionalGet.sendJson(exchange, gate, caller.get(), body, headers);
    }
}
