package dev.integrations.github.sandbox;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * GitHub Apps on the REST API (https://docs.github.com/en/rest/apps/apps):
 *
 * <ul>
 *   <li>the endpoints that take the app's JWT ({@code Authorization: Bearer <jwt>}, verified by
 *       {@link JwtVerifier}; anything else is 401): {@code GET /app}, {@code GET /app/installations}
 *       (paginated), {@code GET /app/installations/{id}}, {@code POST /app/installations/{id}/access_tokens}
 *       (201; narrowing to repositories or permissions the installation lacks is 422),
 *       {@code GET /repos/{owner}/{repo}/installation}, {@code GET /orgs/{org}/installation},
 *       {@code GET /users/{username}/installation} (404 when the app is not installed there);</li>
 *   <li>the permission checks for installation tokens ({@code ghs_…}) before any other endpoint
 *       runs: a repository the token does not reach is 404 (its existence is not revealed), a
 *       missing permission is 403 "Resource not accessible by integration" with the
 *       {@code X-Accepted-GitHub-Permissions} header naming what is needed (e.g.
 *       {@code issues=write}), and {@code GET /user} is 403, as on GitHub
 *       (https://docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api).</li>
 * </ul>
 *
 * <p>Simplification: an installation token acts as the installation's account (issues it opens
 * are authored by the account, not by an {@code app[bot]} user).
 */
final class AppsHandler {

    static final String APPS_DOCS = "https://docs.github.com/rest/apps/apps";
    static final String NOT_ACCESSIBLE = "Resource not accessible by integration";
    static final String REPOSITORIES_NOT_ACCESSIBLE =
            "There is at least one repository that does not exist or is not accessible to the parent installation.";
    static final String PERMISSIONS_NOT_GRANTED = "The permissions requested are not granted to this installation.";
    static final int MAX_REPOSITORIES = 500;

    private final InstallationStore store;
    private final JwtVerifier verifier;
    private final RepositoryStore repositories;
    private final OrganizationStore organizations;
    private final Directory directory;
    private final String baseUrl;

    AppsHandler(InstallationStore store, Clock clock, RepositoryStore repositories, OrganizationStore organizations,
                Directory directory, String baseUrl) {
        this.store = store;
        this.verifier = new JwtVerifier(store, clock);
        this.repositories = repositories;
        this.organizations = organizations;
        this.directory = directory;
        this.baseUrl = baseUrl;
    }

    /** Answers an app endpoint, or an installation token's call it refuses; false leaves the exchange to others. */
    boolean route(SandboxExchange exchange) {
        String[] s = exchange.path().length() <= 1 ? new String[0] : exchange.path().substring(1).split("/", -1);
        String method = exchange.method();
        try {
            if (s.length >= 1 && s[0].equals("app")) {
                return appRoute(exchange, method, s);
            }
            if (method.equals("GET") && s.length == 4 && s[0].equals("repos") && s[3].equals("installation")) {
                SandboxGithubApp app = authenticate(exchange);
                SandboxRepository repository = repositories.find(ResourceRouter.decode(s[1]), ResourceRouter.decode(s[2]))
                        .orElseThrow(() -> ApiError.notFound(APPS_DOCS + "#get-a-repository-installation-for-the-authenticated-app"));
                SandboxInstallation installation = store.forAccount(app, repository.owner())
                        .filter(i -> i.reaches(repository))
                        .orElseThrow(() -> ApiError.notFound(APPS_DOCS + "#get-a-repository-installation-for-the-authenticated-app"));
                send(exchange, 200, installationJson(installation), Map.of());
                return true;
            }
            if (method.equals("GET") && s.length == 3 && (s[0].equals("orgs") || s[0].equals("users"))
                    && s[2].equals("installation")) {
                SandboxGithubApp app = authenticate(exchange);
                String docs = APPS_DOCS + (s[0].equals("orgs") ? "#get-an-organization-installation-for-the-authenticated-app"
                        : "#get-a-user-installation-for-the-authenticated-app");
                Optional<SandboxUser> account = directory.userByLogin(ResourceRouter.decode(s[1]));
                boolean org = account.isPresent() && organizations.isOrganization(account.get());
                if (account.isEmpty() || org != s[0].equals("orgs")) {
                    throw ApiError.notFound(docs);
                }
                SandboxInstallation installation = store.forAccount(app, account.get())
                        .orElseThrow(() -> ApiError.notFound(docs));
                send(exchange, 200, installationJson(installation), Map.of());
                return true;
            }
            return checkInstallationToken(exchange, method, s);
        } catch (ApiError error) {
            send(exchange, error.status(), error.body(), error.headers());
            return true;
        }
    }

