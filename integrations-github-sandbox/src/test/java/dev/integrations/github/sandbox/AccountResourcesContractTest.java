package dev.integrations.github.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import static dev.integrations.github.sandbox.SandboxApi.assertValid;
import static dev.integrations.github.sandbox.SandboxApi.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Gists, codespaces, organizations and memberships, users by name, and the GraphQL
 * {@code changeUserStatus} mutation: REST answers validate against GitHub's OpenAPI description
 * (GraphQL is not in it; its answers are checked for GraphQL's shape), and state changes stick.
 */
class AccountResourcesContractTest {

    private static GithubSandbox sandbox;
    private static SandboxUser alice;
    private static SandboxUser bob;
    private static SandboxApi aliceApi;
    private static SandboxApi bobApi;

    @BeforeAll
    static void start() {
        SandboxApi.validator();
        sandbox = GithubSandbox.builder().clock(SandboxClock.frozenAt(Instant.parse("2026-05-01T10:00:00Z"))).build();
        alice = sandbox.registerUser("alice", "Alice", "alice@example.com");
        bob = sandbox.registerUser("bob");
        aliceApi = new SandboxApi(sandbox, sandbox.issueToken(alice, "repo", "gist", "codespace", "user"));
        bobApi = new SandboxApi(sandbox, sandbox.issueToken(bob, "repo"));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void gists() {
        HttpResponse<String> created = assertValid(aliceApi.post("/gists",
                "{\"description\":\"Example\",\"public\":true,\"files\":{\"hello.rb\":{\"content\":\"puts 1\"},\"notes\":{\"content\":\"n\"}}}"),
                201, "POST", "/gists");
        String id = json(created).path("id").asText();
        assertThat(id).matches("[0-9a-f]{32}");
        HttpResponse<String> read = assertValid(bobApi.get("/gists/" + id), 200, "GET", "/gists/{gist_id}");
        assertThat(json(read).path("files").path("hello.rb").path("content").asText()).isEqualTo("puts 1");
        assertThat(json(read).path("owner").path("login").asText()).isEqualTo("alice");
        assertValid(aliceApi.get("/gists/0123"), 404, "GET", "/gists/{gist_id}");
        assertValid(aliceApi.post("/gists", "{\"files\":{}}"), 422, "POST", "/gists");
        assertValid(bobApi.post("/gists", "{\"files\":{\"a\":{\"content\":\"b\"}}}"), 404, "POST", "/gists");
        assertValid(aliceApi.get("/gists"), 200, "GET", "/gists");
    }

    @Test
    void codespacesMoveBetweenStates() {
        SandboxRepository repository = sandbox.createRepository(alice, "workspace");
        String base = "/repos/alice/workspace/codespaces";
        HttpResponse<String> created = assertValid(aliceApi.post(base,
                "{\"ref\":\"main\",\"machine\":\"standardLinux32gb\",\"geo\":\"EuropeWest\",\"display_name\":\"dev\"}"),
                201, "POST", "/repos/{owner}/{repo}/codespaces");
        JsonNode codespace = json(created);
        String name = codespace.path("name").asText();
        assertThat(codespace.path("state").asText()).isEqualTo("Available");
        assertThat(codespace.path("location").asText()).isEqualTo("WestEurope");
        assertThat(codespace.path("machine").path("cpus").asInt()).isEqualTo(4);
        assertValid(aliceApi.post(base, "{\"machine\":\"quantum\"}"), 400, "POST", "/repos/{owner}/{repo}/codespaces");
        assertValid(aliceApi.post(base, "{\"ref\":\"nope\"}"), 400, "POST", "/repos/{owner}/{repo}/codespaces");
        assertThat(bobApi.post("/repos/alice/workspace/codespaces", "{}").statusCode()).as("no codespace scope").isEqualTo(404);

        HttpResponse<String> stopped = assertValid(aliceApi.post("/user/codespaces/" + name + "/stop", null), 200, "POST",
                "/user/codespaces/{codespace_name}/stop");
        assertThat(json(stopped).path("state").asText()).isEqualTo("Shutdown");
        HttpResponse<String> read = assertValid(aliceApi.get("/user/codespaces/" + name), 200, "GET",
                "/user/codespaces/{codespace_name}");
        assertThat(json(read).path("state").asText()).isEqualTo("Shutdown");
        HttpResponse<String> started = assertValid(aliceApi.post("/user/codespaces/" + name + "/start", null), 200, "POST",
                "/user/codespaces/{codespace_name}/start");
        assertThat(json(started).path("state").asText()).isEqualTo("Available");

        aliceApi.post(base, "{}");
        aliceApi.post(base, "{}");
        HttpResponse<String> page = assertValid(aliceApi.get("/user/codespaces?per_page=2&repository_id=" + repository.id()), 200,
                "GET", "/user/codespaces");
        assertThat(json(page).path("total_count").asInt()).isEqualTo(3);
        assertThat(json(page).path("codespaces")).hasSize(2);
        assertThat(page.headers().firstValue("Link").orElseThrow()).contains("rel=\"next\"");
        assertValid(aliceApi.get(base), 200, "GET", "/repos/{owner}/{repo}/codespaces");

        assertValid(aliceApi.delete("/user/codespaces/" + name), 202, "DELETE", "/user/codespaces/{codespace_name}");
        assertValid(aliceApi.get("/user/codespaces/" + name), 404, "GET", "/user/codespaces/{codespace_name}");
        assertValid(aliceApi.delete("/user/codespaces/" + name), 404, "DELETE", "/user/codespaces/{codespace_name}");
    }

    @Test
    void organizationsAndMemberships() {
        SandboxOrganization org = sandbox.createOrganization("acme", "Acme Inc.", "Makers of everything");
        SandboxUser carol = sandbox.registerUser("carol");
        sandbox.addMember(org, alice);
        sandbox.addMember(org, carol, true);

        HttpResponse<String> read = assertValid(aliceApi.get("/orgs/acme"), 200, "GET", "/orgs/{org}");
        assertThat(json(read).path("name").asText()).isEqualTo("Acme Inc.");
        assertValid(bobApi.get("/orgs/acme"), 200, "GET", "/orgs/{org}");
        assertValid(aliceApi.get("/orgs/nobody"), 404, "GET", "/orgs/{org}");

        assertValid(aliceApi.get("/orgs/acme/members/alice"), 204, "GET", "/orgs/{org}/members/{username}");
        assertValid(aliceApi.get("/orgs/acme/members/bob"), 404, "GET", "/orgs/{org}/members/{username}");
        HttpResponse<String> redirected = assertValid(bobApi.get("/orgs/acme/members/alice"), 302, "GET",
                "/orgs/{org}/members/{username}");
        assertThat(redirected.headers().firstValue("Location").orElseThrow()).endsWith("/orgs/acme/public_members/alice");
        assertValid(bobApi.get("/orgs/acme/public_members/alice"), 404, "GET", "/orgs/{org}/public_members/{username}");
        assertValid(bobApi.get("/orgs/acme/public_members/carol"), 204, "GET", "/orgs/{org}/public_members/{username}");

        assertValid(aliceApi.get("/users/acme"), 200, "GET", "/users/{username}");
        assertThat(json(aliceApi.get("/users/acme")).path("type").asText()).isEqualTo("Organization");
        assertValid(aliceApi.get("/orgs/acme/repos"), 200, "GET", "/orgs/{org}/repos");
        assertThat(sandbox.removeMember(org, alice)).isTrue();
        assertThat(aliceApi.get("/orgs/acme/members/carol").statusCode()).isEqualTo(302);
    }

    @Test
    void usersByName() {
        HttpResponse<String> user = assertValid(bobApi.get("/users/alice"), 200, "GET", "/users/{username}");
        assertThat(json(user).path("name").asText()).isEqualTo("Alice");
        assertThat(json(user).path("public_repos").asInt()).isGreaterThanOrEqualTo(2);
        assertValid(bobApi.get("/users/ghost-user"), 404, "GET", "/users/{username}");
        assertValid(bobApi.get("/users/alice/repos?per_page=1"), 200, "GET", "/users/{username}/repos");
    }

    @Test
    void profileStatusThroughGraphql() {
        String mutation = "mutation($input: ChangeUserStatusInput!) { changeUserStatus(input: $input) {"
                + " status { message emoji expiresAt indicatesLimitedAvailability updatedAt } } }";
        String expires = Instant.parse("2026-05-02T10:00:00Z").toString();
        HttpResponse<String> set = aliceApi.post("/graphql", "{\"query\":" + quote(mutation) + ",\"variables\":{\"input\":"
                + "{\"message\":\"On vacation\",\"emoji\":\":palm_tree:\",\"expiresAt\":\"" + expires + "\",\"limitedAvailability\":true}}}");
        assertThat(set.statusCode()).isEqualTo(200);
        JsonNode status = json(set).path("data").path("changeUserStatus").path("status");
        assertThat(status.path("message").asText()).isEqualTo("On vacation");
        assertThat(status.path("emoji").asText()).isEqualTo(":palm_tree:");
        assertThat(status.path("expiresAt").asText()).isEqualTo("2026-05-02T10:00:00Z");
        assertThat(status.path("indicatesLimitedAvailability").asBoolean()).isTrue();
        assertThat(sandbox.profileStatus(alice)).hasValueSatisfying(s -> assertThat(s.message()).isEqualTo("On vacation"));

        sandbox.clock().advance(Duration.ofDays(2));
        assertThat(sandbox.profileStatus(alice)).as("expired").isEmpty();

        HttpResponse<String> noScope = bobApi.post("/graphql", "{\"query\":" + quote(mutation)
                + ",\"variables\":{\"input\":{\"message\":\"hi\"}}}");
        assertThat(noScope.statusCode()).isEqualTo(200);
        assertThat(json(noScope).path("errors").get(0).path("type").asText()).isEqualTo("INSUFFICIENT_SCOPES");
        assertThat(sandbox.profileStatus(bob)).isEmpty();

        HttpResponse<String> tooLong = aliceApi.post("/graphql", "{\"query\":" + quote(mutation)
                + ",\"variables\":{\"input\":{\"message\":\"" + "x".repeat(81) + "\"}}}");
        assertThat(json(tooLong).path("errors")).hasSize(1);
        HttpResponse<String> query = aliceApi.post("/graphql", "{\"query\":\"{ viewer { login } }\"}");
        assertThat(json(query).path("errors").get(0).path("message").asText()).contains("changeUserStatus");

        HttpResponse<String> cleared = aliceApi.post("/graphql", "{\"query\":" + quote(mutation) + ",\"variables\":{\"input\":{}}}");
        assertThat(json(cleared).path("data").path("changeUserStatus").path("status").isNull()).isTrue();
        assertThat(sandbox.profileStatus(alice)).isEmpty();
    }

    private static String quote(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
