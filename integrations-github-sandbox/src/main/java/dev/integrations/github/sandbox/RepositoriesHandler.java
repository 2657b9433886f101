package dev.integrations.github.sandbox;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Repository reads, after the {@link ApiGate} checks:
 * <ul>
 *   <li>{@code GET /user/repos}: the repositories the caller owns or reaches as an organization member
 *       ({@code affiliation}, default {@code owner,collaborator,organization_member}; collaborators
 *       are not modelled; {@code type} {@code owner}/{@code member}/{@code public}/{@code private}
 *       maps onto affiliation or visibility) in the {@code repository} shape,
 *       paginated with {@code per_page}/{@code page} and a {@code Link} header
 *       ({@link PageWindow}); {@code visibility} ({@code all}, {@code public}, {@code private}),
 *       {@code sort} ({@code full_name}, {@code created}, {@code updated}, {@code pushed}) and
 *       {@code direction} as documented (default {@code full_name} ascending, other sorts
 *       descending). Private repositories are listed only for tokens with the {@code repo} scope,
 *       as for GitHub's classic tokens ({@link RepositoryAccess#canSee}).</li>
 *   <li>{@code GET /repos/{owner}/{repo}}: one repository in the {@code full-repository} shape;
 *       an old name of a renamed repository answers {@code 301} with a {@code Location} of
 *       {@code /repositories/{id}}, as GitHub does; a repository the caller cannot see is 404,
 *       not 403, so its existence is not revealed (https://docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api).</li>
 *   <li>{@code GET /repositories/{id}}: the same by id (the target of those redirects; GitHub
 *       serves it although its OpenAPI description does not list it).</li>
 * </ul>
 * Repositories render through {@link RepositoryAccess} as the creation handler's do: the
 * attributes set at creation ({@link RepositorySettings}), live {@code open_issues_count} (issues
 * and pull requests) and the caller's permissions. Every 200 carries an {@code ETag}; {@code If-None-Match} with it gets a 304 that does not count
 * against the rate limit ({@link ConditionalGet}). Other methods answer 404. Anonymous access to
 * public repositories is not modelled: the gate requires a token.
 */
final class RepositoriesHandler {

    static final String LIST_DOCS = "https://docs.github.com/rest/repos/repos#list-repositories-for-the-authenticated-user";
    static final String GET_DOCS = "https://docs.github.com/rest/repos/repos#get-a-repository";
    static final String REDIRECT_DOCS = "https://docs.github.com/rest/guides/best-practices-for-using-the-rest-api#follow-redirects";

    private final ApiGate gate;
    private final RepositoryAccess access;
    private final RepositoryStore repositories;
    private final String baseUrl;

    RepositoriesHandler(ApiGate gate, RepositoryAccess access, String baseUrl) {
        this.gate = gate;
        this.access = access;
        this.repositories = access.repositories();
        this.baseUrl = baseUrl;
    }

    /** Whether this handler serves {@code path}. */
    static boolean serves(String path) {
        return path.equals("/user/repos") || path.startsWith("/repos/") || path.startsWith("/repositories/");
    }

    void handle(SandboxExchange exchange) {
        String path = exchange.path();
        if (!exchange.method().equals("GET")) {
            ApiResponses.notFound(exchange);
            return;
        }
        if (path.equals("/user/repos")) {
            list(exchange);
            return;
        }
        String[] parts = path.substring(1).split("/", -1);
        if (parts.length == 3 && parts[0].equals("repos") && !parts[1].isEmpty() && !parts[2].isEmpty()) {
            byName(exchange, FormCodec.decodeComponent(parts[1]), FormCodec.decodeComponent(parts[2]));
        } else if (parts.length == 2 && parts[0].equals("repositories") && parts[1].matches("[0-9]{1,18}")) {
            byId(exchange, Long.parseLong(parts[1]));
        } else {
            ApiResponses.notFound(exchange);
        }
    }

    private void list(SandboxExchange exchange) {
        Optional<ApiGate.Caller> caller = gate.admit(exchange, LIST_DOCS);
        if (caller.isEmpty()) {
            return;
        }
        Map<String, String> query = FormCodec.decodeFirst(exchange.request().query());
        SandboxUser user = caller.get().grant().user();
        String visibility = query.getOrDefault("visibility", "all").toLowerCase(Locale.ROOT);
        String affiliation = query.getOrDefault("affiliation", "owner,collaborator,organization_member").toLowerCase(Locale.ROOT);
        switch (query.getOrDefault("type", "").toLowerCase(Locale.ROOT)) {
            case "owner" -> affiliation = "owner";
            case "member" -> affiliation = "collaborator,organization_member";
            case "public" -> visibility = "public";
            case "private" -> visibility = "private";
            default -> {
                // "all" or absent: the affiliation and visibility parameters decide.
            }
        }
        List<String> affiliations = Arrays.asList(affiliation.replace(" ", "").split(","));
        List<SandboxRepository> candidates = new ArrayList<>();
        if (affiliations.contains("owner")) {
            candidates.addAll(repositories.ownedBy(user));
        }
        if (affiliations.contains("organization_member")) {
            // Collaborators are not modelled: organization members reach the organization's repositories.
            for (SandboxUser organization : access.organizations().accountsWithMember(user)) {
                candidates.addAll(repositories.ownedBy(organization));
            }
        }
        List<SandboxRepository> visible = new ArrayList<>();
        for (SandboxRepository repository : candidates) {
            if (!access.canSee(caller.get(), repository)) {
                continue;
            }
            if ((visibility.equals("public") && repository.isPrivate())
                    || (visibility.equals("private") && !repository.isPrivate())) {
                continue;
            }
            visible.add(repository);
        }
        visible.sort(order(query.getOrDefault("sort", "full_name"), query.get("direction")));

        PageWindow window = PageWindow.of(query);
        List<Map<String, Object>> body = new ArrayList<>();
        for (SandboxRepository repository : window.slice(visible)) {
            body.add(access.item(repository, caller.get()));
        }
        Map<String, String> headers = caller.get().headers();
        String link = window.linkHeader(baseUrl + exchange.path(), exchange.request().query(), visible.size());
        if (link != null) {
            headers.put("Link", link);
        }
        cacheHeaders(caller.get(), headers);
        ConditionalGet.sendJson(exchange, gate, caller.get(), body, headers);
    }

    private void byName(SandboxExchange exchange, String owner, String name) {
        Optional<ApiGate.Caller> caller = gate.admit(exchange, GET_DOCS);
        if (caller.isEmpty()) {
            return;
        }
        Optional<SandboxRepository> repository = repositories.find(owner, name).filter(r -> access.canSee(caller.get(), r));
        if (repository.isPresent()) {
            sendRepository(exchange, caller.get(), repository.get());
            return;
        }
        Optional<SandboxRepository> renamed = repositories.formerlyNamed(owner, name).filter(r -> access.canSee(caller.get(), r));
        if (renamed.isPresent()) {
            String location = baseUrl + "/repositories/" + renamed.get().id();
            Map<String, String> headers = caller.get().headers();
            headers.put("Location", location);
            Map<String, String> body = ApiResponses.error("Moved Permanently", REDIRECT_DOCS, 301);
            body.remove("status");
            body.put("url", location);
            exchange.sendJson(301, body, headers);
            return;
        }
        notFound(exchange, caller.get());
    }

    private void byId(SandboxExchange exchange, long id) {
        Optional<ApiGate.Caller> caller = gate.admit(exchange, GET_DOCS);
        if (caller.isEmpty()) {
            return;
        }
        Optional<SandboxRepository> repository = repositories.byId(id).filter(r -> access.canSee(caller.get(), r));
        if (repository.isPresent()) {
            sendRepository(exchange, caller.get(), repository.get());
        } else {
            notFound(exchange, caller.get());
        }
    }

    private void sendRepository(SandboxExchange exchange, ApiGate.Caller caller, SandboxRepository repository) {
        Map<String, String> headers = caller.headers();
        cacheHeaders(caller, headers);
        ConditionalGet.sendJson(exchange, gate, caller, access.full(repository, caller), headers);
    }

    /**
     * GitHub's 404 for a repository the caller cannot see still carries the scope headers, which
     * is how a client can tell that a token without {@code repo} is why a private repository is
     * invisible (https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/scopes-for-oauth-apps).
     */
    private static void notFound(SandboxExchange exchange, ApiGate.Caller caller) {
        Map<String, String> headers = caller.headers();
        headers.put("X-OAuth-Scopes", Scopes.forHeader(caller.grant().scopes()));
        headers.put("X-Accepted-OAuth-Scopes", "repo");
        exchange.sendJson(404, ApiResponses.error("Not Found", GET_DOCS, 404), headers);
    }

    private static void cacheHeaders(ApiGate.Caller caller, Map<String, String> headers) {
        headers.put("X-OAuth-Scopes", Scopes.forHeader(caller.grant().scopes()));
        headers.put("X-Accepted-OAuth-Scopes", "repo");
        headers.put("Cache-Control", "private, max-age=60, s-maxage=60");
        headers.put("Vary", "Accept, Authorization, Cookie, X-GitHub-OTP");
    }

    private static Comparator<SandboxRepository> order(String sort, @Nullable String direction) {
        Comparator<SandboxRepository> byName = Comparator.comparing(r -> r.fullName().toLowerCase(Locale.ROOT));
        Comparator<SandboxRepository> comparator;
        boolean ascendingByDefault;
        switch (sort.toLowerCase(Locale.ROOT)) {
            case "created", "updated", "pushed" -> {
                // The sandbox's repositories are never pushed to: all three times are the creation time.
                comparator = Comparator.comparing(SandboxRepository::createdAt).thenComparingLong(SandboxRepository::id);
                ascendingByDefault = false;
            }
            default -> {
                comparator = byName;
                ascendingByDefault = true;
            }
        }
        boolean ascending = direction == null ? ascendingByDefault : direction.equalsIgnoreCase("asc");
        return ascending ? comparator : comparator.reversed();
    }
}