    private boolean appRoute(SandboxExchange exchange, String method, String[] s) {
        if (method.equals("GET") && s.length == 1) {
            send(exchange, 200, appJson(authenticate(exchange)), Map.of());
            return true;
        }
        if (s.length < 2 || !s[1].equals("installations")) {
            return false;
        }
        if (method.equals("GET") && s.length == 2) {
            SandboxGithubApp app = authenticate(exchange);
            Map<String, String> query = FormCodec.decodeFirst(exchange.request().query());
            PageWindow window = PageWindow.of(query);
            List<SandboxInstallation> all = store.installations(app);
            List<Object> page = new ArrayList<>();
            for (SandboxInstallation i : window.slice(all)) {
                page.add(installationJson(i));
            }
            Map<String, String> headers = new LinkedHashMap<>();
            String link = window.linkHeader(baseUrl + "/app/installations", exchange.request().query(), all.size());
            if (link != null) {
                headers.put("Link", link);
            }
            send(exchange, 200, page, headers);
            return true;
        }
        boolean tokens = s.length == 4 && s[3].equals("access_tokens") && method.equals("POST");
        if (!(tokens || (s.length == 3 && method.equals("GET")))) {
            return false;
        }
        String docs = APPS_DOCS + (tokens ? "#create-an-installation-access-token-for-an-app" : "#get-an-installation-for-the-authenticated-app");
        SandboxGithubApp app = authenticate(exchange);
        SandboxInstallation installation = (s[2].matches("[0-9]{1,18}")
                ? store.installation(app, Long.parseLong(s[2])) : Optional.<SandboxInstallation>empty())
                .orElseThrow(() -> ApiError.notFound(docs));
        if (!tokens) {
            send(exchange, 200, installationJson(installation), Map.of());
            return true;
        }
        createToken(exchange, installation, docs);
        return true;
    }

    private void createToken(SandboxExchange exchange, SandboxInstallation installation, String docs) {
        JsonNode body = body(exchange, docs);
        Set<Long> narrowed = null;
        List<SandboxRepository> named = new ArrayList<>();
        JsonNode names = body.get("repositories");
        JsonNode ids = body.get("repository_ids");
        if ((names != null && !names.isArray()) || (ids != null && !ids.isArray())) {
            throw ApiError.validation("Invalid request.", docs, List.of());
        }
        if (names != null || ids != null) {
            narrowed = new LinkedHashSet<>();
            for (JsonNode name : names == null ? List.<JsonNode>of() : iterable(names)) {
                Optional<SandboxRepository> r = name.isTextual()
                        ? repositories.find(installation.account().login(), name.asText()) : Optional.empty();
                named.add(r.orElseThrow(() -> ApiError.validation(REPOSITORIES_NOT_ACCESSIBLE, docs, List.of())));
            }
            for (JsonNode id : ids == null ? List.<JsonNode>of() : iterable(ids)) {
                Optional<SandboxRepository> r = id.canConvertToLong() ? repositories.byId(id.longValue()) : Optional.empty();
                named.add(r.orElseThrow(() -> ApiError.validation(REPOSITORIES_NOT_ACCESSIBLE, docs, List.of())));
            }
            if (named.size() > MAX_REPOSITORIES) {
                throw ApiError.validation("Too many repositories requested: at most " + MAX_REPOSITORIES + ".", docs, List.of());
            }
            for (SandboxRepository r : named) {
                if (!installation.reaches(r)) {
                    throw ApiError.validation(REPOSITORIES_NOT_ACCESSIBLE, docs, List.of());
                }
                narrowed.add(r.id());
            }
        }
        Map<String, String> permissions = new LinkedHashMap<>(installation.permissions());
        JsonNode requested = body.get("permissions");
        if (requested != null && !requested.isNull()) {
            if (!requested.isObject()) {
                throw ApiError.validation("Invalid request.", docs, List.of());
            }
            permissions.clear();
            for (Map.Entry<String, JsonNode> p : iterableFields(requested)) {
                String level = p.getValue().asText("");
                String granted = installation.permissions().get(p.getKey());
                if (InstallationStore.rank(level) == 0 || InstallationStore.rank(granted) < InstallationStore.rank(level)) {
                    throw ApiError.validation(PERMISSIONS_NOT_GRANTED, docs, List.of());
                }
                permissions.put(p.getKey(), level);
            }
        }
        InstallationStore.InstallationGrant grant = store.issue(installation, permissions, narrowed);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("token", grant.token());
        json.put("expires_at", time(grant.expiresAt()));
        json.put("permissions", grant.permissions());
        json.put("repository_selection", narrowed != null || !installation.allRepositories() ? "selected" : "all");
        if (narrowed != null) {
            List<Object> list = new ArrayList<>();
            for (SandboxRepository r : named) {
                list.add(RepositoryJson.repository(r, baseUrl, false));
            }
            json.put("repositories", list);
        }
        send(exchange, 201, json, Map.of());
    }

