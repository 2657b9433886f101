package dev.integrations.github.sandbox;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pull requests in the shapes of GitHub's OpenAPI description: {@code pull-request} (one pull
 * request, with merge state and diff statistics), {@code pull-request-simple} (list items),
 * {@code pull-request-review} and {@code pull-request-merge-result}.
 */
final class PullJson {

    private final String baseUrl;
    private final RepositoryAccess access;
    private final IssueJson issueJson;

    PullJson(String baseUrl, RepositoryAccess access, IssueJson issueJson) {
        this.baseUrl = baseUrl;
        this.access = access;
        this.issueJson = issueJson;
    }

    /** {@code pull-request-simple}. */
    Map<String, Object> simple(SandboxRepository repository, PullStore.View view, ApiGate.Caller caller) {
        IssueStore.Issue issue = view.issue();
        PullStore.Pull pull = view.pull();
        String api = GitJson.api(baseUrl, repository);
        String html = GitJson.html(baseUrl, repository);
        String self = api + "/pulls/" + pull.number();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("url", self);
        json.put("id", pull.id());
        json.put("node_id", IssueJson.nodeId("011:PullRequest", pull.id()));
        json.put("html_url", html + "/pull/" + pull.number());
        json.put("diff_url", html + "/pull/" + pull.number() + ".diff");
        json.put("patch_url", html + "/pull/" + pull.number() + ".patch");
        json.put("issue_url", api + "/issues/" + pull.number());
        json.put("commits_url", self + "/commits");
        json.put("review_comments_url", self + "/comments");
        json.put("review_comment_url", api + "/pulls/comments{/number}");
        json.put("comments_url", api + "/issues/" + pull.number() + "/comments");
        json.put("statuses_url", api + "/statuses/" + view.headSha());
        json.put("number", pull.number());
        json.put("state", issue.state());
        json.put("locked", issue.locked());
        json.put("title", issue.title());
        json.put("user", access.account(issue.user()));
        json.put("body", issue.body());
        json.put("labels", issueJson.labels(repository, issue.labels()));
        json.put("milestone", null);
        json.put("active_lock_reason", null);
        json.put("created_at", GitJson.time(issue.createdAt()));
        json.put("updated_at", GitJson.time(issue.updatedAt()));
        json.put("closed_at", issue.closedAt() == null ? null : GitJson.time(issue.closedAt()));
        Instant mergedAt = pull.mergedAt();
        json.put("merged_at", pull.merged() && mergedAt != null ? GitJson.time(mergedAt) : null);
        json.put("merge_commit_sha", pull.mergeCommitSha());
        json.put("assignee", issue.assignees().isEmpty() ? null : access.account(issue.assignees().get(0)));
        json.put("assignees", issueJson.users(issue.assignees()));
        json.put("requested_reviewers", List.of());
        json.put("requested_teams", List.of());
        json.put("head", side(repository, pull.headRef(), view.headSha(), caller));
        json.put("base", side(repository, pull.baseRef(), view.baseSha(), caller));
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("self", href(self));
        links.put("html", href(html + "/pull/" + pull.number()));
        links.put("issue", href(api + "/issues/" + pull.number()));
        links.put("comments", href(api + "/issues/" + pull.number() + "/comments"));
        links.put("review_comments", href(self + "/comments"));
        links.put("review_comment", href(api + "/pulls/comments{/number}"));
        links.put("commits", href(self + "/commits"));
        links.put("statuses", href(api + "/statuses/" + view.headSha()));
        json.put("_links", links);
        json.put("author_association", access.association(issue.user(), repository));
        json.put("auto_merge", null);
        json.put("draft", pull.draft());
        return json;
    }

    /** {@code pull-request}: the simple shape plus merge state, counts and diff statistics. */
    Map<String, Object> full(SandboxRepository repository, PullStore.View view, ApiGate.Caller caller) {
        Map<String, Object> json = simple(repository, view, caller);
        PullStore.Pull pull = view.pull();
        GitStore.Comparison comparison = view.comparison();
        boolean open = view.issue().isOpen() && !pull.merged();
        json.put("merged", pull.merged());
        if (open && comparison != null) {
            json.put("mergeable", !comparison.conflict());
            json.put("rebaseable", !comparison.conflict());
            json.put("mergeable_state", comparison.conflict() ? "dirty" : pull.draft() ? "draft" : "clean");
        } else {
            json.put("mergeable", null);
            json.put("rebaseable", null);
            json.put("mergeable_state", "unknown");
        }
        json.put("merged_by", pull.mergedBy() == null ? null : access.account(pull.mergedBy()));
        json.put("comments", view.issue().comments());
        json.put("review_comments", 0);
        json.put("maintainer_can_modify", pull.maintainerCanModify());
        json.put("commits", comparison == null ? 0 : comparison.aheadBy());
        json.put("additions", comparison == null ? 0 : comparison.additions());
        json.put("deletions", comparison == null ? 0 : comparison.deletions());
        json.put("changed_files", comparison == null ? 0 : comparison.changedFiles().size());
        return json;
    }

    Map<String, Object> review(SandboxRepository repository, PullStore.Review review) {
        String api = GitJson.api(baseUrl, repository);
        String html = GitJson.html(baseUrl, repository) + "/pull/" + review.number() + "#pullrequestreview-" + review.id();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", review.id());
        json.put("node_id", IssueJson.nodeId("017:PullRequestReview", review.id()));
        json.put("user", access.account(review.user()));
        json.put("body", review.body());
        json.put("state", review.state());
        json.put("html_url", html);
        json.put("pull_request_url", api + "/pulls/" + review.number());
        Map<String, Object> links = new LinkedHashMap<>();
        links.put("html", href(html));
        links.put("pull_request", href(api + "/pulls/" + review.number()));
        json.put("_links", links);
        if (review.submittedAt() != null) {
            json.put("submitted_at", GitJson.time(review.submittedAt()));
        }
        json.put("commit_id", review.commitId());
        json.put("author_association", access.association(review.user(), repository));
        return json;
    }

    static Map<String, Object> mergeResult(GitStore.Commit commit) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("sha", commit.sha());
        json.put("merged", true);
        json.put("message", "Pull Request successfully merged");
        return json;
    }

    private Map<String, Object> side(SandboxRepository repository, String ref, String sha, ApiGate.Caller caller) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("label", repository.owner().login() + ":" + ref);
        json.put("ref", ref);
        json.put("sha", sha);
        json.put("user", access.account(repository.owner()));
        json.put("repo", access.item(repository, caller));
        return json;
    }

    private static Map<String, Object> href(String url) {
        return Map.of("href", url);
    }
}
