package dev.integrations.github.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import static dev.integrations.github.sandbox.SandboxApi.assertValid;
import static dev.integrations.github.sandbox.SandboxApi.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /repos/{owner}/{repo}}, {@code GET /repositories/{id}}, {@code GET /user/repos} and
 * {@code GET /user} show the state the stateful endpoints keep: attributes set at creation, live
 * {@code open_issues_count}, organization access. Every answer validates against GitHub's OpenAPI
 * description.
 */
class RepositoryReadStateTest {

    private static GithubSandbox sandbox;
    private static SandboxUser owner;
    private static SandboxApi api;

    @BeforeAll
    static void start() {
        SandboxApi.validator();
        sandbox = GithubSandbox.start();
        owner = sandbox.registerUser("reader");
        api = new SandboxApi(sandbox, sandbox.issueToken(owner, "repo"));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void readsShowTheAttributesSetAtCreation() {
        HttpResponse<String> created = assertValid(api.post("/user/repos", "{\"name\":\"tpl\",\"is_template\":true,"
                + "\"homepage\":\"https://example.com\",\"has_issues\":false,\"has_wiki\":false,\"description\":\"d\","
                + "\"private\":true}"), 201, "POST", "/user/repos");

        JsonNode read = json(assertValid(api.get("/repos/reader/tpl"), 200, "GET", "/repos/{owner}/{repo}"));
        assertThat(read.path("is_template").asBoolean()).isTrue();
        assertThat(read.path("homepage").asText()).isEqualTo("https://example.com");
        assertThat(read.path("has_issues").asBoolean()).isFalse();
        assertThat(read.path("has_wiki").asBoolean()).isFalse();
        assertThat(read.path("has_projects").asBoolean()).isTrue();
        assertThat(read.path("description").asText()).isEqualTo("d");
        assertThat(read.path("private").asBoolean()).isTrue();

        JsonNode byId = json(assertValid(api.get("/repositories/" + json(created).path("id").asLong()), 200, "GET",
                "/repos/{owner}/{repo}"));
        assertThat(byId.path("is_template").asBoolean()).isTrue();

        JsonNode listed = item(json(assertValid(api.get("/user/repos?per_page=100"), 200, "GET", "/user/repos")), "reader/tpl");
        assertThat(listed.path("is_template").asBoolean()).isTrue();
        assertThat(listed.path("homepage").asText()).isEqualTo("https://example.com");
    }

    @Test
    void openIssuesCountCountsOpenIssuesAndPullRequests() {
        SandboxRepository repository = sandbox.createRepository(owner, "counted");
        api.post("/repos/reader/counted/issues", "{\"title\":\"one\"}");
        HttpResponse<String> second = api.post("/repos/reader/counted/issues", "{\"title\":\"two\"}");
        api.post("/repos/reader/counted/issues", "{\"title\":\"three\"}");
        api.patch("/repos/reader/counted/issues/" + json(second).path("number").asInt(), "{\"state\":\"closed\"}");
        String main = sandbox.branches(repository).get("main");
        api.post("/repos/reader/counted/git/refs", "{\"ref\":\"refs/heads/topic\",\"sha\":\"" + main + "\"}");
        sandbox.commitFile(repository, "topic", "topic.txt", "topic");
        assertThat(api.post("/repos/reader/counted/pulls", "{\"title\":\"Topic\",\"head\":\"topic\",\"base\":\"main\"}")
                .statusCode()).isEqualTo(201);

        JsonNode read = json(assertValid(api.get("/repos/reader/counted"), 200, "GET", "/repos/{owner}/{repo}"));
        assertThat(read.path("open_issues_count").asInt()).as("two open issues and one open pull request").isEqualTo(3);
        assertThat(read.path("open_issues").asInt()).isEqualTo(3);
    }

    @Test
    void organizationMembersSeeAndListTheOrganizationsRepositories() {
        SandboxOrganization org = sandbox.createOrganization("read-org");
        SandboxUser member = sandbox.registerUser("read-member");
        sandbox.addMember(org, member);
        sandbox.createRepository(org, "secret", "Private to members", true);
        SandboxApi memberApi = new SandboxApi(sandbox, sandbox.issueToken(member, "repo"));
        SandboxApi outsider = new SandboxApi(sandbox, sandbox.issueToken(sandbox.registerUser("read-outsider"), "repo"));

        JsonNode read = json(assertValid(memberApi.get("/repos/read-org/secret"), 200, "GET", "/repos/{owner}/{repo}"));
        assertThat(read.path("private").asBoolean()).isTrue();
        assertThat(read.path("owner").path("type").asText()).isEqualTo("Organization");
        assertThat(read.path("permissions").path("push").asBoolean()).isTrue();
        assertValid(outsider.get("/repos/read-org/secret"), 404, "GET", "/repos/{owner}/{repo}");

        JsonNode all = json(assertValid(memberApi.get("/user/repos?per_page=100"), 200, "GET", "/user/repos"));
        assertThat(fullNames(all)).contains("read-member/Hello-World", "read-org/secret", "read-org/Hello-World");
        assertThat(fullNames(json(memberApi.get("/user/repos?affiliation=owner&per_page=100"))))
                .contains("read-member/Hello-World").noneMatch(n -> n.startsWith("read-org/"));
        assertThat(fullNames(json(memberApi.get("/user/repos?affiliation=organization_member&per_page=100"))))
                .contains("read-org/secret").noneMatch(n -> n.startsWith("read-member/"));
        assertThat(fullNames(json(memberApi.get("/user/repos?type=owner&per_page=100"))))
                .noneMatch(n -> n.startsWith("read-org/"));
        assertThat(fullNames(json(memberApi.get("/user/repos?visibility=public&per_page=100"))))
                .contains("read-org/Hello-World").doesNotContain("read-org/secret");
        assertThat(fullNames(json(outsider.get("/user/repos?per_page=100")))).noneMatch(n -> n.startsWith("read-org/"));

        String publicOnly = sandbox.issueToken(member, "public_repo");
        assertThat(fullNames(json(memberApi.as(publicOnly).get("/user/repos?per_page=100"))))
                .as("private repositories need the repo scope").doesNotContain("read-org/secret");
    }

    @Test
    void userCountsTheRepositoriesTheUserOwns() {
        SandboxUser counter = sandbox.registerUser("read-counter");
        sandbox.createRepository(counter, "extra-private", "p", true);
        sandbox.createRepository(counter, "extra-public", "p", false);
        SandboxOrganization org = sandbox.createOrganization("count-org");
        sandbox.addMember(org, counter);
        sandbox.createRepository(org, "not-owned", "o", true);

        HttpResponse<String> response = TestHttp.get(sandbox.apiUrl().resolve("/user"),
                "Authorization", "Bearer " + sandbox.issueToken(counter, "repo"));
        assertValid(response, 200, "GET", "/user");
        JsonNode user = json(response);
        long ownedPrivate = sandbox.repositories(counter).stream().filter(SandboxRepository::isPrivate).count();
        long ownedPublic = sandbox.repositories(counter).size() - ownedPrivate;
        assertThat(ownedPrivate).isEqualTo(2);
        assertThat(user.path("public_repos").asLong()).isEqualTo(ownedPublic).isEqualTo(3);
        assertThat(user.path("total_private_repos").asLong()).isEqualTo(ownedPrivate);
        assertThat(user.path("owned_private_repos").asLong()).isEqualTo(ownedPrivate);
    }

    private static JsonNode item(JsonNode list, String fullName) {
        for (JsonNode item : list) {
            if (item.path("full_name").asText().equals(fullName)) {
                return item;
            }
        }
        throw new AssertionError(fullName + " is not listed: " + fullNames(list));
    }

    private static List<String> fullNames(JsonNode list) {
        List<String> names = new ArrayList<>();
        list.forEach(item -> names.add(item.path("full_name").asText()));
        return names;
    }
}
