package dev.integrations.github.sandbox;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Repository contents:
 * <ul>
 *   <li>{@code GET /repos/{owner}/{repo}/contents/{path}?ref=}: a file ({@code content-file},
 *       base64) or a directory (a {@code content-directory} array); 404 for a missing path, an
 *       unknown ref ("No commit found for the ref ...") or an empty repository ("This repository
 *       is empty."). {@code GET .../contents} lists the root.</li>
 *   <li>{@code PUT /repos/{owner}/{repo}/contents/{path}}: creates (201) or replaces (200) a file
 *       with one new commit on {@code branch} (default {@code main}) and answers
 *       {@code file-commit}. Replacing needs the current blob {@code sha}: without it 422
 *       "\"sha\" wasn't supplied", with a stale one 409 "... does not match ...". {@code message}
 *       and {@code content} (valid base64) are required; {@code author} and {@code committer}
 *       default to the caller. Needs push access.</li>
 * </ul>
 */
final class ContentsHandler {

    static final String GET_DOCS = "https://docs.github.com/rest/repos/contents#get-repository-content";
    static final String PUT_DOCS = "https://docs.github.com/rest/repos/contents#create-or-update-file-contents";

    private final RepositoryAccess access;
    private final GitStore git;
    private final WebhookDeliveries webhooks;

    ContentsHandler(RepositoryAccess access, GitStore git, WebhookDeliveries webhooks) {
        this.access = access;
        this.git = git;
        this.webhooks = webhooks;
    }

    void register(ResourceRouter router) {
        router.add("GET", "/repos/{owner}/{repo}/contents", GET_DOCS, "repo", call -> get(call, ""))
                .add("GET", "/repos/{owner}/{repo}/contents/{path+}", GET_DOCS, "repo", call -> get(call, call.param("path")))
                .add("PUT", "/repos/{owner}/{repo}/contents/{path+}", PUT_DOCS, "repo", this::put);
    }

    private void get(ApiCall call, String path) {
        SandboxRepository repository = access.resolve(call);
        if (git.isEmpty(repository)) {
            throw ApiError.of(404, "This repository is empty.", call.docs());
        }
        String ref = call.query().getOrDefault("ref", GitStore.DEFAULT_BRANCH);
        Optional<GitStore.Commit> commit = git.resolve(repository, ref);
        if (commit.isEmpty()) {
            throw ApiError.of(404, "No commit found for the ref " + ref, call.docs());
        }
        Map<String, GitStore.Blob> files = commit.get().files();
        GitStore.Blob file = files.get(path);
        if (file != null) {
            call.respondGet(GitJson.contentFile(call.baseUrl(), repository, ref, path, file));
            return;
        }
        String prefix = path.isEmpty() ? "" : path + "/";
        TreeSet<String> children = new TreeSet<>();
        for (String existing : files.keySet()) {
            if (existing.startsWith(prefix)) {
                String rest = existing.substring(prefix.length());
                int slash = rest.indexOf('/');
                children.add(slash < 0 ? rest : rest.substring(0, slash) + "/");
            }
        }
        if (children.isEmpty()) {
            throw ApiError.notFound(call.docs());
        }
        List<Object> entries = new ArrayList<>();
        for (String child : children) {
            boolean dir = child.endsWith("/");
            String childPath = prefix + (dir ? child.substring(0, child.length() - 1) : child);
            entries.add(GitJson.directoryEntry(call.baseUrl(), repository, ref, childPath, dir ? null : files.get(childPath)));
        }
        call.respondGet(entries);
    }

    private void put(ApiCall call) {
        SandboxRepository repository = access.resolveForPush(call);
        String path = call.param("path");
        String message = call.requiredText("message", "Commit");
        String encoded = call.text("content", "Commit");
        if (encoded == null) {
            throw ApiError.validation(call.docs(), ApiError.field("Commit", "content", "missing_field"));
        }
        byte[] content;
        try {
            content = Base64.getDecoder().decode(encoded.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            throw ApiError.validation("content is not valid Base64", call.docs(), List.of());
        }
        String sha = call.text("sha", "Commit");
        String branch = Optional.ofNullable(call.text("branch", "Commit")).orElse(GitStore.DEFAULT_BRANCH);
        SandboxUser user = call.user();
        GitStore.Person committer = person(call, "committer", user);
        GitStore.Person author = call.bodyObject().hasNonNull("author") ? person(call, "author", user) : committer;
        try {
            GitStore.FileWrite write = git.putFile(repository, branch, path, content, sha, message, author, committer, user);
            call.respond(write.created() ? 201 : 200, GitJson.fileCommit(call.baseUrl(), repository, branch, path, write));
            webhooks.publishPush(repository, branch, path, write, user);
        } catch (GitStore.GitException e) {
            throw switch (e.failure()) {
                case SHA_REQUIRED, PATH_CONFLICT -> ApiError.validation(e.getMessage(), call.docs(), List.of());
                case SHA_MISMATCH -> ApiError.withUrl(409, e.getMessage(), call.docs(),
                        GitJson.api(call.baseUrl(), repository) + "/contents/" + ResourceRouter.encodePath(path));
                case BRANCH_NOT_FOUND -> ApiError.of(404, e.getMessage(), call.docs());
                default -> ApiError.of(422, e.getMessage(), call.docs());
            };
        }
    }

    private static GitStore.Person person(ApiCall call, String field, SandboxUser user) {
        JsonNode node = call.bodyObject().get(field);
        if (node == null || node.isNull()) {
            return new GitStore.Person(user.name() != null ? user.name() : user.login(),
                    user.email() != null ? user.email() : user.id() + "+" + user.login() + "@users.noreply.github.com",
                    call.now());
        }
        String name = node.path("name").asText(null);
        String email = node.path("email").asText(null);
        if (name == null || name.isBlank()) {
            throw ApiError.validation(call.docs(), ApiError.field("Commit", field + ".name", "missing_field"));
        }
        if (email == null || email.isBlank()) {
            throw ApiError.validation(call.docs(), ApiError.field("Commit", field + ".email", "missing_field"));
        }
        return new GitStore.Person(name, email, call.now());
    }
}
