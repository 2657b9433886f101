package dev.integrations.github.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import static dev.integrations.github.sandbox.SandboxApi.assertValid;
import static dev.integrations.github.sandbox.SandboxApi.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Repository creation, branches and contents: every answer (successes and errors) validates
 * against GitHub's OpenAPI description, and the state changes are visible afterwards.
 */
class GitResourcesContractTest {

    private static GithubSandbox sandbox;
    private static SandboxApi api;
    private static SandboxApi stranger;
    private static SandboxUser owner;

    @BeforeAll
    static void start() {
        SandboxApi.validator();
        sandbox = GithubSandbox.start();
        owner = sandbox.registerUser("git-owner");
        api = new SandboxApi(sandbox, sandbox.issueToken(owner, "repo"));
        stranger = new SandboxApi(sandbox, sandbox.issueToken(sandbox.registerUser("git-stranger"), "repo"));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void createRepositoryEmptyOrInitialised() {
        HttpResponse<String> created = assertValid(api.post("/user/repos",
                "{\"name\":\"made by api\",\"description\":\"d\",\"private\":true,\"homepage\":\"https://example.com\"}"),
                201, "POST", "/user/repos");
        assertThat(json(created).path("full_name").asText()).isEqualTo("git-owner/made-by-api");
        assertThat(json(created).path("private").asBoolean()).isTrue();
        assertThat(json(created).path("homepage").asText()).isEqualTo("https://example.com");

        assertValid(api.get("/repos/git-owner/made-by-api/git/ref/heads%2Fmain"), 409, "GET", "/repos/{owner}/{repo}/git/ref/{ref}");
        assertValid(api.get("/repos/git-owner/made-by-api/branches/main"), 404, "GET", "/repos/{owner}/{repo}/branches/{branch}");
        assertValid(api.get("/repos/git-owner/made-by-api/contents/README.md"), 404, "GET", "/repos/{owner}/{repo}/contents/{path}");
        assertThat(stranger.get("/repos/git-owner/made-by-api/branches").statusCode()).as("private to others").isEqualTo(404);

        assertValid(api.post("/user/repos", "{\"name\":\"made-by-api\"}"), 422, "POST", "/user/repos");
        assertValid(api.post("/user/repos", "{\"description\":\"no name\"}"), 422, "POST", "/user/repos");

        assertValid(api.post("/user/repos", "{\"name\":\"initialised\",\"auto_init\":true}"), 201, "POST", "/user/repos");
        HttpResponse<String> readme = assertValid(api.get("/repos/git-owner/initialised/contents/README.md"), 200, "GET",
                "/repos/{owner}/{repo}/contents/{path}");
        assertThat(decode(json(readme))).startsWith("# initialised");
    }

    @Test
    void branchesAreCreatedReadAndDeleted() {
        sandbox.createRepository(owner, "branchy");
        HttpResponse<String> main = assertValid(api.get("/repos/git-owner/branchy/git/ref/heads%2Fmain"), 200, "GET",
                "/repos/{owner}/{repo}/git/ref/{ref}");
        String sha = json(main).path("object").path("sha").asText();
        assertThat(sha).hasSize(40);
        assertThat(api.get("/repos/git-owner/branchy/git/ref/heads/main").statusCode()).as("a path also works").isEqualTo(200);

        HttpResponse<String> created = assertValid(api.post("/repos/git-owner/branchy/git/refs",
                "{\"ref\":\"refs/heads/feature/x\",\"sha\":\"" + sha + "\"}"), 201, "POST", "/repos/{owner}/{repo}/git/refs");
        assertThat(json(created).path("ref").asText()).isEqualTo("refs/heads/feature/x");
        assertValid(api.post("/repos/git-owner/branchy/git/refs", "{\"ref\":\"refs/heads/feature/x\",\"sha\":\"" + sha + "\"}"),
                422, "POST", "/repos/{owner}/{repo}/git/refs");
        assertValid(api.post("/repos/git-owner/branchy/git/refs", "{\"ref\":\"refs/heads/y\",\"sha\":\"" + "0".repeat(40) + "\"}"),
                422, "POST", "/repos/{owner}/{repo}/git/refs");
        assertValid(api.post("/repos/git-owner/branchy/git/refs", "{\"ref\":\"refs/heads/bad..name\",\"sha\":\"" + sha + "\"}"),
                422, "POST", "/repos/{owner}/{repo}/git/refs");

        HttpResponse<String> branch = assertValid(api.get("/repos/git-owner/branchy/branches/feature%2Fx"), 200, "GET",
                "/repos/{owner}/{repo}/branches/{branch}");
        assertThat(json(branch).path("commit").path("sha").asText()).isEqualTo(sha);
        assertValid(api.get("/repos/git-owner/branchy/branches?per_page=1"), 200, "GET", "/repos/{owner}/{repo}/branches");
        assertThat(api.get("/repos/git-owner/branchy/branches?per_page=1").headers().firstValue("Link")).isPresent();

        assertThat(stranger.delete("/repos/git-owner/branchy/git/refs/heads%2Ffeature%2Fx").statusCode())
                .as("no push access").isEqualTo(404);
        assertValid(api.delete("/repos/git-owner/branchy/git/refs/heads%2Ffeature%2Fx"), 204, "DELETE",
                "/repos/{owner}/{repo}/git/refs/{ref}");
        assertValid(api.delete("/repos/git-owner/branchy/git/refs/heads%2Ffeature%2Fx"), 422, "DELETE",
                "/repos/{owner}/{repo}/git/refs/{ref}");
        assertValid(api.get("/repos/git-owner/branchy/branches/feature%2Fx"), 404, "GET", "/repos/{owner}/{repo}/branches/{branch}");
        assertValid(api.get("/repos/git-owner/branchy/git/ref/heads%2Ffeature%2Fx"), 404, "GET", "/repos/{owner}/{repo}/git/ref/{ref}");
    }

    @Test
    void filesAreCreatedThenUpdatedWithTheirSha() {
        sandbox.createRepository(owner, "files");
        String path = "/repos/git-owner/files/contents/docs/guide%20one.md";
        HttpResponse<String> created = assertValid(api.put(path,
                "{\"message\":\"add guide\",\"content\":\"" + base64("v1") + "\"}"), 201, "PUT", "/repos/{owner}/{repo}/contents/{path}");
        String blob = json(created).path("content").path("sha").asText();
        assertThat(blob).as("Git's blob SHA of 'v1' (git hash-object)").isEqualTo("28c218c44b49222f91536daf5b4d9871638edc8e");

        assertValid(api.put(path, "{\"message\":\"no sha\",\"content\":\"" + base64("v2") + "\"}"), 422, "PUT",
                "/repos/{owner}/{repo}/contents/{path}");
        assertValid(api.put(path, "{\"message\":\"stale\",\"content\":\"" + base64("v2") + "\",\"sha\":\"" + "1".repeat(40) + "\"}"),
                409, "PUT", "/repos/{owner}/{repo}/contents/{path}");
        assertValid(api.put(path, "{\"message\":\"bad\",\"content\":\"%%%\"}"), 422, "PUT", "/repos/{owner}/{repo}/contents/{path}");
        HttpResponse<String> updated = assertValid(api.put(path,
                "{\"message\":\"update guide\",\"content\":\"" + base64("v2") + "\",\"sha\":\"" + blob + "\","
                        + "\"committer\":{\"name\":\"Bot\",\"email\":\"bot@example.com\"}}"),
                200, "PUT", "/repos/{owner}/{repo}/contents/{path}");
        assertThat(json(updated).path("commit").path("committer").path("name").asText()).isEqualTo("Bot");
        assertThat(json(updated).path("commit").path("parents")).hasSize(1);

        HttpResponse<String> file = assertValid(api.get(path), 200, "GET", "/repos/{owner}/{repo}/contents/{path}");
        assertThat(decode(json(file))).isEqualTo("v2");
        assertThat(sandbox.fileContent(sandbox.repositories(owner).stream().filter(r -> r.name().equals("files")).findFirst()
                .orElseThrow(), "main", "docs/guide one.md")).contains("v2");

        HttpResponse<String> directory = assertValid(api.get("/repos/git-owner/files/contents/docs"), 200, "GET",
                "/repos/{owner}/{repo}/contents/{path}");
        assertThat(json(directory)).hasSize(1);
        HttpResponse<String> root = api.get("/repos/git-owner/files/contents");
        assertThat(json(root).findValuesAsText("type")).containsExactlyInAnyOrder("file", "dir");

        assertValid(api.get(path + "?ref=nope"), 404, "GET", "/repos/{owner}/{repo}/contents/{path}");
        assertValid(api.put("/repos/git-owner/files/contents/x.txt",
                "{\"message\":\"m\",\"content\":\"" + base64("x") + "\",\"branch\":\"nope\"}"), 404, "PUT",
                "/repos/{owner}/{repo}/contents/{path}");
        assertThat(stranger.put("/repos/git-owner/files/contents/x.txt",
                "{\"message\":\"m\",\"content\":\"" + base64("x") + "\"}").statusCode()).as("no push access").isEqualTo(404);
    }

    @Test
    void conditionalGetsOfContentsAreFreeAndCached() {
        sandbox.createRepository(owner, "cached");
        HttpResponse<String> first = api.get("/repos/git-owner/cached/contents/README.md");
        String etag = first.headers().firstValue("ETag").orElseThrow();
        int remaining = Integer.parseInt(first.headers().firstValue("x-ratelimit-remaining").orElseThrow());
        HttpResponse<String> again = api.get("/repos/git-owner/cached/contents/README.md", "If-None-Match", etag);
        assertValid(again, 304, "GET", "/repos/{owner}/{repo}/contents/{path}");
        assertThat(Integer.parseInt(again.headers().firstValue("x-ratelimit-remaining").orElseThrow())).isEqualTo(remaining);
    }

    @Test
    void templatesAndOrganizationRepositories() {
        assertValid(api.post("/user/repos", "{\"name\":\"tpl\",\"is_template\":true,\"auto_init\":true}"), 201, "POST", "/user/repos");
        api.put("/repos/git-owner/tpl/contents/src/app.txt", "{\"message\":\"m\",\"content\":\"" + base64("app") + "\"}");
        HttpResponse<String> generated = assertValid(api.post("/repos/git-owner/tpl/generate",
                "{\"name\":\"from-tpl\",\"description\":\"copy\"}"), 201, "POST", "/repos/{template_owner}/{template_repo}/generate");
        assertThat(json(generated).path("full_name").asText()).isEqualTo("git-owner/from-tpl");
        HttpResponse<String> copied = api.get("/repos/git-owner/from-tpl/contents/src/app.txt");
        assertThat(decode(json(copied))).isEqualTo("app");
        assertThat(api.post("/repos/git-owner/from-tpl/generate", "{\"name\":\"again\"}").statusCode())
                .as("not a template").isEqualTo(422);

        SandboxOrganization org = sandbox.createOrganization("git-org");
        assertThat(api.post("/orgs/git-org/repos", "{\"name\":\"team\"}").statusCode()).as("not a member").isEqualTo(404);
        sandbox.addMember(org, owner);
        HttpResponse<String> teamRepo = assertValid(api.post("/orgs/git-org/repos", "{\"name\":\"team\",\"private\":true}"),
                201, "POST", "/orgs/{org}/repos");
        assertThat(json(teamRepo).path("owner").path("type").asText()).isEqualTo("Organization");
        assertValid(api.post("/repos/git-owner/tpl/generate", "{\"owner\":\"git-org\",\"name\":\"org-copy\"}"), 201, "POST",
                "/repos/{template_owner}/{template_repo}/generate");
        assertValid(api.get("/orgs/git-org/repos?per_page=2"), 200, "GET", "/orgs/{org}/repos");
        assertThat(api.put("/repos/git-org/team/contents/a.txt", "{\"message\":\"m\",\"content\":\"" + base64("a") + "\"}")
                .statusCode()).as("members push to organization repositories").isEqualTo(201);
    }

    @Test
    void renamedRepositorySubresourcesRedirect() {
        SandboxRepository repository = sandbox.createRepository(owner, "old-name");
        sandbox.renameRepository(repository, "new-name");
        HttpResponse<String> moved = api.get("/repos/git-owner/old-name/branches/main");
        assertValid(moved, 301, "GET", "/repos/{owner}/{repo}/branches/{branch}");
        String location = moved.headers().firstValue("Location").orElseThrow();
        assertThat(location).endsWith("/repositories/" + repository.id() + "/branches/main");
        assertThat(TestHttp.get(java.net.URI.create(location), "Authorization", "Bearer " + sandbox.issueToken(owner, "repo"))
                .statusCode()).isEqualTo(200);
    }

    static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static String decode(JsonNode file) {
        return new String(Base64.getMimeDecoder().decode(file.path("content").asText()), StandardCharsets.UTF_8);
    }
}
