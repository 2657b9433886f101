package dev.integrations.internal.github.actions;

import dev.integrations.internal.github.GithubCore;
import dev.integrations.github.actions.CreateRepositoryFromTemplateRequest;
import dev.integrations.github.actions.CreateRepositoryRequest;
import dev.integrations.github.actions.FindRepositoryRequest;
import dev.integrations.github.actions.ListRepositoriesRequest;
import dev.integrations.github.ListResult;
import dev.integrations.github.model.Repository;

import java.util.Optional;

import static dev.integrations.internal.github.actions.UrlPath.repository;
import static dev.integrations.internal.github.actions.UrlPath.segment;

/**
 * The repository actions behind {@link GithubClient#listRepositories}, {@link GithubClient#findRepository},
 * {@link GithubClient#createRepository} and {@link GithubClient#createRepositoryFromTemplate}.
 * Call them through the provider.
 */
public final class RepositoryActions {
    private RepositoryActions() {
    }

    /**
     * {@code GET /user/repos}, {@code /users/{username}/repos} or {@code /orgs/{org}/repos}: one
     * page ({@code per_page} 100 unless the request says otherwise), the rest through
     * {@link ListResult#pages()}.
     */
    public static ListResult<Repository> listRepositories(GithubCore github, ListRepositoriesRequest request) {
        String path = request.org() != null ? "/orgs/" + segment(request.org()) + "/repos"
                : request.username() != null ? "/users/" + segment(request.username()) + "/repos"
                : "/user/repos";
        Calls.Fields query = Calls.fields()
                .put("type", request.type())
                .put("sort", request.sort())
                .put("direction", request.direction())
                .put("visibility", request.visibility())
                .put("affiliation", request.affiliation())
                .put("per_page", request.perPage())
                .put("page", request.page());
        return Calls.list(github, "listRepositories", Calls.get(path, query.query()), null, Repository::fromJson);
    }

    /** {@code GET /repos/{owner}/{repo}}; empty on 404. */
    public static Optional<Repository> findRepository(GithubCore github, FindRepositoryRequest request) {
        return Calls.findOrEmpty(() -> Calls.call(github, "findRepository",
                Calls.get(repository(request.owner(), request.repo())), Repository::fromJson));
    }

    /** {@code POST /user/repos}, or {@code POST /orgs/{org}/repos} with {@code org}. */
    public static Repository createRepository(GithubCore github, CreateRepositoryRequest request) {
        String path = request.org() == null ? "/user/repos" : "/orgs/" + segment(request.org()) + "/repos";
        Calls.Fields body = Calls.fields()
                .put("name", request.name())
                .put("description", request.description())
                .put("homepage", request.homepage())
                .put("private", request.isPrivate())
                .put("auto_init", request.autoInit())
                .put("gitignore_template", request.gitignoreTemplate())
                .put("license_template", request.licenseTemplate())
                .put("is_template", request.isTemplate())
                .put("has_issues", request.hasIssues())
                .put("has_projects", request.hasProjects())
                .put("has_wiki", request.hasWiki());
        return Calls.call(github, "createRepository", Calls.withBody("POST", path, body.body()), Repository::fromJson);
    }

    /** {@code POST /repos/{template_owner}/{template_repo}/generate}. */
    public static Repository createRepositoryFromTemplate(GithubCore github, CreateRepositoryFromTemplateRequest request) {
        Calls.Fields body = Calls.fields()
                .put("owner", request.owner())
                .put("name", request.name())
                .put("description", request.description())
                .put("include_all_branches", request.includeAllBranches())
                .put("private", request.isPrivate());
        return Calls.call(github, "createRepositoryFromTemplate",
                Calls.withBody("POST", repository(request.templateOwner(), request.templateRepo()) + "/generate", body.body()),
                Repository::fromJson);
    }
}