    /**
     * The checks an installation token meets before an endpoint runs. Returns true when it
     * answered (refused) the call.
     */
    private boolean checkInstallationToken(SandboxExchange exchange, String method, String[] s) {
        Optional<InstallationStore.InstallationGrant> grant = store.grant(bearer(exchange.header("Authorization")));
        if (grant.isEmpty()) {
            return false;
        }
        if (s.length == 1 && s[0].equals("user")) {
            send(exchange, 403, ApiResponses.error(NOT_ACCESSIBLE,
                    "https://docs.github.com/rest/users/users#get-the-authenticated-user", 403), Map.of());
            return true;
        }
        Optional<SandboxRepository> repository = Optional.empty();
        int rest;
        if (s.length >= 3 && s[0].equals("repos")) {
            repository = repositories.find(ResourceRouter.decode(s[1]), ResourceRouter.decode(s[2]));
            rest = 3;
        } else if (s.length >= 2 && s[0].equals("repositories") && s[1].matches("[0-9]{1,18}")) {
            repository = repositories.byId(Long.parseLong(s[1]));
            rest = 2;
        } else {
            return false;
        }
        if (repository.isEmpty()) {
            return false;
        }
        if (!grant.get().reaches(repository.get())) {
            ApiResponses.notFound(exchange);
            return true;
        }
        String[] required = requiredPermission(method, s.length > rest ? s[rest] : "");
        if (required[0].equals("metadata") || grant.get().allows(required[0], required[1])) {
            return false;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("X-Accepted-GitHub-Permissions", required[0] + "=" + required[1]);
        send(exchange, 403, ApiResponses.error(NOT_ACCESSIBLE, ApiResponses.REST_DOCS, 403), headers);
        return true;
    }

    /** The fine-grained permission a repository call needs, as GitHub documents per endpoint: {name, level}. */
    static String[] requiredPermission(String method, String resource) {
        boolean read = method.equals("GET") || method.equals("HEAD");
        String level = read ? "read" : "write";
        String permission = switch (resource) {
            case "issues", "labels", "assignees", "milestones" -> "issues";
            case "pulls" -> "pull_requests";
            case "contents", "git", "branches", "commits", "merges", "compare", "readme", "tags" -> "contents";
            case "codespaces" -> "codespaces";
            default -> read ? "metadata" : "administration";
        };
        return new String[] {permission, level};
    }

    private SandboxGithubApp authenticate(SandboxExchange exchange) {
        String authorization = exchange.header("Authorization");
        String jwt = null;
        if (authorization != null && authorization.trim().toLowerCase(Locale.ROOT).startsWith("bearer ")) {
            jwt = authorization.trim().substring(7).trim();
        }
        JwtVerifier.Result result = verifier.verify(jwt);
        if (result.app() == null) {
            throw ApiError.of(401, result.error() != null ? result.error() : JwtVerifier.UNDECODABLE, ApiResponses.REST_DOCS);
        }
        return result.app();
    }

    private static @Nullable String bearer(@Nullable String authorization) {
        if (authorization == null) {
            return null;
        }
        String value = authorization.trim();
        int space = value.indexOf(' ');
        return space < 0 ? null : value.substring(space + 1).trim();
    }

    private static JsonNode body(SandboxExchange exchange, String docs) {
        String text = exchange.request().body();
        if (text.isBlank()) {
            return SandboxExchange.mapper().createObjectNode();
        }
        JsonNode json;
        try {
            json = SandboxExchange.mapper().readTree(text);
        } catch (IOException e) {
            throw ApiError.badJson(docs);
        }
        if (json == null || !json.isObject()) {
            throw ApiError.of(400, "Body should be a JSON object", docs);
        }
        return json;
    }

    private static Iterable<JsonNode> iterable(JsonNode array) {
        List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list;
    }

    private static Iterable<Map.Entry<String, JsonNode>> iterableFields(JsonNode object) {
        List<Map.Entry<String, JsonNode>> list = new ArrayList<>();
        object.fields().forEachRemaining(list::add);
        return list;
    }

    private Map<String, Object> appJson(SandboxGithubApp app) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", app.id());
        json.put("slug", app.slug());
        json.put("node_id", app.nodeId());
        json.put("client_id", app.clientId());
        json.put("owner", account(app.owner()));
        json.put("name", app.slug());
        json.put("description", null);
        json.put("external_url", baseUrl + "/apps/" + app.slug());
        json.put("html_url", baseUrl + "/apps/" + app.slug());
        json.put("created_at", time(app.createdAt()));
        json.put("updated_at", time(app.createdAt()));
        json.put("permissions", Map.of("metadata", "read"));
        json.put("events", List.of());
        json.put("installations_count", store.installations(app).size());
        return json;
    }

