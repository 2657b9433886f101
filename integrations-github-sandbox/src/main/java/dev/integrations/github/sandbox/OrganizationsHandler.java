package dev.integrations.github.sandbox;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Organizations and memberships:
 * <ul>
 *   <li>{@code GET /orgs/{org}}: {@code organization-full}, or 404;</li>
 *   <li>{@code GET /orgs/{org}/members/{username}}: for a caller who is a member, 204 when the
 *       user is a member (public or concealed) and 404 otherwise; for anyone else 302 to
 *       {@code /orgs/{org}/public_members/{username}}, as GitHub answers;</li>
 *   <li>{@code GET /orgs/{org}/public_members/{username}}: 204 for a public member, else 404;
 *       both checks answer 404 without a body, as GitHub's description has it;</li>
 *   <li>{@code GET /orgs/{org}/repos}: the organization's repositories the caller can see
 *       ({@code type} all, public, private, sources, forks, member), paginated.</li>
 * </ul>
 */
final class OrganizationsHandler {

    static final String GET_DOCS = "https://docs.github.com/rest/orgs/orgs#get-an-organization";
    static final String MEMBER_DOCS = "https://docs.github.com/rest/orgs/members#check-organization-membership-for-a-user";
    static final String PUBLIC_MEMBER_DOCS = "https://docs.github.com/rest/orgs/members#check-public-organization-membership-for-a-user";
    static final String REPOS_DOCS = "https://docs.github.com/rest/repos/repos#list-organization-repositories";

    private final RepositoryAccess access;

    OrganizationsHandler(RepositoryAccess access) {
        this.access = access;
    }

    void register(ResourceRouter router) {
        router.add("GET", "/orgs/{org}", GET_DOCS, "", this::get)
                .add("GET", "/orgs/{org}/members/{username}", MEMBER_DOCS, "", this::member)
                .add("GET", "/orgs/{org}/public_members/{username}", PUBLIC_MEMBER_DOCS, "", this::publicMember)
                .add("GET", "/orgs/{org}/repos", REPOS_DOCS, "", this::repositories);
    }

    private SandboxOrganization organization(ApiCall call) {
        return access.organizations().byLogin(call.param("org")).orElseThrow(() -> ApiError.notFound(call.docs()));
    }

    private void get(ApiCall call) {
        call.respondGet(json(call, organization(call)));
    }

    /** The organization of a membership check, whose 404 has no body in GitHub's description. */
    private SandboxOrganization organizationForCheck(ApiCall call) {
        return access.organizations().byLogin(call.param("org")).orElseThrow(() -> ApiError.empty(404));
    }

    private void member(ApiCall call) {
        SandboxOrganization organization = organizationForCheck(call);
        String username = call.param("username");
        if (access.organizations().membership(organization, call.user()).isEmpty()) {
            String location = call.baseUrl() + "/orgs/" + ResourceRouter.encode(organization.login()) + "/public_members/"
                    + ResourceRouter.encode(username);
            call.exchange().send(302, null, new byte[0], withLocation(call, location));
            return;
        }
        if (membership(organization, username).isEmpty()) {
            throw ApiError.empty(404);
        }
        call.respondEmpty(204);
    }

    private void publicMember(ApiCall call) {
        SandboxOrganization organization = organizationForCheck(call);
        if (membership(organization, call.param("username")).filter(OrganizationStore.Membership::isPublic).isEmpty()) {
            throw ApiError.empty(404);
        }
        call.respondEmpty(204);
    }

    private void repositories(ApiCall call) {
        SandboxOrganization organization = organization(call);
        String type = call.query().getOrDefault("type", "all").toLowerCase(Locale.ROOT);
        List<SandboxRepository> visible = new ArrayList<>();
        for (SandboxRepository repository : access.repositories().ownedBy(access.organizations().account(organization))) {
            if (!access.canSee(call.caller(), repository)) {
                continue;
            }
            boolean keep = switch (type) {
                case "public" -> !repository.isPrivate();
                case "private" -> repository.isPrivate();
                case "forks" -> false;
                case "member" -> access.hasPushAccess(call.user(), repository);
                default -> true;
            };
            if (keep) {
                visible.add(repository);
            }
        }
        String sort = call.query().getOrDefault("sort", "created");
        Comparator<SandboxRepository> order = sort.equals("full_name")
                ? Comparator.comparing(r -> r.fullName().toLowerCase(Locale.ROOT))
                : Comparator.comparing(SandboxRepository::createdAt).thenComparingLong(SandboxRepository::id);
        String direction = call.query().getOrDefault("direction", sort.equals("full_name") ? "asc" : "desc");
        visible.sort(direction.equalsIgnoreCase("asc") ? order : order.reversed());
        call.respondPage(visible, repository -> access.item(repository, call.caller()));
    }

    private Optional<OrganizationStore.Membership> membership(SandboxOrganization organization, String username) {
        return access.organizations().members(organization).stream()
                .filter(m -> m.user().login().equalsIgnoreCase(username)).findFirst();
    }

    private Map<String, String> withLocation(ApiCall call, String location) {
        Map<String, String> headers = call.caller().headers();
        headers.put("Location", location);
        return headers;
    }

    /** {@code organization-full}. */
    private Map<String, Object> json(ApiCall call, SandboxOrganization organization) {
        String api = call.baseUrl() + "/orgs/" + ResourceRouter.encode(organization.login());
        String time = GitJson.time(organization.createdAt());
        int publicRepos = 0;
        int privateRepos = 0;
        for (SandboxRepository repository : access.repositories().ownedBy(access.organizations().account(organization))) {
            if (repository.isPrivate()) {
                privateRepos++;
            } else {
                publicRepos++;
            }
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("login", organization.login());
        json.put("id", organization.id());
        json.put("node_id", organization.nodeId());
        json.put("url", api);
        json.put("repos_url", api + "/repos");
        json.put("events_url", api + "/events");
        json.put("hooks_url", api + "/hooks");
        json.put("issues_url", api + "/issues");
        json.put("members_url", api + "/members{/member}");
        json.put("public_members_url", api + "/public_members{/member}");
        json.put("avatar_url", call.baseUrl() + "/avatars/u/" + organization.id() + "?v=4");
        json.put("description", organization.description());
        if (organization.name() != null) {
            json.put("name", organization.name());
        }
        json.put("twitter_username", null);
        json.put("is_verified", false);
        json.put("has_organization_projects", true);
        json.put("has_repository_projects", true);
        json.put("public_repos", publicRepos);
        json.put("public_gists", 0);
        json.put("followers", 0);
        json.put("following", 0);
        json.put("html_url", call.baseUrl() + "/" + ResourceRouter.encode(organization.login()));
        json.put("type", "Organization");
        json.put("created_at", time);
        json.put("updated_at", time);
        json.put("archived_at", null);
        if (access.organizations().membership(organization, call.user()).isPresent()) {
            json.put("total_private_repos", privateRepos);
            json.put("owned_private_repos", privateRepos);
            json.put("default_repository_permission", "write");
            json.put("members_can_create_repositories", true);
        }
        return json;
    }
}
