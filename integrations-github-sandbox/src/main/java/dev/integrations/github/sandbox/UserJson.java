package dev.integrations.github.sandbox;

import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Renders a user in the {@code private-user} shape of GitHub's OpenAPI description (operation
 * {@code users/get-authenticated}; https://docs.github.com/en/rest/users/users#get-the-authenticated-user), with every required field, in GitHub's field
 * order. URLs point at the sandbox, whose API lives at the root like api.github.com.
 */
final class UserJson {

    private UserJson() {
    }

    static Map<String, Object> privateUser(SandboxUser user, String baseUrl) {
        String api = baseUrl + "/users/" + user.login();
        String created = user.createdAt().truncatedTo(ChronoUnit.SECONDS).toString();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("login", user.login());
        json.put("id", user.id());
        json.put("user_view_type", "private");
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
        json.put("site_admin", false);
        json.put("name", user.name());
        json.put("company", null);
        json.put("blog", "");
        json.put("location", null);
        json.put("email", user.email());
        json.put("notification_email", user.email());
        json.put("hireable", null);
        json.put("bio", null);
        json.put("twitter_username", null);
        json.put("public_repos", 0);
        json.put("public_gists", 0);
        json.put("followers", 0);
        json.put("following", 0);
        json.put("created_at", created);
        json.put("updated_at", created);
        json.put("private_gists", 0);
        json.put("total_private_repos", 0);
        json.put("owned_private_repos", 0);
        json.put("disk_usage", 0);
        json.put("collaborators", 0);
        json.put("two_factor_authentication", true);
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("name", "free");
        plan.put("space", 976_562_499);
        plan.put("collaborators", 0);
        plan.put("private_repos", 10_000);
        json.put("plan", plan);
        return json;
    }
}
