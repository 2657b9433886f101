package dev.integrations.github.catalog;

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
 * The 32 GitHub actions as data: each declared action ({@link ActionDeclarations}, generated from
 * the declaration file with its name, description and request type) joined with what stays
 * hand-written, the typed call and how its result becomes JSON. Results are GitHub's own JSON
 * (the {@code raw()} of the typed result), so nothing GitHub said is lost on the way.
 */
final class ActionCatalog {
    static final List<ActionDefinition<?, ?>> ALL = List.of(
            // Repositories
            ActionDefinition.of(ActionDeclarations.LIST_REPOSITORIES, GithubClient::listRepositories, r -> r.raw()),
            ActionDefinition.of(ActionDeclarations.FIND_REPOSITORY,
                    GithubClient::findRepository, optional(r -> r.raw())),
            ActionDefinition.of(ActionDeclarations.CREATE_REPOSITORY, GithubClient::createRepository, r -> r.raw()),
            ActionDefinition.of(ActionDeclarations.CREATE_REPOSITORY_FROM_TEMPLATE,
                    GithubClient::createRepositoryFromTemplate, r -> r.raw()),
            // Branches and files
            ActionDefinition.of(ActionDeclarations.CREATE_BRANCH, GithubClient::createBranch, r -> r.raw()),
            ActionDefinition.of(ActionDeclarations.DELETE_BRANCH,
                    (github, request) -> {
                        github.deleteBranch(request);
                        return Boolean.TRUE;
                    }, ignored -> deleted()),
            ActionDefinition.of(ActionDeclarations.FIND_BRANCH, GithubClient::findBranch, optional(r -> r.raw())),
            ActionDefinition.of(ActionDeclarations.CREATE_OR_UPDATE_FILE, GithubClient::createOrUpdateFile, r -> r.raw()),
            // Codespaces
            ActionDefinition.of(ActionDeclarations.LIST_CODESPACES, GithubClient::listCodespaces, r -> r.raw()),
            ActionDefinition.of(ActionDeclarations.LIST_REPOSITORY_CODESPACES,
                    GithubClient::listRepositoryCodespaces, r -> r.raw()),
            ActionDefinition.of(ActionDeclarations.CREATE_CODESPACE, GithubClient::createCodespace, r -> r.raw()),
            ActionDefinition.of(ActionDeclarations.GET_CODESPACE, GithubClient::getCodespace, r -> r.raw()),
            ActionDefinition.of(ActionDeclarations.DELETE_CODESPACE,
                    (github, request) -> {
                        github.deleteCodespace(request);
                        return Boolean.TRUE;
                    }, ignored -> deleted()),
            ActionDefinition.of(ActionDeclarations.START_CODESPACE, GithubClient::startCodespace, r -> r.raw()),
            ActionDefinition.of(ActionDeclarations.STOP_CODESPACE, GithubClient::stopCodespace, r -> r.raw()),
            // Issues
            ActionDefinition.of(ActionDeclarations.CREATE_ISSUE, GithubClient::createIssue, r -> r.raw()),
            ActionDefinition.of(ActionDeclarations.UPDATE_ISSUE, GithubClient::updateIssue, r -> r.raw()),
            ActionDefinition.of(ActionDeclarations.ADD_LABELS_TO_ISSUE, GithubClient::addLabelsToIssue, r -> r.raw()),
            ActionDefinition.of(ActionDeclarations.CREATE_COMMENT, GithubClient::createComment, r -> r.raw()),
            ActionDefinition.of(ActionDeclarations.FIND_ISSUE, GithubClient::findIssue, optional(r -> r.raw())),
            ActionDefinition.of(ActionDeclarations.FIND_OR_CREATE_ISSUE,
                    GithubClient::findOrCreateIssue, r -> findOrCreate(r, "issue", i -> i.raw())),
            // Pull requests
            ActionDefinition.of(ActionDeclarations.CREATE_PULL_REQUEST,
                    GithubClient::createPullRequest, ActionCatalog::createdPullRequest),
            ActionDefinition.of(ActionDeclarations.UPDATE_PULL_REQUEST,
                    GithubClient::updatePullRequest, r -> r.raw()),
            ActionDefinition.of(ActionDeclarations.SUBMIT_REVIEW, GithubClient::submitReview, r -> r.raw()),
            ActionDefinition.of(ActionDeclarations.FIND_PULL_REQUEST, GithubClient::findPullRequest,
                    optional(r -> r.raw())),
            ActionDefinition.of(ActionDeclarations.FIND_OR_CREATE_PULL_REQUEST,
                    GithubClient::findOrCreatePullRequest, r -> findOrCreate(r, "pull_request", p -> p.raw())),
            // Gists
            ActionDefinition.of(ActionDeclarations.CREATE_GIST, GithubClient::createGist, r -> r.raw()),
            // Users and organizations
            ActionDefinition.withoutParameters(ActionDeclarations.GET_AUTHENTICATED_USER,
                    GithubClient::getAuthenticatedUser, r -> r.raw()),
            ActionDefinition.of(ActionDeclarations.FIND_USER, GithubClient::findUser, optional(r -> r.raw())),
            ActionDefinition.of(ActionDeclarations.SET_PROFILE_STATUS, GithubClient::setProfileStatus,
                    optional(r -> r.raw())),
            ActionDefinition.of(ActionDeclarations.CHECK_ORGANIZATION_MEMBERSHIP,
                    GithubClient::checkOrganizationMembership, ActionCatalog::membership),
            ActionDefinition.of(ActionDeclarations.FIND_ORGANIZATION, GithubClient::findOrganization,
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
