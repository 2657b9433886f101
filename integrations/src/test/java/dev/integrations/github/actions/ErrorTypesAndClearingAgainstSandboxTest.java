package dev.integrations.github.actions;

import dev.integrations.github.catalog.GithubActions;

import dev.integrations.github.client.GithubClients;
import com.fasterxml.jackson.databind.JsonNode;
import dev.integrations.github.GithubClient;
import dev.integrations.github.GithubSettings;
import dev.integrations.github.model.Issue;
import dev.integrations.github.model.PullRequest;
import dev.integrations.github.sandbox.GithubSandbox;
import dev.integrations.github.sandbox.GithubSandboxExtension;
import dev.integrations.github.sandbox.RecordedRequest;
import dev.integrations.github.sandbox.SandboxUser;
import dev.integrations.http.ApiException;
import dev.integrations.http.ConflictException;
import dev.integrations.http.GoneException;
import dev.integrations.http.HttpTransport;
import dev.integrations.http.MethodNotAllowedException;
import dev.integrations.internal.json.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("defect 19: 405/409/410 are typed, a failed merge keeps the created pull request, updateIssue can clear fields")
class ErrorTypesAndClearingAgainstSandboxTest {
    private static final HttpTransport TRANSPORT = HttpTransport.create();

    @RegisterExtension
    final GithubSandboxExtension extension = new GithubSandboxExtension();

    private GithubSandbox sandbox;
    private GithubClient github;
    private String token;

    @BeforeEach
    void setUp() {
        sandbox = extension.sandbox();
        SandboxUser dev = sandbox.registerUser("dev");
        token = sandbox.issueToken(dev, "repo");
        github = GithubClients.create(GithubSettings.builder().baseUrl(sandbox.apiUrl()).token(token).build(), TRANSPORT);
    }

    private static void carriesGithubsDetails(ApiException e, int status) {
        assertThat(e.status()).isEqualTo(status);
        assertThat(e.apiMessage()).isPresent();
        assertThat(e.documentationUrl()).hasValueSatisfying(url -> assertThat(url).startsWith("https://docs.github.com/"));
        assertThat(e.requestId()).isPresent();
        assertThat(e.getMessage()).contains(String.valueOf(status)).doesNotContain(e.getClass().getName());
    }

    private PullRequest openPull(String repo, String branch, boolean draft) {
        github.createBranch(r -> r.owner("dev").repo(repo).branch(branch));
        github.createOrUpdateFile(r -> r.owner("dev").repo(repo).path(branch + ".txt").message("Work").content("work\n")
                .branch(branch));
        return github.createPullRequest(r -> r.owner("dev").repo(repo).title("Work on " + branch).head(branch).base("main")
                .draft(draft)).pullRequest();
    }

    @Test
    @DisplayName("defect 19: merging a draft is a MethodNotAllowedException (405) with GitHub's message, docs and request id")
    void defect19_405IsMethodNotAllowed() {
        github.createRepository(r -> r.name("merges").autoInit(true));
        PullRequest draft = openPull("merges", "drafty", true);

        assertThatThrownBy(() -> github.rawRequest("PUT", "/repos/dev/merges/pulls/" + draft.number() + "/merge", Map.of()))
                .isInstanceOfSatisfying(MethodNotAllowedException.class, e -> {
                    carriesGithubsDetails(e, 405);
                    assertThat(e.getMessage()).contains("not allow").doesNotContain(token);
                });
    }

    @Test
    @DisplayName("defect 19: merging with a stale head sha is a ConflictException (409)")
    void defect19_409IsConflict() {
        github.createRepository(r -> r.name("conflicts").autoInit(true));
        PullRequest pull = openPull("conflicts", "topic", false);

        assertThatThrownBy(() -> github.rawRequest("PUT", "/repos/dev/conflicts/pulls/" + pull.number() + "/merge",
                Map.of("sha", "0000000000000000000000000000000000000000")))
                .isInstanceOfSatisfying(ConflictException.class, e -> {
                    carriesGithubsDetails(e, 409);
                    assertThat(e.getMessage()).contains("re-read");
                });
    }

    @Test
    @DisplayName("defect 19: a new issue where issues are disabled is a GoneException (410)")
    void defect19_410IsGone() {
        github.createRepository(r -> r.name("no-issues").hasIssues(false));

        assertThatThrownBy(() -> github.createIssue(r -> r.owner("dev").repo("no-issues").title("Hello")))
                .isInstanceOfSatisfying(GoneException.class, e -> {
                    carriesGithubsDetails(e, 410);
                    assertThat(e.getMessage()).contains("do not retry");
                });
    }

