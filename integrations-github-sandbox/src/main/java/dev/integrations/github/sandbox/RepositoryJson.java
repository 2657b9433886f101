package dev.integrations.github.sandbox;

import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders repositories in the shapes of GitHub's OpenAPI description: {@code repository} (items
 * of {@code GET /user/repos}) and {@code full-repository} ({@code GET /repos/{owner}/{repo}}),
 * with every required field, in GitHub's field order, and an owner in the {@code simple-user}
 * shape. URLs point at the sandbox, whose API lives at the root like api.github.com.
 */
final class RepositoryJson {

    private RepositoryJson() {
    }

    /** The {@code repository} shape, as a list item. */
    static Map<String, Object> repository(SandboxRepository repository, String baseUrl, boolean callerIsOwner) {
        return common(repository, baseUrl, callerIsOwner);
    }

    /** The {@code full-repository} shape, as {@code GET /repos/{owner}/{repo}} returns it. */
    static Map<String, Object> fullRepository(SandboxRepository repository, String baseUrl, boolean callerIsOwner) {
        Map<String, Object> json = common(repository, baseUrl, callerIsOwner);
        json.put("temp_clone_token", null);
        json.put("network_count", 0);
        json.put("subscribers_count", 1);
        return json;
    }

    /** A user in the {@code simple-user} shape. */
    static Map<String, Object> simpleUser(SandboxUser user, String baseUrl) {
        String api = baseUrl + "/users/" + user.login();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("login", user.login());
        json.put("id", user.id());
        json.put("node_id", user.nodeId());
        json.put("avatar_url", baseUrl + "/avatars/u/" + user.id() + "?v=4");
        json.put("gravatar_id", "");
        json.put("url", api);
        json.put("html_url", baseUrl + "/" + user.login());
        json.put("followers_url", api + "/followers");
        json.put("following_url", api + "/following{/other_user}");
        json.put("gists_url", api + "/gists{/gist_id}");
        json.put("starred_url", api + "/starred{/owner}{/repo}");
        json.put("subscriptions_url", api + "/subscriptions");
        json.put("organizations_url", api + "/orgs");
        json.put("repos_url", api + "/repos");
        json.put("events_url", api + "/events{/privacy}");
        json.put("received_events_url", api + "/received_events");
        json.put("type", "User");
        json.put("user_view_type", "public");
        json.put("site_admin", false);
        return json;
    }

    private static Map<String, Object> common(SandboxRepository repository, String baseUrl, boolean callerIsOwner) {
        String full = repository.fullName();
        String api = baseUrl + "/repos/" + full;
        String html = baseUrl + "/" + full;
        String host = URI.create(baseUrl).getAuthority();
        String time = repository.createdAt().truncatedTo(ChronoUnit.SECONDS).toString();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", repository.id());
        json.put("node_id", repository.nodeId());
        json.put("name", repository.name());
        json.put("full_name", full);
        json.put("private", repository.isPrivate());
        json.put("owner", simpleUser(repository.owner(), baseUrl));
        json.put("html_url", html);
        json.put("description", repository.description());
        json.put("fork", false);
        json.put("url", api);
        json.put("forks_url", api + "/forks");
        json.put("keys_url", api + "/keys{/key_id}");
        json.put("collaborators_url", api + "/collaborators{/collaborator}");
        json.put("teams_url", api + "/teams");
        json.put("hooks_url", api + "/hooks");
        json.put("issue_events_url", api + "/issues/events{/number}");
        json.put("events_url", api + "/events");
        json.put("assignees_url", api + "/assignees{/user}");
        json.put("branches_url", api + "/branches{/branch}");
        json.put("tags_url", api + "/tags");
        json.put("blobs_url", api + "/git/blobs{/sha}");
        json.put("git_tags_url", api + "/git/tags{/sha}");
        json.put("git_refs_url", api + "/git/refs{/sha}");
        json.put("trees_url", api + "/git/trees{/sha}");
        json.put("statuses_url", api + "/statuses/{sha}");
        json.put("languages_url", api + "/languages");
        json.put("stargazers_url", api + "/stargazers");
        json.put("contributors_url", api + "/contributors");
        json.put("subscribers_url", api + "/subscribers");
        json.put("subscription_url", api + "/subscription");
        json.put("commits_url", api + "/commits{/sha}");
        json.put("git_commits_url", api + "/git/commits{/sha}");
        json.put("comments_url", api + "/comments{/number}");
        json.put("issue_comment_url", api + "/issues/comments{/number}");
        json.put("contents_url", api + "/contents/{+path}");
        json.put("compare_url", api + "/compare/{base}...{head}");
        json.put("merges_url", api + "/merges");
        json.put("archive_url", api + "/{archive_format}{/ref}");
        json.put("downloads_url", api + "/downloads");
        json.put("issues_url", api + "/issues{/number}");
        json.put("pulls_url", api + "/pulls{/number}");
        json.put("milestones_url", api + "/milestones{/number}");
        json.put("notifications_url", api + "/notifications{?since,all,participating}");
        json.put("labels_url", api + "/labels{/name}");
        json.put("releases_url", api + "/releases{/id}");
        json.put("deployments_url", api + "/deployments");
        json.put("created_at", time);
        json.put("updated_at", time);
        json.put("pushed_at", time);
        json.put("git_url", "git://" + host + "/" + full + ".git");
        json.put("ssh_url", "git@" + host + ":" + full + ".git");
        json.put("clone_url", html + ".git");
        json.put("svn_url", html);
        json.put("homepage", null);
        json.put("size", 0);
        json.put("stargazers_count", 0);
        json.put("watchers_count", 0);
        json.put("language", null);
        json.put("has_issues", true);
        json.put("has_projects", true);
        json.put("has_downloads", true);
        json.put("has_wiki", true);
        json.put("has_pages", false);
        json.put("has_discussions", false);
        json.put("forks_count", 0);
        json.put("mirror_url", null);
        json.put("archived", false);
        json.put("disabled", false);
        json.put("open_issues_count", 0);
        json.put("license", null);
        json.put("allow_forking", true);
        json.put("is_template", false);
        json.put("web_commit_signoff_required", false);
        json.put("topics", List.of());
        json.put("visibility", repository.isPrivate() ? "private" : "public");
        json.put("forks", 0);
        json.put("open_issues", 0);
        json.put("watchers", 0);
        json.put("default_branch", "main");
        Map<String, Object> permissions = new LinkedHashMap<>();
        permissions.put("admin", callerIsOwner);
        permissions.put("maintain", callerIsOwner);
        permissions.put("push", callerIsOwner);
        permissions.put("triage", callerIsOwner);
        permissions.put("pull", true);
        json.put("permissions", permissions);
        return json;
    }
}
