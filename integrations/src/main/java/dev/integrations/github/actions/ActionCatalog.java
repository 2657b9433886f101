package dev.integrations.github.actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.integrations.github.GithubClient;
import dev.integrations.github.model.CreatedPullRequest;
import dev.integrations.github.model.FindOrCreateResult;
import dev.integrations.github.model.OrganizationMembership;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The 32 GitHub actions as data. The descriptions are written for whoever picks an action from
 * a list, person or model: what it does, what it needs, what it returns. Results are GitHub's
 * own JSON (the {@code raw()} of the typed result), so nothing GitHub said is lost on the way.
 */
final class ActionCatalog {
    static final List<ActionDefinition<?, ?>> ALL = List.of(
            // Repositories
            ActionDefinition.of("listRepositories", "List repositories: the authenticated user's by default, a user's public"
                            + " repositories with username, or an organization's with org. Returns one page (per_page up to 100,"
                            + " default 100; page from 1) as GitHub's JSON array.", ListRepositoriesRequest.class,
                    GithubClient::listRepositories, r -> r.raw()),
            ActionDefinition.of("findRepository", "Get a repository by owner and name. Returns the repository, or null when it"
                            + " does not exist or the token cannot see it.", FindRepositoryRequest.class,
                    GithubClient::findRepository, optional(r -> r.raw())),
            ActionDefinition.of("createRepository", "Create a repository for the authenticated user, or in an organization"
                    + " with org. Returns the new repository.", CreateRepositoryRequest.class,
                    GithubClient::createRepository, r -> r.raw()),
            ActionDefinition.of("createRepositoryFromTemplate", "Create a repository from a template repository. Returns the"
                    + " new repository.", CreateRepositoryFromTemplateRequest.class,
                    GithubClient::createRepositoryFromTemplate, r -> r.raw()),
            // Branches and files
            ActionDefinition.of("createBranch", "Create a branch from the head of another branch (default: the repository's"
                    + " default branch) or from a commit sha. Returns the new Git reference.", CreateBranchRequest.class,
                    GithubClient::createBranch, r -> r.raw()),
            ActionDefinition.of("deleteBranch", "Delete a branch. Returns {\"deleted\": true}.", DeleteBranchRequest.class,
                    (github, request) -> {
                        github.deleteBranch(request);
                        return Boolean.TRUE;
                    }, ignored -> deleted()),
            ActionDefinition.of("findBranch", "Get a branch and the commit it points at. Returns null when the branch does not"
                    + " exist.", FindBranchRequest.class, GithubClient::findBranch, optional(r -> r.raw())),
            ActionDefinition.of("createOrUpdateFile", "Create a file or replace its content in one commit (the current file's"
                    + " sha is looked up when not given). Content is text unless encoding is base64. Returns the file and the"
                    + " commit.", CreateOrUpdateFileRequest.class, GithubClient::createOrUpdateFile, r -> r.raw()),
            // Codespaces
            ActionDefinition.of("listCodespaces", "List the authenticated user's codespaces, optionally of one repository by"
                    + " id. Returns one page: {total_count, codespaces}.", ListCodespacesRequest.class,
                    GithubClient::listCodespaces, r -> r.raw()),
            ActionDefinition.of("listRepositoryCodespaces", "List the authenticated user's codespaces in a repository. Returns"
                    + " one page: {total_count, codespaces}.", ListRepositoryCodespacesRequest.class,
                    GithubClient::listRepositoryCodespaces, r -> r.raw()),
            ActionDefinition.of("createCodespace", "Create a codespace in a repository, optionally on a branch (ref) and machine"
                    + " type. Returns the codespace; it may still be provisioning.", CreateCodespaceRequest.class,
                    GithubClient::createCodespace, r -> r.raw()),
            ActionDefinition.of("getCodespace", "Get one of the authenticated user's codespaces by name, including its state.",
                    GetCodespaceRequest.class, GithubClient::getCodespace, r -> r.raw()),
            ActionDefinition.of("deleteCodespace", "Delete one of the authenticated user's codespaces by name. Returns"
                            + " {\"deleted\": true}; GitHub finishes the deletion in the background.", DeleteCodespaceRequest.class,
                    (github, request) -> {
                        github.deleteCodespace(request);
                        return Boolean.TRUE;
                    }, ignored -> deleted()),
            ActionDefinition.of("startCodespace", "Start one of the authenticated user's codespaces by name. Returns the"
                    + " codespace.", StartCodespaceRequest.class, GithubClient::startCodespace, r -> r.raw()),
            ActionDefinition.of("stopCodespace", "Stop one of the authenticated user's codespaces by name. Returns the"
                    + " codespace.", StopCodespaceRequest.class, GithubClient::stopCodespace, r -> r.raw()),
            // Issues
            ActionDefinition.of("createIssue", "Open an issue with a title and optionally a body, labels and assignees."
                    + " Returns the issue.", CreateIssueRequest.class, GithubClient::createIssue, r -> r.raw()),
            ActionDefinition.of("updateIssue", "Change an issue's title, body, state (open or closed), labels, assignees or"
                    + " milestone; parameters left out stay unchanged. Returns the issue.", UpdateIssueRequest.class,
                    GithubClient::updateIssue, r -> r.raw()),
            ActionDefinition.of("addLabelsToIssue", "Add labels to an issue or pull request, keeping its other labels. Returns"
                    + " all of its labels.", AddLabelsToIssueRequest.class, GithubClient::addLabelsToIssue, r -> r.raw()),
            ActionDefinition.of("createComment", "Comment on an issue or on a pull request's conversation. Returns the comment.",
                    CreateCommentRequest.class, GithubClient::createComment, r -> r.raw()),
            ActionDefinition.of("findIssue", "Get an issue by number. Returns null when it does not exist.", FindIssueRequest.class,
                    GithubClient::findIssue, optional(r -> r.raw())),
            ActionDefinition.of("findOrCreateIssue", "Find an issue in the repository whose title is exactly the given title"
                            + " (open or closed), or open one. Returns {created, issue}.", FindOrCreateIssueRequest.class,
                    GithubClient::findOrCreateIssue, r -> findOrCreate(r, "issue", i -> i.raw())),
            // Pull requests
            ActionDefinition.of("createPullRequest", "Open a pull request from head into base and, with merge, merge it right"
                            + " away. Returns {pull_request, merge}.", CreatePullRequestRequest.class,
                    GithubClient::createPullRequest, ActionCatalog::createdPullRequest),
            ActionDefinition.of("updatePullRequest", "Change a pull request's title, body, state (open or closed) or base"
                    + " branch. Returns the pull request.", UpdatePullRequestRequest.class,
                    GithubClient::updatePullRequest, r -> r.raw()),
            ActionDefinition.of("submitReview", "Review a pull request: APPROVE, REQUEST_CHANGES or COMMENT (the last two need"
                    + " a body). Returns the review.", SubmitReviewRequest.class, GithubClient::submitReview, r -> r.raw()),
            ActionDefinition.of("findPullRequest", "Get a pull request by number. Returns null when it does not exist.",
                    FindPullRequestRequest.class, GithubClient::findPullRequest, optional(r -> r.raw())),
            ActionDefinition.of("findOrCreatePullRequest", "Find the open pull request from head into base, or open one with"
                            + " the given title. Returns {created, pull_request}.", FindOrCreatePullRequestRequest.class,
                    GithubClient::findOrCreatePullRequest, r -> findOrCreate(r, "pull_request", p -> p.raw())),
            // Gists
            ActionDefinition.of("createGist", "Create a gist from one or more files (name to content), secret unless public is"
                    + " true. Returns the gist.", CreateGistRequest.class, GithubClient::createGist, r -> r.raw()),
            // Users and organizations
            ActionDefinition.withoutParameters("getAuthenticatedUser", "Get the account the token belongs to.",
                    GithubClient::getAuthenticatedUser, r -> r.raw()),
            ActionDefinition.of("findUser", "Get a user by login. Returns null when there is no such user.",
                    FindUserRequest.class, GithubClient::findUser, optional(r -> r.raw())),
            ActionDefinition.of("setProfileStatus", "Set the authenticated user's profile status: message, emoji, expiry and"
                            + " busy flag; with no message and no emoji the status is cleared. Returns the status, or null"
                            + " when cleared.", SetProfileStatusRequest.class, GithubClient::setProfileStatus,
                    optional(r -> r.raw())),
            ActionDefinition.of("checkOrganizationMembership", "Check whether a user is a member of an organization. Returns"
                            + " {organization, username, member, public_only}; public_only is true when the caller could only"
                            + " check public membership.", CheckOrganizationMembershipRequest.class,
                    GithubClient::checkOrganizationMembership, ActionCatalog::membership),
            ActionDefinition.of("findOrganization", "Get an organization by login. Returns null when there is no such"
                            + " organization.", FindOrganizationRequest.class, GithubClient::findOrganization,
                    optional(r -> r.raw())));

    private ActionCatalog() {
    }

    private static <T> Function<Optional<T>, JsonNode> optional(Function<T, JsonNode> present) {
        return value -> value.map(present).orElse(NullNode.getInstance());
    }

    private static JsonNode deleted() {
        return JsonNodeFactory.instance.objectNode().put("deleted", true);
    }

    private static <T> JsonNode findOrCreate(FindOrCreateResult<T> result, String field, Function<T, JsonNode> raw) {
        ObjectNode json = JsonNodeFactory.instance.objectNode().put("created", result.created());
        json.set(field, raw.apply(result.value()));
        return json;
    }

    private static JsonNode createdPullRequest(CreatedPullRequest result) {
        ObjectNode json = JsonNodeFactory.instance.objectNode();
        json.set("pull_request", result.pullRequest().raw());
        json.set("merge", result.merge() == null ? NullNode.getInstance() : result.merge().raw());
        return json;
    }

    private static JsonNode membership(OrganizationMembership result) {
        return JsonNodeFactory.instance.objectNode()
                .put("organization", result.organization())
                .put("username", result.username())
                .put("member", result.member())
                .put("public_only", result.publicOnly());
    }
}
