package dev.integrations.internal.github.actions;

import dev.integrations.internal.github.GithubCore;
import dev.integrations.github.actions.CreateBranchRequest;
import dev.integrations.github.actions.DeleteBranchRequest;
import dev.integrations.github.actions.FindBranchRequest;
import dev.integrations.github.actions.UnexpectedResponseException;
import dev.integrations.github.model.Branch;
import dev.integrations.github.model.GitReference;
import dev.integrations.github.model.Repository;

import java.util.Optional;

import static dev.integrations.internal.github.actions.UrlPath.repository;
import static dev.integrations.internal.github.actions.UrlPath.segment;

/**
 * The branch actions behind {@link GithubClient#createBranch}, {@link GithubClient#deleteBranch}
 * and {@link GithubClient#findBranch}. Call them through the provider.
 *
 * <p>Branches are Git references {@code refs/heads/NAME}. In the URL the reference is one
 * parameter, {@code heads/NAME}, encoded as one segment ({@code heads%2Ffeature%2Flogin}), as
 * GitHub's description of {@code {ref}} and Octokit have it; in request bodies it is written out.
 */
public final class BranchActions {
    private BranchActions() {
    }

    /**
     * Resolves the commit to start from ({@code sha}; else the head of {@code fromBranch}, else of the
     * default branch, found with {@code GET /repos/{owner}/{repo}}), then {@code POST /repos/{owner}/{repo}/git/refs}.
     */
    public static GitReference createBranch(GithubCore github, CreateBranchRequest request) {
        String base = repository(request.owner(), request.repo());
        String sha = request.sha();
        if (sha == null) {
            String from = request.fromBranch();
            if (from == null) {
                from = Calls.call(github, "createBranch", Calls.get(base), Repository::fromJson).defaultBranch();
                if (from == null) {
                    throw new UnexpectedResponseException("createBranch: GitHub did not name a default branch for "
                            + request.owner() + "/" + request.repo() + " (an empty repository?); pass 'sha' or 'fromBranch'");
                }
            }
            GitReference head = Calls.call(github, "createBranch", Calls.get(base + "/git/ref/" + segment("heads/" + from)),
                    GitReference::fromJson);
            sha = head.objectSha();
        }
        Calls.Fields body = Calls.fields().put("ref", "refs/heads/" + request.branch()).put("sha", sha);
        return Calls.call(github, "createBranch", Calls.withBody("POST", base + "/git/refs", body.body()), GitReference::fromJson);
    }

    /** {@code DELETE /repos/{owner}/{repo}/git/refs/heads/{branch}}. */
    public static void deleteBranch(GithubCore github, DeleteBranchRequest request) {
        Calls.send(github, "deleteBranch", Calls.withoutBody("DELETE",
                repository(request.owner(), request.repo()) + "/git/refs/" + segment("heads/" + request.branch())));
    }

    /** {@code GET /repos/{owner}/{repo}/branches/{branch}}; empty on 404. */
    public static Optional<Branch> findBranch(GithubCore github, FindBranchRequest request) {
        return Calls.findOrEmpty(() -> Calls.call(github, "findBranch",
                Calls.get(repository(request.owner(), request.repo()) + "/branches/" + segment(request.branch())),
                Branch::fromJson));
    }
}
