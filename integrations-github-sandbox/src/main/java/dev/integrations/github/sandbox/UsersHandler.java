package dev.integrations.github.sandbox;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Accounts by name:
 * <ul>
 *   <li>{@code GET /users/{username}}: a user (or an organization, {@code type} "Organization") in
 *       the {@code public-user} shape, or 404;</li>
 *   <li>{@code GET /users/{username}/repos}: the account's public repositories, by full name,
 *       paginated.</li>
 * </ul>
 */
final class UsersHandler {

    static final String GET_DOCS = "https://docs.github.com/rest/users/users#get-a-user";
    static final String REPOS_DOCS = "https://docs.github.com/rest/repos/repos#list-repositories-for-a-user";

    private final Directory directory;
    private final RepositoryAccess access;

    UsersHandler(Directory directory, RepositoryAccess access) {
        this.directory = directory;
        this.access = access;
    }

    void register(ResourceRouter router) {
        router.add("GET", "/users/{username}", GET_DOCS, "", this::get)
                .add("GET", "/users/{username}/repos", REPOS_DOCS, "", this::repositories);
    }

    private SandboxUser account(ApiCall call) {
        return directory.userByLogin(call.param("username")).orElseThrow(() -> ApiError.notFound(call.docs()));
    }

    private void get(ApiCall call) {
        SandboxUser account = account(call);
        int publicRepos = (int) access.repositories().ownedBy(account).stream().filter(r -> !r.isPrivate()).count();
        call.respondGet(publicUser(call.baseUrl(), account, access.organizations().isOrganization(account), publicRepos));
    }

    private void repositories(ApiCall call) {
        SandboxUser account = account(call);
        List<SandboxRepository> visible = new ArrayList<>();
        for (SandboxRepository repository : access.repositories().ownedBy(account)) {
            if (!repository.isPrivate()) {
                visible.add(repository);
            }
        }
        Comparator<SandboxRepository> order = Comparator.comparing(r -> r.fullName().toLowerCase(Locale.ROOT));
        visible.sort("desc".equalsIgnoreCase(call.query().get("direction")) ? order.reversed() : order);
        call.respondPage(visible, repository -> access.item(repository, call.caller()));
    }

    /** {@code public-user}. */
    static Map<String, Object> publicUser(String baseUrl, SandboxUser user, boolean organization, int publicRepos) {
        Map<String, Object> json = new LinkedHashMap<>(RepositoryJson.simpleUser(user, baseUrl));
        String created = GitJson.time(user.createdAt());
        json.put("type", organization ? "Organization" : "User");
        json.put("name", user.name());
        json.put("company", null);
        json.put("blog", "");
        json.put("location", null);
        json.put("email", user.email());
        json.put("hireable", null);
        json.put("bio", null);
        json.put("twitter_username", null);
        json.put("public_repos", publicRepos);
        json.put("public_gists", 0);
        json.put("followers", 0);
        json.put("following", 0);
        json.put("created_at", created);
        json.put("updated_at", created);
        return json;
    }
}
