package dev.integrations.github.sandbox;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Issues in the shapes of GitHub's OpenAPI description: {@code issue}, {@code label},
 * {@code issue-comment} and {@code issue-search-result-item}. A pull request's issue side carries
 * {@code pull_request} with its links and {@code merged_at}.
 */
final class IssueJson {

    private final String baseUrl;
    private final RepositoryAccess access;
    private final IssueStore issues;
    private final PullStore pulls;

    IssueJson(String baseUrl, RepositoryAccess access, IssueStore issues, PullStore pulls) {
        this.baseUrl = baseUrl;
        this.access = access;
        this.issues = issues;
        this.pulls = pulls;
    }

    static String nodeId(String type, long id) {
        return Base64.getEncoder().encodeToString((type + id).getBytes(StandardCharsets.UTF_8));
    }

    Map<String, Object> label(SandboxRepository repository, IssueStore.Label label) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", label.id());
        json.put("node_id", nodeId("05:Label", label.id()));
        json.put("url", GitJson.api(baseUrl, repository) + "/labels/" + ResourceRouter.encode(label.name()));
        json.put("name", label.name());
        json.put("color", label.color());
        json.put("default", label.isDefault());
        json.put("description", label.description());
        return json;
    }

    List<Map<String, Object>> labels(SandboxRepository repository, List<String> names) {
        List<Map<String, Object>> json = new ArrayList<>();
        for (IssueStore.Label label : issues.labels(repository.id(), names)) {
            json.add(label(repository, label));
        }
        return json;
    }

    Map<String, Object> issue(SandboxRepository repository, IssueStore.Issue issue) {
        String api = GitJson.api(baseUrl, repository);
        String html = GitJson.html(baseUrl, repository);
        String self = api + "/issues/" + issue.number();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", issue.id());
        json.put("node_id", nodeId("05:Issue", issue.id()));
        json.put("url", self);
        json.put("repository_url", api);
        json.put("labels_url", self + "/labels{/name}");
        json.put("comments_url", self + "/comments");
        json.put("events_url", self + "/events");
        json.put("html_url", html + (issue.isPullRequest() ? "/pull/" : "/issues/") + issue.number());
        json.put("number", issue.number());
        json.put("state", issue.state());
        json.put("title", issue.title());
        json.put("body", issue.body());
        json.put("user", access.account(issue.user()));
        json.put("labels", labels(repository, issue.labels()));
        json.put("assignee", issue.assignees().isEmpty() ? null : access.account(issue.assignees().get(0)));
        json.put("assignees", users(issue.assignees()));
        json.put("milestone", null);
        json.put("locked", issue.locked());
        json.put("active_lock_reason", null);
        json.put("comments", issue.comments());
        if (issue.isPullRequest()) {
            Map<String, Object> pull = new LinkedHashMap<>();
            pull.put("url", api + "/pulls/" + issue.number());
            pull.put("html_url", html + "/pull/" + issue.number());
            pull.put("diff_url", html + "/pull/" + issue.number() + ".diff");
            pull.put("patch_url", html + "/pull/" + issue.number() + ".patch");
            pull.put("merged_at", pulls.pull(repository.id(), issue.number())
                    .filter(PullStore.Pull::merged).map(PullStore.Pull::mergedAt).map(GitJson::time).orElse(null));
            json.put("pull_request", pull);
            json.put("draft", pulls.pull(repository.id(), issue.number()).map(PullStore.Pull::draft).orElse(false));
        }
        json.put("closed_at", issue.closedAt() == null ? null : GitJson.time(issue.closedAt()));
        json.put("created_at", GitJson.time(issue.createdAt()));
        json.put("updated_at", GitJson.time(issue.updatedAt()));
        json.put("closed_by", issue.closedBy() == null ? null : access.account(issue.closedBy()));
        json.put("author_association", access.association(issue.user(), repository));
        json.put("state_reason", issue.stateReason());
        json.put("reactions", reactions(self));
        json.put("timeline_url", self + "/timeline");
        json.put("performed_via_github_app", null);
        return json;
    }

    /** An item of {@code GET /search/issues}: the issue plus a {@code score}. */
    Map<String, Object> searchItem(SandboxRepository repository, IssueStore.Issue issue) {
        Map<String, Object> json = issue(repository, issue);
        // The search item declares neither closed_by nor a null body.
        json.remove("closed_by");
        if (json.get("body") == null) {
            json.remove("body");
        }
        json.put("score", 1.0);
        return json;
    }

    Map<String, Object> comment(SandboxRepository repository, IssueStore.Comment comment) {
        String api = GitJson.api(baseUrl, repository);
        boolean pull = issues.get(repository.id(), comment.issueNumber()).map(IssueStore.Issue::isPullRequest).orElse(false);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", comment.id());
        json.put("node_id", nodeId("012:IssueComment", comment.id()));
        json.put("url", api + "/issues/comments/" + comment.id());
        json.put("html_url", GitJson.html(baseUrl, repository) + (pull ? "/pull/" : "/issues/") + comment.issueNumber()
                + "#issuecomment-" + comment.id());
        json.put("body", comment.body());
        json.put("user", access.account(comment.user()));
        json.put("created_at", GitJson.time(comment.createdAt()));
        json.put("updated_at", GitJson.time(comment.updatedAt()));
        json.put("issue_url", api + "/issues/" + comment.issueNumber());
        json.put("author_association", access.association(comment.user(), repository));
        json.put("performed_via_github_app", null);
        json.put("reactions", reactions(api + "/issues/comments/" + comment.id()));
        return json;
    }

    List<Map<String, Object>> users(List<SandboxUser> users) {
        List<Map<String, Object>> json = new ArrayList<>();
        for (SandboxUser user : users) {
            json.add(access.account(user));
        }
        return json;
    }

    static Map<String, Object> reactions(String subject) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("url", subject + "/reactions");
        json.put("total_count", 0);
        for (String name : new String[] {"+1", "-1", "laugh", "hooray", "confused", "heart", "rocket", "eyes"}) {
            json.put(name, 0);
        }
        return json;
    }
}
