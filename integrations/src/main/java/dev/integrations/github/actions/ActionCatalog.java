package dev.integrations.github.actions;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.integrations.github.GithubProvider;
import dev.integrations.github.model.CreatedPullRequest;
import dev.integrations.github.model.FindOrCreateResult;
import dev.integrations.github.model.OrganizationMembership;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The 32 GitHub actions as data: each declared action ({@link ActionDeclarations}, generated from
 * the declaration file with its name, description and request type) joined with what stays
 * hand-written, the typed call and how its result becomes JSON. Results are GitHub's own JSON
 * (the {@code raw()} of the typed result), so nothing GitHub said is lost on the way.
 */
final class ActionCatalog {
    static final List<ActionDefinition<?, ?>> ALL = List.of(
            // Repositories
            ActionDefinition.of(ActionDeclarations.LIST_REPOSITORIES, RepositoryActions::listRepositories, r -> r.raw()),
            ActionDefinition.of(ActionDeclarations.FIND_REPOSITORY,
                    RepositoryActions::findRepository, optional(r -> r.raw())),
            ActionDefinition.of(ActionDeclarations.CREATE_REPOSITORY, RepositoryActions::createRepository, r -> r.raw()),
            ActionDefinition.of(ActionDeclarations.CREATE_REPOSITORY_FROM_TEMPLATE,
                    RepositoryActions::createRepositoryFromTemplate, r -> r.raw()),
            // Branches and files
            ActionDefinition.of(ActionDeclarations.CREATE_BRANCH, BranchActions::createBranch, r -> r.raw()),
            ActionDefinition.of(ActionDeclarations.DELETE_BRANCH,
                    (github, request) -> {
                        BranchActions.deleteBranch(github, request);
                        return Boolean.TRUE;
                    }, ignored -> deleted()),
            ActionDefinition.of(ActionDeclarations.FIND_BRANCH, BranchActions::findBranch, optional(r -> r.raw())),
            ActionDefinition.of(ActionDeclarations.CREATE_OR_UPDATE_FILE, FileActions::createOrUpdateFile, r -> r.raw()),
            // Codespaces
            ActionDefinition.of(ActionDeclarations.LIST_CODESPACES, CodespaceActions::listCodespaces, r -> r.raw()),
            ActionDefinition.of(ActionDeclarations.LIST_REPOSITORY_CODESPACES,
                    CodespaceActions::listRepositoryCodespaces, r -> r.raw()),
            ActionDefinition.of(ActionDeclarations.CREATE_CODESPACE, CodespaceActions::createCodespace, r -> r.raw()),
            ActionDefinition.of(ActionDeclarations.GET_CODESPACE, CodespaceActions::getCodespace, r -> r.raw()),
            ActionDefinition.of(ActionDeclarations.DELETE_CODESPACE,
                    (github, request) -> {
                        CodespaceActions.deleteCodespace(github, request);
                        return Boolean.TRUE;
                    }, ignored -> deleted()),
            ActionDefinition.of(ActionDeclarations.START_CODESPACE, CodespaceActions::startCodespace, r -> r.raw()),
            ActionDefinition.of(ActionDeclarations.STOP_CODESPACE, CodespaceActions::stopCodespace, r -> r.raw()),
            // Issues
            ActionDefinition.of(ActionDeclarations.CREATE_ISSUE, IssueActions::createIssue, r -> r.raw()),
            ActionDefinition.of(ActionDeclarations.UPDATE_ISSUE, IssueActions::updateIssue, r -> r.raw()),
            ActionDefinition.of(ActionDeclarations.ADD_LABELS_TO_ISSUE, IssueActions::addLabelsToIssue, r -> r.raw()),
            ActionDefinition.of(ActionDeclarations.CREATE_COMMENT, IssueActions::createComment, r -> r.raw()),
            ActionDefinition.of(ActionDeclarations.FIND_ISSUE, IssueActions::findIssue, optional(r -> r.raw())),
            ActionDefinition.of(ActionDeclarations.FIND_OR_CREATE_ISSUE,
                    IssueActions::findOrCreateIssue, r -> findOrCreate(r, "issue", i -> i.raw())),
            // Pull requests
            ActionDefinition.of(ActionDeclarations.CREATE_PULL_REQUEST,
                    PullRequestActions::createPullRequest, ActionCatalog::createdPullRequest),
            ActionDefinition.of(ActionDeclarations.UPDATE_PULL_REQUEST,
                    PullRequestActions::updatePullRequest, r -> r.raw()),
            ActionDefinition.of(ActionDeclarations.SUBMIT_REVIEW, PullRequestActions::submitReview, r -> r.raw()),
            ActionDefinition.of(ActionDeclarations.FIND_PULL_REQUEST, PullRequestActions::findPullRequest,
                    optional(r -> r.raw())),
            ActionDefinition.of(ActionDeclarations.FIND_OR_CREATE_PULL_REQUEST,
                    PullRequestActions::findOrCreatePullRequest, r -> findOrCreate(r, "pull_request", p -> p.raw())),
            // Gists
            ActionDefinition.of(ActionDeclarations.CREATE_GIST, GistActions::createGist, r -> r.raw()),
            // Users and organizations
            ActionDefinition.withoutParameters(ActionDeclarations.GET_AUTHENTICATED_USER,
                    GithubProvider::getAuthenticatedUser, r -> r.raw()),
            ActionDefinition.of(ActionDeclarations.FIND_USER, UserActions::findUser, optional(r -> r.raw())),
            ActionDefinition.of(ActionDeclarations.SET_PROFILE_STATUS, UserActions::setProfileStatus,
                    optional(r -> r.raw())),
            ActionDefinition.of(ActionDeclarations.CHECK_ORGANIZATION_MEMBERSHIP,
                    OrganizationActions::checkOrganizationMembership, ActionCatalog::membership),
            ActionDefinition.of(ActionDeclarations.FIND_ORGANIZATION, OrganizationActions::findOrganization,
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
