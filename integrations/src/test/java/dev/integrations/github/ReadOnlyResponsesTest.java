package dev.integrations.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.integrations.github.client.GithubClients;
import dev.integrations.github.model.GithubUser;
import dev.integrations.github.sandbox.GithubSandbox;
import dev.integrations.github.sandbox.GithubSandboxExtension;
import dev.integrations.github.sandbox.RecordedRequest;
import dev.integrations.http.HttpResult;
import dev.integrations.http.HttpTransport;
import dev.integrations.internal.json.ReadOnlyJson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("issue 12: response bodies are parsed once into read-only trees that results share instead of copying")
class ReadOnlyResponsesTest {
    @RegisterExtension
    final GithubSandboxExtension github = new GithubSandboxExtension();

    private static final HttpTransport TRANSPORT = HttpTransport.create();

    private GithubSandbox sandbox;
    private GithubClient client;

    @BeforeEach
    void setUp() {
        sandbox = github.sandbox();
        client = GithubClients.create(GithubSettings.builder().baseUrl(sandbox.apiUrl())
                .token(sandbox.issueToken(sandbox.defaultUser(), "repo")).build(), TRANSPORT);
    }

    @Test
    @DisplayName("a response body cannot be changed, and deepCopy() gives a tree that can")
    void bodyIsReadOnly() {
        GithubResponse response = client.rawRequest("GET", "/user");
        JsonNode body = response.body();

        assertThatThrownBy(() -> ((ObjectNode) body).put("login", "mallory"))
                .isInstanceOf(UnsupportedOperationException.class);
        ObjectNode copy = (ObjectNode) body.deepCopy();
        copy.put("login", "mallory");
        assertThat(copy.get("login").asText()).isEqualTo("mallory");
        assertThat(response.body().get("login").asText()).isEqualTo(sandbox.defaultUser().login());
        assertThat(response.body()).isSameAs(body);
    }

    @Test
    @DisplayName("getAuthenticatedUser() keeps the response's tree as its raw JSON, without a copy, and it stays read-only")
    void typedResultSharesTheTree() {
        GithubUser me = client.getAuthenticatedUser();

        assertThat(me.login()).isEqualTo(sandbox.defaultUser().login());
        assertThat(ReadOnlyJson.isReadOnly(me.raw())).isTrue();
        assertThat(me.raw()).isSameAs(me.raw());
        assertThatThrownBy(() -> ((ObjectNode) me.raw()).remove("login")).isInstanceOf(UnsupportedOperationException.class);
        assertThat(me.raw().get("login").asText()).isEqualTo(me.login());
    }

    @Test
    @DisplayName("a record built from a caller's mutable tree keeps its own read-only copy: later edits do not show")
    void recordCopiesAMutableTree() {
        ObjectNode json = JsonNodeFactory.instance.objectNode().put("login", "octocat").put("id", 1L);

        GithubUser user = GithubUser.fromJson(json);
        json.put("login", "mallory");

        assertThat(user.raw()).isNotSameAs(json);
        assertThat(user.raw().get("login").asText()).isEqualTo("octocat");
        assertThat(user.login()).isEqualTo("octocat");
    }

    @Test
    @DisplayName("every record keeps a read-only copy of a caller's mutable tree, not the tree itself")
    void otherRecordsCopyAMutableTreeToo() {
        ObjectNode json = JsonNodeFactory.instance.objectNode().put("id", 7L).put("name", "bug");

        dev.integrations.github.model.Label label = dev.integrations.github.model.Label.fromJson(json);
        json.put("name", "feature");

        assertThat(label.raw()).isNotSameAs(json);
        assertThat(ReadOnlyJson.isReadOnly(label.raw())).isTrue();
        assertThat(label.raw().get("name").asText()).isEqualTo("bug");
    }

    @Test
    @DisplayName("the headers and text of a received response are read from it when asked for, names lower case")
    void headersAndTextOnDemand() {
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://api.github.com/user")).build();
        HttpHeaders headers = HttpHeaders.of(Map.of("Content-Type", List.of("application/json"),
                "X-GitHub-Request-Id", List.of("ABCD:1234")), (name, value) -> true);
        byte[] bytes = "{\"login\":\"octocat\"}".getBytes(StandardCharsets.UTF_8);
        JsonNode body = JsonNodeFactory.instance.objectNode().put("login", "octocat");

        GithubResponse response = GithubResponse.of(new HttpResult(request, 200, headers, bytes), body);

        assertThat(response.header("x-github-request-id")).contains("ABCD:1234");
        assertThat(response.requestId()).contains("ABCD:1234");
        assertThat(response.headers()).containsOnlyKeys("content-type", "x-github-request-id");
        assertThat(response.text()).isEqualTo("{\"login\":\"octocat\"}");
        assertThat(ReadOnlyJson.isReadOnly(response.body())).isTrue();
        assertThat(response).isEqualTo(new GithubResponse(200, Map.of("content-type", List.of("application/json"),
                "x-github-request-id", List.of("ABCD:1234")), body, "{\"login\":\"octocat\"}"));
        assertThat(response.toString()).doesNotContain("octocat").contains("200");
    }

    @Test
    @DisplayName("requests of one session share one prepared header set: the same headers reach GitHub on every call")
    void preparedHeadersReachGithub() {
        client.getAuthenticatedUser();
        client.getAuthenticatedUser();
        client.rawRequest("POST", "/user/repos", Map.of("name", "prepared-headers"));

        List<RecordedRequest> users = sandbox.requests("/user");
        assertThat(users).hasSize(2);
        for (RecordedRequest sent : users) {
            assertThat(sent.header("Accept")).isEqualTo("application/vnd.github+json");
            assertThat(sent.header("X-GitHub-Api-Version")).isEqualTo(GithubSettings.DEFAULT_API_VERSION);
            assertThat(sent.header("User-Agent")).isEqualTo(GithubSettings.DEFAULT_USER_AGENT);
            assertThat(sent.header("Authorization")).startsWith("Bearer ");
        }
        RecordedRequest created = sandbox.requests("/user/repos").get(0);
        assertThat(created.header("Content-Type")).isEqualTo("application/json");
        assertThat(created.header("Authorization")).isEqualTo(users.get(0).header("Authorization"));
    }
}
