package dev.integrations.github.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Branches, as Git references and as branches:
 * <ul>
 *   <li>{@code GET /repos/{owner}/{repo}/git/ref/{ref}}: {@code git-ref}; the reference may be sent
 *       as one segment ({@code heads%2Fmain}) or as a path ({@code heads/main}); an empty
 *       repository answers 409 "Git Repository is empty.";</li>
 *   <li>{@code POST /repos/{owner}/{repo}/git/refs} {@code {"ref":"refs/heads/NAME","sha"}}: 201;
 *       422 "Reference already exists", "Object does not exist" or an invalid name;</li>
 *   <li>{@code DELETE /repos/{owner}/{repo}/git/refs/{ref}}: 204; 422 without a body (as GitHub's
 *       description has it) for a reference that does not exist or the default branch;</li>
 *   <li>{@code GET /repos/{owner}/{repo}/branches}: {@code short-branch} items, paginated;</li>
 *   <li>{@code GET /repos/{owner}/{repo}/branches/{branch}}: {@code branch-with-protection}, or
 *       404 "Branch not found".</li>
 * </ul>
 * Only branches ({@code refs/heads/...}) exist in the sandbox. Writes need push access.
 */
final class BranchesHandler {

    static final String GET_REF_DOCS = "https://docs.github.com/rest/git/refs#get-a-reference";
    static final String CREATE_REF_DOCS = "https://docs.github.com/rest/git/refs#create-a-reference";
    static final String DELETE_REF_DOCS = "https://docs.github.com/rest/git/refs#delete-a-reference";
    static final String LIST_DOCS = "https://docs.github.com/rest/branches/branches#list-branches";
    static final String GET_DOCS = "https://docs.github.com/rest/branches/branches#get-a-branch";

    private final RepositoryAccess access;
    private final GitStore git;

    BranchesHandler(RepositoryAccess access, GitStore git) {
        this.access = access;
        this.git = git;
    }

    void register(ResourceRouter router) {
        router.add("GET", "/repos/{owner}/{repo}/git/ref/{ref+}", GET_REF_DOCS, "repo", this::getRef)
                .add("POST", "/repos/{owner}/{repo}/git/refs", CREATE_REF_DOCS, "repo", this::createRef)
                .add("DELETE", "/repos/{owner}/{repo}/git/refs/{ref+}", DELETE_REF_DOCS, "repo", this::deleteRef)
                .add("GET", "/repos/{owner}/{repo}/branches", LIST_DOCS, "repo", this::list)
                .add("GET", "/repos/{owner}/{repo}/branches/{branch+}", GET_DOCS, "repo", this::get);
    }

    private void getRef(ApiCall call) {
        SandboxRepository repository = access.resolve(call);
        if (git.isEmpty(repository)) {
            throw ApiError.of(409, "Git Repository is empty.", call.docs());
        }
        String branch = branchOf(call.param("ref"));
        Optional<GitStore.Commit> head = branch == null ? Optional.empty() : git.head(repository, branch);
        if (branch == null || head.isEmpty()) {
            throw ApiError.notFound(call.docs());
        }
        call.respondGet(GitJson.branchRef(call.baseUrl(), repository, branch, head.get().sha()));
    }

    private void createRef(ApiCall call) {
        SandboxRepository repository = access.resolveForPush(call);
        String ref = call.requiredText("ref", "Reference");
        String sha = call.requiredText("sha", "Reference");
        if (!ref.startsWith("refs/") || ref.chars().filter(c -> c == '/').count() < 2) {
            throw ApiError.validation("Reference name is invalid", call.docs(), List.of());
        }
        if (!ref.startsWith("refs/heads/") || !validBranchName(ref.substring("refs/heads/".length()))) {
            throw ApiError.validation(ref + " is not a valid ref name.", call.docs(), List.of());
        }
        if (git.isEmpty(repository)) {
            throw ApiError.of(409, "Git Repository is empty.", call.docs());
        }
        String branch = ref.substring("refs/heads/".length());
        try {
            GitStore.Commit commit = git.createBranch(repository, branch, sha);
            call.respond(201, GitJson.branchRef(call.baseUrl(), repository, branch, commit.sha()));
        } catch (GitStore.GitException e) {
            throw ApiError.validation(e.getMessage(), call.docs(), List.of());
        }
    }

    private void deleteRef(ApiCall call) {
        SandboxRepository repository = access.resolveForPush(call);
        String branch = branchOf(call.param("ref"));
        // GitHub's description gives this 422 no body (GitHub itself says "Reference does not exist").
        if (branch != null && branch.equals(GitStore.DEFAULT_BRANCH) && git.head(repository, branch).isPresent()) {
            throw ApiError.empty(422);
        }
        if (branch == null || !git.deleteBranch(repository, branch)) {
            throw ApiError.empty(422);
        }
        call.respondEmpty(204);
    }

    private void list(ApiCall call) {
        SandboxRepository repository = access.resolve(call);
        List<Map.Entry<String, String>> branches = new ArrayList<>(git.branches(repository).entrySet());
        if ("true".equals(call.query().get("protected"))) {
            branches.clear();
        }
        call.respondPage(branches, b -> GitJson.shortBranch(call.baseUrl(), repository, b.getKey(), b.getValue()));
    }

    private void get(ApiCall call) {
        SandboxRepository repository = access.resolve(call);
        String branch = call.param("branch");
        Optional<GitStore.Commit> head = git.head(repository, branch);
        if (head.isEmpty()) {
            throw ApiError.of(404, "Branch not found", call.docs());
        }
        call.respondGet(GitJson.branch(call.baseUrl(), repository, branch, head.get(), access));
    }

    /** {@code heads/NAME} (or {@code refs/heads/NAME}) to {@code NAME}; other references are unknown here. */
    private static @Nullable String branchOf(String ref) {
        if (ref.startsWith("refs/")) {
            ref = ref.substring("refs/".length());
        }
        return ref.startsWith("heads/") && ref.length() > "heads/".length() ? ref.substring("heads/".length()) : null;
    }

    /** Git's rules for reference names ({@code git check-ref-format}), as far as branch names need them. */
    static boolean validBranchName(String name) {
        if (name.isEmpty() || name.startsWith("-") || name.startsWith("/") || name.endsWith("/") || name.endsWith(".")
                || name.endsWith(".lock") || name.contains("..") || name.contains("//") || name.contains("@{")
                || name.equals("@")) {
            return false;
        }
        for (char c : name.toCharArray()) {
            if (c < 0x20 || c == 0x7f || " ~^:?*[\\".indexOf(c) >= 0) {
                return false;
            }
        }
        for (String part : name.split("/")) {
            if (part.startsWith(".")) {
                return false;
            }
        }
        return true;
    }
}
