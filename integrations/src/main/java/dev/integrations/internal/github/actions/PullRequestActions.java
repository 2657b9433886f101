package dev.integrations.internal.github.actions;

import dev.integrations.internal.github.GithubCore;
import dev.integrations.github.actions.CreatePullRequestRequest;
import dev.integrations.github.actions.FindOrCreatePullRequestRequest;
import dev.integrations.github.actions.FindPullRequestRequest;
import dev.integrations.github.actions.PullRequestMergeException;
import dev.integrations.github.actions.SubmitReviewRequest;
import dev.integrations.github.actions.UpdatePullRequestRequest;
import com.fasterxml.jackson.databind.JsonNode;
import dev.integrations.core.IntegrationsException;
import dev.integrations.github.GithubRequest;
import dev.integrations.github.model.CreatedPullRequest;
import dev.integrations.github.model.FindOrCreateResult;
import dev.integrations.github.model.MergeResult;
import dev.integrations.github.model.PullRequest;
import dev.integrations.github.model.PullRequestReview;

import java.util.Map;
import java.util.Optional;

import static dev.integrations.internal.github.actions.UrlPath.repository;
import org.jspecify.annotations.Nullable;

/**
 * The pull request actions behind {@link GithubClient#createPullRequest}, {@link GithubClient#updatePullRequest},
 * {@link GithubClient#submitReview}, {@link GithubClient#findPullRequest} and
 * {@link GithubClient#findOrCreatePullRequest}. Call them through the provider.
 */
public final class PullRequestActions {
    private PullRequestActions() {
    }

    /**
     * {@code POST /repos/{owner}/{repo}/pulls}, then with {@code merge}
     * {@code PUT /repos/{owner}/{repo}/pulls/{pull_number}/merge}. The merge names the head commit
     * the pull request was created with, so a push in between makes GitHub refuse (409) rather
     * than merge unseen changes.
     *
     * @throws PullRequestMergeException when the pull request was created but the merge failed;
     *     it carries the created pull request, which stays open
     */
    public static CreatedPullRequest createPullRequest(GithubCore github, CreatePullRequestRequest request) {
        PullRequest created = open(github, "createPullRequest", request.owner(), request.repo(), request.title(),
                request.head(), request.base(), request.body(), request.draft(), request.maintainerCanModify());
        if (!request.merge()) {
            return new CreatedPullRequest(created, null);
        }
        Calls.Fields body = Calls.fields()
                .put("merge_method", request.mergeMethod())
                .put("commit_title", request.commitTitle())
                .put("commit_message", request.commitMessage())
                .put("sha", created.headSha());
        MergeResult merge;
        try {
            merge = Calls.call(github, "createPullRequest",
                    Calls.withBody("PUT", pull(request.owner(), request.repo(), created.number()) + "/merge", body.body()),
                    MergeResult::fromJson);
        } catch (IntegrationsException e) {
            // The pull request exists whatever the merge did: the caller must not lose it, nor open it twice.
            throw new PullRequestMergeException("createPullRequest: pull request #" + created.number()
                    + (created.htmlUrl() == null ? "" : " (" + created.htmlUrl() + ")") + " was created, but merging it"
                    + " failed: " + e.getMessage() + ". The pull request stays open: do not create it again; merge it"
                    + " once the cause is fixed, or close it", created, e);
        }
        return new CreatedPullRequest(created, merge);
    }

    /** {@code PATCH /repos/{owner}/{repo}/pulls/{pull_number}}. */
    public static PullRequest updatePullRequest(GithubCore github, UpdatePullRequestRequest request) {
        Calls.Fields body = Calls.fields()
                .put("title", request.title())
                .put("body", request.body())
                .put("state", request.state())
                .put("base", request.base())
                .put("maintainer_can_modify", request.maintainerCanModify());
        return Calls.call(github, "updatePullRequest",
                Calls.withBody("PATCH", pull(request.owner(), request.repo(), request.pullNumber()), body.body()),
                PullRequest::fromJson);
    }

    /** {@code POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews} with an {@code event}, so the review is submitted, not left pending. */
    public static PullRequestReview submitReview(GithubCore github, SubmitReviewRequest request) {
        Calls.Fields body = Calls.fields()
                .put("event", request.event())
                .put("body", request.body())
                .put("commit_id", request.commitId());
        return Calls.call(github, "submitReview",
                Calls.withBody("POST", pull(request.owner(), request.repo(), request.pullNumber()) + "/reviews", body.body()),
                PullRequestReview::fromJson);
    }

    /** {@code GET /repos/{owner}/{repo}/pulls/{pull_number}}; empty on 404. */
    public static Optional<PullRequest> findPullRequest(GithubCore github, FindPullRequestRequest request) {
        return Calls.findOrEmpty(() -> Calls.call(github, "findPullRequest",
                Calls.get(pull(request.owner(), request.repo(), request.pullNumber())), PullRequest::fromJson));
    }

    /**
     * {@code GET /repos/{owner}/{repo}/pulls?head=OWNER:BRANCH&base=BASE&state=open}; when that lists
     * nothing, opens the pull request. GitHub filters {@code head} only in the {@code owner:branch}
     * form, so a bare branch name is qualified with the repository owner.
     */
    public static FindOrCreateResult<PullRequest> findOrCreatePullRequest(GithubCore github,
                                                                         FindOrCreatePullRequestRequest request) {
        String head = request.head().contains(":") ? request.head() : request.owner() + ":" + request.head();
        GithubRequest list = Calls.get(repository(request.owner(), request.repo()) + "/pulls",
                Map.of("head", head, "base", request.base(), "state", "open"));
        JsonNode pulls = Calls.send(github, "findOrCreatePullRequest", list).body();
        if (pulls.isArray() && !pulls.isEmpty()) {
            return FindOrCreateResult.ofExisting(Calls.parse("findOrCreatePullRequest", list, pulls.get(0), PullRequest::fromJson));
        }
        return FindOrCreateResult.ofCreated(open(github, "findOrCreatePullRequest", request.owner(), request.repo(),
                request.title(), request.head(), request.base(), request.body(), request.draft(), request.maintainerCanModify()));
    }

    private static PullRequest open(GithubCore github, String action, String owner, String repo, String title, String head,
                                    String base, @Nullable String text, @Nullable Boolean draft,
                                    @Nullable Boolean maintainerCanModify) {
        Calls.Fields body = Calls.fields()
                .put("title", title)
                .put("head", head)
                .put("base", base)
                .put("body", text)
                .put("draft", draft)
                .put("maintainer_can_modify", maintainerCanModify);
        return Calls.call(github, action, Calls.withBody("POST", repository(owner, repo) + "/pulls", body.body()),
                PullRequest::fromJson);
    }

    private static String pull(String owner, String repo, long number) {
        return repository(owner, repo) + "/pulls/" + number;
    }
}
