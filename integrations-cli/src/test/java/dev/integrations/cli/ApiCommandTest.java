package dev.integrations.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.integrations.github.sandbox.GithubSandbox;
import dev.integrations.github.sandbox.GithubSandboxExtension;
import dev.integrations.github.sandbox.RecordedRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(GithubSandboxExtension.class)
class ApiCommandTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private CliHarness cli;

    @BeforeEach
    void logIn(GithubSandbox sandbox) {
        cli = new CliHarness(sandbox, temp);
        cli.runWithInput(sandbox.issueToken(sandbox.defaultUser(), "repo", "user"), "auth", "login", "--with-token")
                .succeeds();
    }

    @Test
    void getPrintsTheResponseAsIndentedJson() throws Exception {
        CliHarness.Result result = cli.run("api", "user").succeeds();
        assertThat(result.out()).contains("\n  \"login\" : \"octocat\"");
        assertThat(JSON.readTree(result.out()).path("id").asInt()).isEqualTo(1);
        assertThat(result.err()).isEmpty();
    }

    @Test
    void fieldsMakeAPostWithAJsonBodyAndTypedFieldsKeepTheirType(GithubSandbox sandbox) throws Exception {
        Path description = temp.resolve("description.txt");
        Files.writeString(description, "made from a file");
        CliHarness.Result result = cli.run("api", "/user/repos", "-f", "name=from-cli", "-F", "private=true",
                "-F", "description=@" + description).succeeds();

        JsonNode created = JSON.readTree(result.out());
        assertThat(created.path("full_name").asText()).isEqualTo("octocat/from-cli");
        assertThat(created.path("private").asBoolean()).isTrue();
        assertThat(created.path("description").asText()).isEqualTo("made from a file");
        RecordedRequest request = last(sandbox.requests("/user/repos"));
        assertThat(request.method()).isEqualTo("POST");
        assertThat(JSON.readTree(request.body()).path("private").isBoolean()).isTrue();
    }

    @Test
    void fieldsOfAGetBecomeQueryParameters(GithubSandbox sandbox) {
        cli.run("api", "-X", "GET", "user/repos", "-f", "per_page=1", "-F", "page=2").succeeds();
        RecordedRequest request = last(sandbox.requests("/user/repos"));
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.query()).contains("per_page=1").contains("page=2");
    }

    @Test
    void paginateFollowsLinkHeadersAndPrintsOneMergedArray(GithubSandbox sandbox) throws Exception {
        for (int i = 0; i < 4; i++) {
            sandbox.createRepository(sandbox.defaultUser(), "extra-" + i);
        }
        int total = sandbox.repositories(sandbox.defaultUser()).size();
        sandbox.clearRequests();

        CliHarness.Result result = cli.run("api", "--paginate", "user/repos?per_page=2").succeeds();

        JsonNode items = JSON.readTree(result.out());
        assertThat(items.isArray()).isTrue();
        assertThat(items.size()).isEqualTo(total);
        assertThat(sandbox.requests("/user/repos")).hasSize((total + 1) / 2);
    }

    @Test
    void includePrintsTheStatusAndHeadersBeforeTheBody() {
        CliHarness.Result result = cli.run("api", "-i", "user").succeeds();
        assertThat(result.out()).startsWith("HTTP 200\n").contains("etag: ").contains("\n\n{");
    }

    @Test
    void extraHeadersAreSentButAuthorizationIsRefused(GithubSandbox sandbox) {
        cli.run("api", "-H", "X-Trace: abc", "user").succeeds();
        assertThat(last(sandbox.requests("/user")).header("X-Trace")).isEqualTo("abc");

        CliHarness.Result refused = cli.run("api", "-H", "Authorization: token other", "user");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("comes from the stored login");
    }

    @Test
    void anErrorStatusPrintsGithubsMessageOnStderrAndExits1() {
        CliHarness.Result result = cli.run("api", "repos/octocat/does-not-exist");
        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.out()).isEmpty();
        assertThat(result.err()).contains("404").contains("Not Found");
    }

    @Test
    void aRevokedTokenExits4WithHowToLogInAgain(GithubSandbox sandbox) {
        String token = cli.run("auth", "token").succeeds().out().strip();
        sandbox.revokeToken(token);
        CliHarness.Result result = cli.run("api", "user");
        assertThat(result.exitCode()).isEqualTo(4);
        assertThat(result.err()).contains("integrations auth login");
    }

    @Test
    void loggedOutItExits4AndSaysTheLoginCommandToTypeWithHostnameOnlyForAnotherHost(GithubSandbox sandbox) {
        String host = sandbox.baseUri().getAuthority();
        cli.run("auth", "logout").succeeds();

        CliHarness.Result defaultHost = cli.run("api", "user");
        CliHarness.Result otherHost = cli.run("api", "--hostname", "ghe.example.com", "user");

        assertThat(defaultHost.exitCode()).isEqualTo(4);
        assertThat(defaultHost.err().strip()).isEqualTo("You are not logged in to " + host
                + ". To log in, run: integrations auth login");
        assertThat(otherHost.exitCode()).isEqualTo(4);
        assertThat(otherHost.err().strip()).isEqualTo("You are not logged in to ghe.example.com."
                + " To log in, run: integrations auth login --hostname ghe.example.com");
    }

    @Test
    void paginateWithAWriteIsAUsageError() {
        CliHarness.Result result = cli.run("api", "--paginate", "-X", "POST", "user/repos");
        assertThat(result.exitCode()).isEqualTo(2);
    }

    @Test
    void aUrlOfAnotherHostIsRefusedBeforeAnythingIsSent(GithubSandbox sandbox) {
        sandbox.clearRequests();
        CliHarness.Result result = cli.run("api", "https://evil.example/user");
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(sandbox.requests()).isEmpty();
    }

    private static RecordedRequest last(List<RecordedRequest> requests) {
        assertThat(requests).isNotEmpty();
        return requests.get(requests.size() - 1);
    }
}
