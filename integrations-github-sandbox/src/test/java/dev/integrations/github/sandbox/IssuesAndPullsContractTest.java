package dev.integrations.github.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;

import static dev.integrations.github.sandbox.GitResourcesContractTest.base64;
import static dev.integrations.github.sandbox.SandboxApi.assertValid;
import static dev.integrations.github.sandbox.SandboxApi.json;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issues, comments, labels, search, pull requests, reviews and merges: every answer validates
 * against GitHub's OpenAPI description, and the state changes are visible afterwards.
 */
class IssuesAndPullsContractTest {

    private static GithubSandbox sandbox;
    private static SandboxApi owner;
    private static SandboxApi visitor;
    private static SandboxUser ownerUser;

    @BeforeAll
    static void start() {
        SandboxApi.validator();
        sandbox = GithubSandbox.start();
        ownerUser = sandbox.registerUser("maintainer");
        owner = new SandboxApi(sandbox, sandbox.issueToken(ownerUser, "repo"));
        visitor = new SandboxApi(sandbox, sandbox.issueToken(sandbox.registerUser("visitor"), "public_repo"));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void issuesCommentsAndLabels() {
        sandbox.createRepository(ownerUser, "tracker");
        HttpResponse<String> created = assertValid(owner.post("/repos/maintainer/tracker/issues",
                "{\"title\":\"Crash on start\",\"body\":\"Steps...\",\"labels\":[\"bug\",\"triage\"],\"assignees\":[\"maintainer\"]}"),
                201, "POST", "/repos/{owner}/{repo}/issues");
        int number = json(created).path("number").asInt();
        assertThat(json(created).findValuesAsText("name")).contains("bug", "triage");
        assertThat(json(created).path("assignee").path("login").asText()).isEqualTo("maintainer");

        assertValid(owner.post("/repos/maintainer/tracker/issues", "{\"body\":\"no title\"}"), 422, "POST", "/repos/{owner}/{repo}/issues");
        assertValid(owner.post("/repos/maintainer/tracker/issues", "{\"title\":\"t\",\"assignees\":[\"visitor\"]}"), 422, "POST",
                "/repos/{owner}/{repo}/issues");
        assertValid(owner.post("/repos/maintainer/tracker/issues", "{not json"), 400, "POST", "/repos/{owner}/{repo}/issues");

        HttpResponse<String> byVisitor = assertValid(visitor.post("/repos/maintainer/tracker/issues",
                "{\"title\":\"Question\",\"labels\":[\"question\"]}"), 201, "POST", "/repos/{owner}/{repo}/issues");
        assertThat(json(byVisitor).path("labels")).as("labels of users without push access are dropped").isEmpty();
        assertThat(json(byVisitor).path("author_association").asText()).isEqualTo("NONE");

        HttpResponse<String> comment = assertValid(visitor.post("/repos/maintainer/tracker/issues/" + number + "/comments",
                "{\"body\":\"Me too\"}"), 201, "POST", "/repos/{owner}/{repo}/issues/{issue_number}/comments");
        assertThat(json(comment).path("user").path("login").asText()).isEqualTo("visitor");
        assertValid(owner.post("/repos/maintainer/tracker/issues/" + number + "/comments", "{}"), 422, "POST",
                "/repos/{owner}/{repo}/issues/{issue_number}/comments");
        assertValid(owner.get("/repos/maintainer/tracker/issues/" + number + "/comments"), 200, "GET",
                "/repos/{owner}/{repo}/issues/{issue_number}/comments");

        HttpResponse<String> labels = assertValid(owner.post("/repos/maintainer/tracker/issues/" + number + "/labels",
                "{\"labels\":[\"enhancement\",\"BUG\"]}"), 200, "POST", "/repos/{owner}/{repo}/issues/{issue_number}/labels");
        assertThat(json(labels).findValuesAsText("name")).containsExactly("bug", "triage", "enhancement");
        assertThat(visitor.post("/repos/maintainer/tracker/issues/" + number + "/labels", "{\"labels\":[\"x\"]}").statusCode())
                .as("labels need push access").isEqualTo(404);
        assertValid(owner.get("/repos/maintainer/tracker/issues/" + number + "/labels"), 200, "GET",
                "/repos/{owner}/{repo}/issues/{issue_number}/labels");

        HttpResponse<String> closed = assertValid(owner.patch("/repos/maintainer/tracker/issues/" + number,
                "{\"state\":\"closed\",\"state_reason\":\"not_planned\",\"title\":\"Crash on start (won't fix)\"}"),
                200, "PATCH", "/repos/{owner}/{repo}/issues/{issue_number}");
        assertThat(json(closed).path("state").asText()).isEqualTo("closed");
        assertThat(json(closed).path("state_reason").asText()).isEqualTo("not_planned");
        assertThat(json(closed).path("closed_by").path("login").asText()).isEqualTo("maintainer");
        assertValid(owner.patch("/repos/maintainer/tracker/issues/" + number, "{\"state\":\"shut\"}"), 422, "PATCH",
                "/repos/{owner}/{repo}/issues/{issue_number}");
        assertValid(visitor.patch("/repos/maintainer/tracker/issues/" + number, "{\"title\":\"mine now\"}"), 403, "PATCH",
                "/repos/{owner}/{repo}/issues/{issue_number}");

        HttpResponse<String> read = assertValid(owner.get("/repos/maintainer/tracker/issues/" + number), 200, "GET",
                "/repos/{owner}/{repo}/issues/{issue_number}");
        assertThat(json(read).path("comments").asInt()).isEqualTo(1);
        assertValid(owner.get("/repos/maintainer/tracker/issues/999"), 404, "GET", "/repos/{owner}/{repo}/issues/{issue_number}");
    }

    @Test
    void repositoriesWithoutIssuesRefuseThem() {
        owner.post("/user/repos", "{\"name\":\"no-issues\",\"has_issues\":false}");
        assertValid(owner.post("/repos/maintainer/no-issues/issues", "{\"title\":\"t\"}"), 410, "POST", "/repos/{owner}/{repo}/issues");
    }

    @Test
    void searchFindsIssuesByTitleAndPullsByBranches() {
        sandbox.createRepository(ownerUser, "searchable");
        owner.post("/repos/maintainer/searchable/issues", "{\"title\":\"Login fails on Safari\"}");
        owner.post("/repos/maintainer/searchable/issues", "{\"title\":\"Login fails\"}");
        owner.post("/repos/maintainer/searchable/issues", "{\"title\":\"Unrelated\",\"body\":\"login\"}");

        HttpResponse<String> found = assertValid(owner.get("/search/issues?q="
                        + FormCodec.encodeComponent("repo:maintainer/searchable is:issue in:title \"login fails\"")),
                200, "GET", "/search/issues");
        assertThat(json(found).path("total_count").asInt()).isEqualTo(2);
        assertThat(json(found).path("items").findValuesAsText("title")).containsExactlyInAnyOrder("Login fails on Safari", "Login fails");

        HttpResponse<String> paged = owner.get("/search/issues?per_page=1&q=" + FormCodec.encodeComponent("repo:maintainer/searchable login"));
        assertThat(json(paged).path("total_count").asInt()).isEqualTo(3);
        assertThat(paged.headers().firstValue("Link").orElseThrow()).contains("rel=\"next\"");

        assertValid(owner.get("/search/issues?q=" + FormCodec.encodeComponent("repo:maintainer/nope bug")), 422, "GET", "/search/issues");
        assertValid(owner.get("/search/issues"), 422, "GET", "/search/issues");

        SandboxRepository repository = sandbox.createRepository(ownerUser, "searched-pulls");
        sandbox.commitFile(repository, "main", "README.md", "base");
        String main = sandbox.branches(repository).get("main");
        owner.post("/repos/maintainer/searched-pulls/git/refs", "{\"ref\":\"refs/heads/topic\",\"sha\":\"" + main + "\"}");
        sandbox.commitFile(repository, "topic", "topic.txt", "topic");
        owner.post("/repos/maintainer/searched-pulls/pulls", "{\"title\":\"Topic\",\"head\":\"topic\",\"base\":\"main\"}");
        HttpResponse<String> pulls = assertValid(owner.get("/search/issues?q="
                + FormCodec.encodeComponent("repo:maintainer/searched-pulls is:pr head:topic base:main")), 200, "GET", "/search/issues");
        assertThat(json(pulls).path("items").get(0).has("pull_request")).isTrue();
        assertThat(json(owner.get("/search/issues?q=" + FormCodec.encodeComponent("repo:maintainer/searched-pulls is:issue")))
                .path("total_count").asInt()).isZero();
    }

    @Test
    void pullRequestsAreOpenedReviewedAndMerged() {
        SandboxRepository repository = sandbox.createRepository(ownerUser, "pulls");
        String main = sandbox.branches(repository).get("main");
        owner.post("/repos/maintainer/pulls/git/refs", "{\"ref\":\"refs/heads/feature\",\"sha\":\"" + main + "\"}");
        assertValid(owner.post("/repos/maintainer/pulls/pulls", "{\"title\":\"Empty\",\"head\":\"feature\",\"base\":\"main\"}"),
                422, "POST", "/repos/{owner}/{repo}/pulls");
        owner.put("/repos/maintainer/pulls/contents/feature.txt",
                "{\"message\":\"feature\",\"content\":\"" + base64("new feature\n") + "\",\"branch\":\"feature\"}");

        HttpResponse<String> opened = assertValid(owner.post("/repos/maintainer/pulls/pulls",
                "{\"title\":\"Add feature\",\"head\":\"maintainer:feature\",\"base\":\"main\",\"body\":\"Please merge\"}"),
                201, "POST", "/repos/{owner}/{repo}/pulls");
        JsonNode pull = json(opened);
        int number = pull.path("number").asInt();
        assertThat(pull.path("mergeable").asBoolean()).isTrue();
        assertThat(pull.path("commits").asInt()).isEqualTo(1);
        assertThat(pull.path("additions").asInt()).isEqualTo(1);
        assertThat(pull.path("changed_files").asInt()).isEqualTo(1);
        assertValid(owner.post("/repos/maintainer/pulls/pulls", "{\"title\":\"Again\",\"head\":\"feature\",\"base\":\"main\"}"),
                422, "POST", "/repos/{owner}/{repo}/pulls");
        assertValid(owner.post("/repos/maintainer/pulls/pulls", "{\"title\":\"Ghost\",\"head\":\"ghost\",\"base\":\"main\"}"),
                422, "POST", "/repos/{owner}/{repo}/pulls");

        assertValid(owner.get("/repos/maintainer/pulls/pulls?head=maintainer:feature&base=main"), 200, "GET", "/repos/{owner}/{repo}/pulls");
        assertThat(json(owner.get("/repos/maintainer/pulls/pulls?head=maintainer:feature&base=main"))).hasSize(1);
        assertThat(json(owner.get("/repos/maintainer/pulls/pulls?head=maintainer:other"))).isEmpty();
        assertValid(owner.get("/repos/maintainer/pulls/pulls/" + number), 200, "GET", "/repos/{owner}/{repo}/pulls/{pull_number}");
        assertValid(owner.get("/repos/maintainer/pulls/issues/" + number), 200, "GET", "/repos/{owner}/{repo}/issues/{issue_number}");
        assertValid(owner.get("/repos/maintainer/pulls/pulls/99"), 404, "GET", "/repos/{owner}/{repo}/pulls/{pull_number}");

        HttpResponse<String> updated = assertValid(owner.patch("/repos/maintainer/pulls/pulls/" + number,
                "{\"title\":\"Add the feature\",\"maintainer_can_modify\":true}"), 200, "PATCH", "/repos/{owner}/{repo}/pulls/{pull_number}");
        assertThat(json(updated).path("title").asText()).isEqualTo("Add the feature");

        assertValid(owner.post("/repos/maintainer/pulls/pulls/" + number + "/reviews", "{\"event\":\"APPROVE\"}"), 422, "POST",
                "/repos/{owner}/{repo}/pulls/{pull_number}/reviews");
        assertValid(visitor.post("/repos/maintainer/pulls/pulls/" + number + "/reviews", "{\"event\":\"COMMENT\"}"), 422, "POST",
                "/repos/{owner}/{repo}/pulls/{pull_number}/reviews");
        HttpResponse<String> review = assertValid(visitor.post("/repos/maintainer/pulls/pulls/" + number + "/reviews",
                "{\"event\":\"APPROVE\",\"body\":\"LGTM\"}"), 200, "POST", "/repos/{owner}/{repo}/pulls/{pull_number}/reviews");
        assertThat(json(review).path("state").asText()).isEqualTo("APPROVED");
        assertThat(json(review).path("commit_id").asText()).isEqualTo(pull.path("head").path("sha").asText());
        assertValid(owner.get("/repos/maintainer/pulls/pulls/" + number + "/reviews"), 200, "GET",
                "/repos/{owner}/{repo}/pulls/{pull_number}/reviews");

        assertValid(owner.get("/repos/maintainer/pulls/pulls/" + number + "/merge"), 404, "GET",
                "/repos/{owner}/{repo}/pulls/{pull_number}/merge");
        assertValid(owner.put("/repos/maintainer/pulls/pulls/" + number + "/merge", "{\"sha\":\"" + "2".repeat(40) + "\"}"), 409,
                "PUT", "/repos/{owner}/{repo}/pulls/{pull_number}/merge");
        assertThat(visitor.put("/repos/maintainer/pulls/pulls/" + number + "/merge", "{}").statusCode()).isEqualTo(404);
        HttpResponse<String> merged = assertValid(owner.put("/repos/maintainer/pulls/pulls/" + number + "/merge",
                "{\"merge_method\":\"squash\",\"sha\":\"" + pull.path("head").path("sha").asText() + "\"}"), 200, "PUT",
                "/repos/{owner}/{repo}/pulls/{pull_number}/merge");
        assertThat(json(merged).path("merged").asBoolean()).isTrue();
        assertThat(sandbox.branches(repository).get("main")).isEqualTo(json(merged).path("sha").asText());
        assertThat(sandbox.fileContent(repository, "main", "feature.txt")).contains("new feature\n");
        assertValid(owner.get("/repos/maintainer/pulls/pulls/" + number + "/merge"), 204, "GET",
                "/repos/{owner}/{repo}/pulls/{pull_number}/merge");
        HttpResponse<String> after = assertValid(owner.get("/repos/maintainer/pulls/pulls/" + number), 200, "GET",
                "/repos/{owner}/{repo}/pulls/{pull_number}");
        assertThat(json(after).path("state").asText()).isEqualTo("closed");
        assertThat(json(after).path("merged_by").path("login").asText()).isEqualTo("maintainer");
        assertValid(owner.put("/repos/maintainer/pulls/pulls/" + number + "/merge", "{}"), 405, "PUT",
                "/repos/{owner}/{repo}/pulls/{pull_number}/merge");
        assertValid(owner.patch("/repos/maintainer/pulls/pulls/" + number, "{\"state\":\"open\"}"), 422, "PATCH",
                "/repos/{owner}/{repo}/pulls/{pull_number}");
    }

    @Test
    void conflictingPullRequestsCannotBeMerged() {
        SandboxRepository repository = sandbox.createRepository(ownerUser, "conflicts");
        String main = sandbox.branches(repository).get("main");
        owner.post("/repos/maintainer/conflicts/git/refs", "{\"ref\":\"refs/heads/left\",\"sha\":\"" + main + "\"}");
        sandbox.commitFile(repository, "left", "README.md", "left side");
        sandbox.commitFile(repository, "main", "README.md", "main side");
        HttpResponse<String> opened = owner.post("/repos/maintainer/conflicts/pulls",
                "{\"title\":\"Conflict\",\"head\":\"left\",\"base\":\"main\"}");
        assertThat(json(opened).path("mergeable").asBoolean(true)).isFalse();
        assertThat(json(opened).path("mergeable_state").asText()).isEqualTo("dirty");
        int number = json(opened).path("number").asInt();
        assertValid(owner.put("/repos/maintainer/conflicts/pulls/" + number + "/merge", "{}"), 405, "PUT",
                "/repos/{owner}/{repo}/pulls/{pull_number}/merge");
        HttpResponse<String> closed = owner.patch("/repos/maintainer/conflicts/pulls/" + number, "{\"state\":\"closed\"}");
        assertThat(json(closed).path("state").asText()).isEqualTo("closed");
        assertThat(json(closed).path("merged").asBoolean()).isFalse();
    }

    @Test
    void listsArePaginatedWithLinks() {
        sandbox.createRepository(ownerUser, "many-issues");
        for (int i = 1; i <= 7; i++) {
            owner.post("/repos/maintainer/many-issues/issues", "{\"title\":\"Issue " + i + "\"}");
        }
        HttpResponse<String> second = assertValid(owner.get("/repos/maintainer/many-issues/issues?per_page=3&page=2"), 200, "GET",
                "/repos/{owner}/{repo}/issues");
        assertThat(json(second).findValuesAsText("title")).containsExactly("Issue 4", "Issue 3", "Issue 2");
        assertThat(second.headers().firstValue("Link").orElseThrow()).contains("page=3>; rel=\"next\"", "page=1>; rel=\"prev\"");
    }

    @Test
    void privateRepositoriesOfOthersAreNotFound() {
        sandbox.createRepository(ownerUser, "secret", null, true);
        owner.post("/repos/maintainer/secret/issues", "{\"title\":\"Hidden\"}");
        assertValid(visitor.get("/repos/maintainer/secret/issues/1"), 404, "GET", "/repos/{owner}/{repo}/issues/{issue_number}");
        assertThat(visitor.post("/repos/maintainer/secret/issues", "{\"title\":\"x\"}").statusCode()).isEqualTo(404);
        assertThat(json(visitor.get("/search/issues?q=Hidden")).path("total_count").asInt()).isZero();
        assertThat(json(owner.get("/search/issues?q=Hidden")).path("total_count").asInt()).isEqualTo(1);
    }
}
