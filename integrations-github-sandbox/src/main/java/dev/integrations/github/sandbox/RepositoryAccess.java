package dev.integrations.github.sandbox;

import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import java.util.Optional;

/**
 * Who may see and change a repository, and how repositories look in the responses of the
 * stateful endpoints (https://docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api, https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/scopes-for-oauth-apps):
 * <ul>
 *   <li>public repositories are visible to every token; private ones to their owner, or to
 *       members of the owning organization, with the {@code repo} scope. Anything else is 404,
 *       so that a private repository's existence is not revealed;</li>
 *   <li>pushing (branches, files, labels, assignees, merges) needs the owner or an organization
 *       member, with {@code public_repo} (public) or {@code repo} (private); a token that can see
 *       but not push gets 404, as GitHub answers classic tokens;</li>
 *   <li>issues, comments, pull requests and reviews can be written by anyone who can see the
 *       repository, with {@code public_repo} or {@code repo}.</li>
 * </ul>
 * A repository path naming a renamed repository answers 301 (GET) or 307 (other methods) towards
 * {@code /repositories/{id}/...}, as GitHub does.
 */
final class RepositoryAccess {

    private final RepositoryStore repositories;
    private final OrganizationStore organizations;
    private final RepositorySettings settings;
    private final IssueStore issues;
    private final String baseUrl;

    RepositoryAccess(RepositoryStore repositories, OrganizationStore organizations, RepositorySettings settings,
                     IssueStore issues, String baseUrl) {
        this.baseUrl = baseUrl;
        this.repositories = repositories;
        this.organizations = organizations;
        this.settings = settings;
        this.issues = issues;
    }

    RepositoryStore repositories() {
        return repositories;
    }

    OrganizationStore organizations() {
        return organizations;
    }

    RepositorySettings settings() {
        return settings;
    }

    /** The repository named by the {@code owner} and {@code repo} path parameters, if the caller can see it. */
    SandboxRepository resolve(ApiCall call) {
        String owner = call.param("owner");
        String name = call.param("repo");
        Optional<SandboxRepository> repository = repositories.find(owner, name).filter(r -> canSee(call.caller(), r));
        if (repository.isPresent()) {
            return repository.get();
        }
        Optional<SandboxRepository> renamed = repositories.formerlyNamed(owner, name).filter(r -> canSee(call.caller(), r));
        if (renamed.isPresent()) {
            String path = call.exchange().path();
            String[] parts = path.substring(1).split("/", 4);
            String rest = parts.length == 4 ? "/" + parts[3] : "";
            String query = call.exchange().request().query();
            String location = call.baseUrl() + "/repositories/" + renamed.get().id() + rest
                    + (query.isEmpty() ? "" : "?" + query);
            throw ApiError.redirect(call.method().equals("GET") ? 301 : 307, location, RepositoriesHandler.REDIRECT_DOCS);
        }
        throw ApiError.notFound(call.docs());
    }

    /** {@link #resolve}, then insists the caller may push. */
    SandboxRepository resolveForPush(ApiCall call) {
        SandboxRepository repository = resolve(call);
        if (!canPush(call.caller(), repository)) {
            throw ApiError.notFound(call.docs());
        }
        return repository;
    }

    /** {@link #resolve}, then insists the token may write to it (issues, comments, pulls, reviews). */
    SandboxRepository resolveForWrite(ApiCall call) {
        SandboxRepository repository = resolve(call);
        if (!hasWriteScope(call.caller(), repository)) {
            throw ApiError.notFound(call.docs());
        }
        return repository;
    }

    boolean canSee(ApiGate.Caller caller, SandboxRepository repository) {
        if (!repository.isPrivate()) {
            return true;
        }
        return hasPushAccess(caller.grant().user(), repository) && Grants.has(caller, "repo");
    }

    boolean canPush(ApiGate.Caller caller, SandboxRepository repository) {
        return canSee(caller, repository) && hasPushAccess(caller.grant().user(), repository)
                && hasWriteScope(caller, repository);
    }

    /** The owner, or a member of the owning organization (organization members may push). */
    boolean hasPushAccess(SandboxUser user, SandboxRepository repository) {
        return repository.owner().id() == user.id() || organizations.isMemberOfAccount(repository.owner(), user);
    }

    private static boolean hasWriteScope(ApiGate.Caller caller, SandboxRepository repository) {
        return Grants.has(caller, repository.isPrivate() ? "repo" : "public_repo");
    }

    /** {@code author_association} of {@code user} with the repository. */
    String association(SandboxUser user, SandboxRepository repository) {
        if (repository.owner().id() == user.id()) {
            return "OWNER";
        }
        return organizations.isMemberOfAccount(repository.owner(), user) ? "MEMBER" : "NONE";
    }

    /** The {@code full-repository} shape, with the API-set attributes and live issue counts. */
    Map<String, Object> full(SandboxRepository repository, ApiGate.@Nullable Caller caller) {
        return overlay(RepositoryJson.fullRepository(repository, baseUrl, false), repository, caller);
    }

    /** The {@code repository} shape (also valid as {@code minimal-repository}), as a list item or a nested object. */
    Map<String, Object> item(SandboxRepository repository, ApiGate.Caller caller) {
        return overlay(RepositoryJson.repository(repository, baseUrl, false), repository, caller);
    }

    /** A user or organization account in the {@code simple-user} shape. */
    Map<String, Object> account(SandboxUser account) {
        Map<String, Object> json = RepositoryJson.simpleUser(account, baseUrl);
        if (organizations.isOrganization(account)) {
            json.put("type", "Organization");
        }
        return json;
    }

    private Map<String, Object> overlay(Map<String, Object> json, SandboxRepository repository, ApiGate.@Nullable Caller caller) {
        RepositorySettings.Settings s = settings.of(repository);
        boolean push = caller != null && hasPushAccess(caller.grant().user(), repository);
        boolean owner = caller != null && repository.owner().id() == caller.grant().user().id();
        json.put("homepage", s.homepage());
        json.put("has_issues", s.hasIssues());
        json.put("has_projects", s.hasProjects());
        json.put("has_wiki", s.hasWiki());
        json.put("is_template", s.isTemplate());
        int open = issues.openCount(repository.id());
        json.put("open_issues_count", open);
        json.put("open_issues", open);
        // RepositoryJson always writes "owner" and "permissions" into the JSON overlaid here.
        if (organizations.isOrganization(repository.owner())) {
            @SuppressWarnings("unchecked")
            Map<String, Object> ownerJson = (Map<String, Object>) Objects.requireNonNull(json.get("owner"), "owner");
            ownerJson.put("type", "Organization");
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> permissions = (Map<String, Object>) Objects.requireNonNull(json.get("permissions"), "permissions");
        permissions.put("admin", owner);
        permissions.put("maintain", owner);
        permissions.put("push", push);
        permissions.put("triage", push);
        permissions.put("pull", true);
        return json;
    }
}