    private Map<String, Object> installationJson(SandboxInstallation installation) {
        boolean org = organizations.isOrganization(installation.account());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", installation.id());
        json.put("account", account(installation.account()));
        json.put("repository_selection", installation.allRepositories() ? "all" : "selected");
        json.put("access_tokens_url", baseUrl + "/app/installations/" + installation.id() + "/access_tokens");
        json.put("repositories_url", baseUrl + "/installation/repositories");
        json.put("html_url", baseUrl + (org ? "/organizations/" + installation.account().login() : "")
                + "/settings/installations/" + installation.id());
        json.put("app_id", installation.app().id());
        json.put("client_id", installation.app().clientId());
        json.put("target_id", installation.account().id());
        json.put("target_type", org ? "Organization" : "User");
        json.put("permissions", installation.permissions());
        json.put("events", List.of());
        json.put("created_at", time(installation.createdAt()));
        json.put("updated_at", time(installation.createdAt()));
        json.put("single_file_name", null);
        json.put("has_multiple_single_files", false);
        json.put("single_file_paths", List.of());
        json.put("app_slug", installation.app().slug());
        json.put("suspended_by", null);
        json.put("suspended_at", null);
        json.put("contact_email", null);
        return json;
    }

    private Map<String, Object> account(SandboxUser account) {
        Map<String, Object> json = RepositoryJson.simpleUser(account, baseUrl);
        if (organizations.isOrganization(account)) {
            json.put("type", "Organization");
        }
        return json;
    }

    private static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static void send(SandboxExchange exchange, int status, @Nullable Object body, Map<String, String> extra) {
        Map<String, String> headers = ApiResponses.headers(Secrets.requestId(), ApiResponses.DEFAULT_VERSION);
        headers.putAll(extra);
        if (body == null) {
            exchange.send(status, null, new byte[0], headers);
        } else {
            exchange.sendJson(status, body, headers);
        }
    }
}