    @Test
    @DisplayName("defect 19: when the merge after createPullRequest fails, the exception carries the created, still open pull request")
    void defect19_failedMergeKeepsTheCreatedPullRequest() {
        github.createRepository(r -> r.name("clash").autoInit(true));
        github.createBranch(r -> r.owner("dev").repo("clash").branch("topic"));
        github.createOrUpdateFile(r -> r.owner("dev").repo("clash").path("same.txt").message("Topic").content("topic\n")
                .branch("topic"));
        github.createOrUpdateFile(r -> r.owner("dev").repo("clash").path("same.txt").message("Main").content("main\n")
                .branch("main"));

        assertThatThrownBy(() -> github.createPullRequest(r -> r.owner("dev").repo("clash").title("Clashing")
                .head("topic").base("main").merge(true)))
                .isInstanceOfSatisfying(PullRequestMergeException.class, e -> {
                    PullRequest created = e.pullRequest();
                    assertThat(created.number()).isPositive();
                    assertThat(created.htmlUrl()).isNotBlank();
                    assertThat(e.mergeFailure()).isInstanceOf(MethodNotAllowedException.class).isSameAs(e.getCause());
                    assertThat(e.getMessage()).contains("#" + created.number()).contains(created.htmlUrl())
                            .contains("was created").contains("merging it failed").contains("do not create it again")
                            .doesNotContain(token);
                    PullRequest reread = github.findPullRequest(r -> r.owner("dev").repo("clash")
                            .pullNumber(created.number())).orElseThrow();
                    assertThat(reread.state()).isEqualTo("open");
                    assertThat(reread.merged()).isFalse();
                });
    }

    @Test
    @DisplayName("defect 19: updateIssue clears milestone, assignee and body by sending JSON null")
    void defect19_updateIssueClearsNullableFields() {
        github.createRepository(r -> r.name("tracker"));
        Issue issue = github.createIssue(r -> r.owner("dev").repo("tracker").title("Tidy up").body("Some text")
                .assignees(List.of("dev")));
        assertThat(issue.body()).isEqualTo("Some text");
        assertThat(issue.assignees()).containsExactly("dev");
        sandbox.clearRequests();

        Issue cleared = github.updateIssue(r -> r.owner("dev").repo("tracker").issueNumber(issue.number())
                .clearMilestone().clearAssignee().clearBody());

        assertThat(cleared.body()).isNull();
        assertThat(cleared.assignees()).isEmpty();
        assertThat(cleared.title()).isEqualTo("Tidy up");
        RecordedRequest sent = sandbox.requests("/repos/dev/tracker/issues/" + issue.number()).get(0);
        JsonNode body = parse(sent.body());
        assertThat(body.has("milestone") && body.get("milestone").isNull()).isTrue();
        assertThat(body.has("assignee") && body.get("assignee").isNull()).isTrue();
        assertThat(body.has("body") && body.get("body").isNull()).isTrue();
        assertThat(body.has("title")).as("fields not named stay out").isFalse();
    }

    @Test
    @DisplayName("defect 19: the updateIssue action's JSON schema and invoke take 'clear'; set-and-clear is refused before sending")
    void defect19_clearThroughTheCatalog() {
        github.createRepository(r -> r.name("agent"));
        Issue issue = github.createIssue(r -> r.owner("dev").repo("agent").title("Agent").body("Text"));
        JsonNode schema = GithubActions.of(github).find("updateIssue").orElseThrow().parameters();
        assertThat(schema.at("/properties/clear/items/enum")).extracting(JsonNode::asText)
                .containsExactly("milestone", "assignee", "body");

        JsonNode result = GithubActions.of(github).invoke("updateIssue", "{\"owner\":\"dev\",\"repo\":\"agent\",\"issue_number\":"
                + issue.number() + ",\"clear\":[\"body\"]}");
        assertThat(result.get("body").isNull() || result.get("body").isMissingNode()).isTrue();
        assertThat(github.findIssue(r -> r.owner("dev").repo("agent").issueNumber(issue.number())).orElseThrow().body())
                .isNull();

        sandbox.clearRequests();
        assertThatThrownBy(() -> GithubActions.of(github).invoke("updateIssue", "{\"owner\":\"dev\",\"repo\":\"agent\","
                + "\"issue_number\":1,\"body\":\"x\",\"clear\":[\"body\"]}"))
                .isInstanceOf(InvalidActionArgumentsException.class).hasMessageContaining("both set and cleared");
        assertThatThrownBy(() -> UpdateIssueRequest.of(r -> r.owner("dev").repo("agent").issueNumber(1).milestone(3L)
                .clearMilestone())).isInstanceOf(InvalidActionArgumentsException.class);
        assertThat(sandbox.requests()).isEmpty();
    }

    private static JsonNode parse(String json) {
        try {
            return Json.parse(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
