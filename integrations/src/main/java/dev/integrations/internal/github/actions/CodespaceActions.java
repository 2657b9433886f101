package dev.integrations.internal.github.actions;

import dev.integrations.internal.github.GithubCore;
import dev.integrations.github.actions.CreateCodespaceRequest;
import dev.integrations.github.actions.CodespaceRequest;
import dev.integrations.github.actions.ListCodespacesRequest;
import dev.integrations.github.actions.ListRepositoryCodespacesRequest;
import dev.integrations.github.model.Codespace;
import dev.integrations.github.ListResult;

import static dev.integrations.internal.github.actions.UrlPath.repository;
import static dev.integrations.internal.github.actions.UrlPath.segment;

/**
 * The codespace actions behind {@link GithubClient#listCodespaces}, {@link GithubClient#listRepositoryCodespaces},
 * {@link GithubClient#createCodespace}, {@link GithubClient#getCodespace}, {@link GithubClient#deleteCodespace},
 * {@link GithubClient#startCodespace} and {@link GithubClient#stopCodespace}. Call them through the provider.
 * They need the {@code codespace} scope.
 */
public final class CodespaceActions {
    private CodespaceActions() {
    }

    /** {@code GET /user/codespaces}: one page (100 unless the request says otherwise), the rest through {@link ListResult#pages()}. */
    public static ListResult<Codespace> listCodespaces(GithubCore github, ListCodespacesRequest request) {
        Calls.Fields query = Calls.fields()
                .put("repository_id", request.repositoryId())
                .put("per_page", request.perPage())
                .put("page", request.page());
        return Calls.list(github, "listCodespaces", Calls.get("/user/codespaces", query.query()), "codespaces",
                Codespace::fromJson);
    }

    /** {@code GET /repos/{owner}/{repo}/codespaces}: one page, the rest through {@link ListResult#pages()}. */
    public static ListResult<Codespace> listRepositoryCodespaces(GithubCore github, ListRepositoryCodespacesRequest request) {
        Calls.Fields query = Calls.fields().put("per_page", request.perPage()).put("page", request.page());
        return Calls.list(github, "listRepositoryCodespaces",
                Calls.get(repository(request.owner(), request.repo()) + "/codespaces", query.query()), "codespaces",
                Codespace::fromJson);
    }

    /**
     * {@code POST /repos/{owner}/{repo}/codespaces}. GitHub answers 201, or 202 while it is still
     * provisioning; both carry the codespace (watch its {@code state}).
     */
    public static Codespace createCodespace(GithubCore github, CreateCodespaceRequest request) {
        Calls.Fields body = Calls.fields()
                .put("ref", request.ref())
                .put("machine", request.machine())
                .put("geo", request.geo())
                .put("devcontainer_path", request.devcontainerPath())
                .put("display_name", request.displayName())
                .put("working_directory", request.workingDirectory())
                .put("idle_timeout_minutes", request.idleTimeoutMinutes())
                .put("retention_period_minutes", request.retentionPeriodMinutes());
        return Calls.call(github, "createCodespace",
                Calls.withBody("POST", repository(request.owner(), request.repo()) + "/codespaces", body.body()),
                Codespace::fromJson);
    }

    /** {@code GET /user/codespaces/{codespace_name}}. */
    public static Codespace getCodespace(GithubCore github, CodespaceRequest request) {
        return Calls.call(github, "getCodespace", Calls.get(path(request.codespaceName())), Codespace::fromJson);
    }

    /** {@code DELETE /user/codespaces/{codespace_name}}: GitHub accepts (202) and deletes in the background. */
    public static void deleteCodespace(GithubCore github, CodespaceRequest request) {
        Calls.send(github, "deleteCodespace", Calls.withoutBody("DELETE", path(request.codespaceName())));
    }

    /** {@code POST /user/codespaces/{codespace_name}/start}. */
    public static Codespace startCodespace(GithubCore github, CodespaceRequest request) {
        return Calls.call(github, "startCodespace", Calls.withoutBody("POST", path(request.codespaceName()) + "/start"),
                Codespace::fromJson);
    }

    /** {@code POST /user/codespaces/{codespace_name}/stop}. */
    public static Codespace stopCodespace(GithubCore github, CodespaceRequest request) {
        return Calls.call(github, "stopCodespace", Calls.withoutBody("POST", path(request.codespaceName()) + "/stop"),
                Codespace::fromJson);
    }

    private static String path(String codespaceName) {
        return "/user/codespaces/" + segment(codespaceName);
    }
}
