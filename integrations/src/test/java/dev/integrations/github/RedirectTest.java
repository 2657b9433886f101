package dev.integrations.github;

import dev.integrations.github.client.GithubClients;
import dev.integrations.github.sandbox.GithubSandbox;
import dev.integrations.github.sandbox.GithubSandboxExtension;
import dev.integrations.github.sandbox.RecordedRequest;
import dev.integrations.github.sandbox.SandboxRepository;
import dev.integrations.github.sandbox.SandboxResponse;
import dev.integrations.http.HttpTransport;
import dev.integrations.http.TransportException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Redirects: followed as GitHub documents (307/308 for every method), bounded, never carrying Authorization to another host")
class RedirectTest {
    private static final HttpTransport TRANSPORT = HttpTransport.create();

    @RegisterExtension
    final GithubSandboxExtension github = new GithubSandboxExtension();

    private GithubSandbox sandbox;
    private String token;
    private GithubClient client;

    @BeforeEach
    void setUp() {
        sandbox = github.sandbox();
        token = sandbox.issueToken(sandbox.defaultUser(), "repo");
        client = GithubClients.create(GithubSettings.builder().baseUrl(sandbox.apiUrl()).token(token).build(), TRANSPORT);
    }

    @Test
    @DisplayName("a renamed repository's 301 is followed on the same host, with the token")
    void renamedRepositoryIsFollowed() {
        SandboxRepository original = sandbox.repositories(sandbox.defaultUser()).get(0);
        sandbox.renameRepository(original, "Hello-Universe");

        GithubResponse response = client.rawRequest("GET", "/repos/octocat/Hello-World");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().get("full_name").asText()).isEqualTo("octocat/Hello-Universe");
        assertThat(sandbox.requests("/repos/octocat/Hello-World")).hasSize(1);
        List<RecordedRequest> followed = sandbox.requests("/repositories/" + original.id());
        assertThat(followed).hasSize(1);
        assertThat(followed.get(0).header("Authorization")).isEqualTo("Bearer " + token);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {301, 302, 307, 308})
    @DisplayName("a redirect to another host is followed without the Authorization header")
    void crossHostRedirectDropsCredentials(int status) {
        try (GithubSandbox elsewhere = GithubSandbox.start()) {
            elsewhere.enqueueResponse("/landing", SandboxResponse.json(200, "{\"ok\":true}"));
            sandbox.enqueueResponse("/repos/octocat/moved", SandboxResponse.json(status, "{\"message\":\"Moved\"}")
                    .withHeader("Location", elsewhere.apiUrl() + "/landing"));

            GithubResponse response = client.rawRequest("GET", "/repos/octocat/moved");

            assertThat(response.body().get("ok").asBoolean()).isTrue();
            List<RecordedRequest> received = elsewhere.requests("/landing");
            assertThat(received).hasSize(1);
            assertThat(received.get(0).header("Authorization")).isNull();
            assertThat(received.get(0).headers().values()).allSatisfy(values ->
                    assertThat(String.join(",", values)).doesNotContain(token));
            assertThat(sandbox.requests("/repos/octocat/moved").get(0).header("Authorization")).isEqualTo("Bearer " + token);
        }
    }

    @Test
    @DisplayName("once credentials are dropped they stay dropped, even if the chain comes back")
    void credentialsStayDroppedAfterLeaving() {
        try (GithubSandbox elsewhere = GithubSandbox.start()) {
            sandbox.enqueueResponse("/out", SandboxResponse.json(302, "{}").withHeader("Location", elsewhere.apiUrl() + "/hop"));
            elsewhere.enqueueResponse("/hop", SandboxResponse.json(302, "{}").withHeader("Location", sandbox.apiUrl() + "/back"));
            sandbox.enqueueResponse("/back", SandboxResponse.json(200, "{\"back\":true}"));

            assertThat(client.rawRequest("GET", "/out").body().get("back").asBoolean()).isTrue();
            assertThat(elsewhere.requests("/hop").get(0).header("Authorization")).isNull();
        }
    }

    @Test
    @DisplayName("a POST's 301/302 and a write's 303 are returned, not followed (no silent POST-to-GET)")
    void postMovedAndSeeOtherAreReturned() {
        try (GithubSandbox elsewhere = GithubSandbox.start()) {
            for (int status : new int[] {301, 302, 303}) {
                sandbox.enqueueResponse("/repos/octocat/old/issues", SandboxResponse.json(status, "{\"message\":\"Moved\"}")
                        .withHeader("Location", elsewhere.apiUrl() + "/repos/octocat/new/issues"));

                GithubResponse response = client.rawRequest("POST", "/repos/octocat/old/issues", Map.of("title", "t"));

                assertThat(response.status()).isEqualTo(status);
                assertThat(response.header("location")).isPresent();
            }
            sandbox.enqueueResponse("/repos/octocat/old", SandboxResponse.json(303, "{}")
                    .withHeader("Location", elsewhere.apiUrl() + "/elsewhere"));
            assertThat(client.rawRequest("PATCH", "/repos/octocat/old", Map.of("name", "n")).status()).isEqualTo(303);
            assertThat(elsewhere.requests()).isEmpty();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"POST", "PATCH", "PUT", "DELETE"})
    @DisplayName("defect 17: a 307 to a write is repeated at Location with the same method and body")
    void defect17_writeIsRepeatedAfter307(String method) {
        sandbox.enqueueResponse("/repos/octocat/old/thing", SandboxResponse.json(307, "{\"message\":\"Temporary Redirect\"}")
                .withHeader("Location", sandbox.apiUrl() + "/repositories/1000/thing"));
        sandbox.enqueueResponse("/repositories/1000/thing", SandboxResponse.json(200, "{\"done\":true}"));

        GithubResponse response = client.rawRequest(method, "/repos/octocat/old/thing", Map.of("name", "renamed"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body().get("done").asBoolean()).isTrue();
        List<RecordedRequest> repeated = sandbox.requests("/repositories/1000/thing");
        assertThat(repeated).hasSize(1);
        assertThat(repeated.get(0).method()).isEqualTo(method);
        assertThat(repeated.get(0).body()).isEqualTo("{\"name\":\"renamed\"}");
        assertThat(repeated.get(0).header("Authorization")).isEqualTo("Bearer " + token);
    }

    @Test
    @DisplayName("defect 17: a 308 to a PATCH on another host is repeated there without Authorization")
    void defect17_crossHostWriteRedirectDropsCredentials() {
        try (GithubSandbox elsewhere = GithubSandbox.start()) {
            elsewhere.enqueueResponse("/landing", SandboxResponse.json(200, "{\"ok\":true}"));
            sandbox.enqueueResponse("/repos/octocat/moved", SandboxResponse.json(308, "{}")
                    .withHeader("Location", elsewhere.apiUrl() + "/landing"));

            client.rawRequest("PATCH", "/repos/octocat/moved", Map.of("description", "d"));

            RecordedRequest received = elsewhere.requests("/landing").get(0);
            assertThat(received.method()).isEqualTo("PATCH");
            assertThat(received.body()).contains("\"description\"");
            assertThat(received.header("Authorization")).isNull();
        }
    }

    @Test
    @DisplayName("defect 17: an issue updated through a renamed repository's old name is updated (PATCH -> 307 -> PATCH)")
    void defect17_updateThroughOldNameSucceeds() {
        SandboxRepository original = sandbox.repositories(sandbox.defaultUser()).get(0);
        GithubResponse created = client.rawRequest("POST", "/repos/octocat/" + original.name() + "/issues",
                Map.of("title", "Before"));
        long number = created.body().get("number").asLong();
        sandbox.renameRepository(original, "Hello-Universe");
        sandbox.clearRequests();

        GithubResponse updated = client.rawRequest("PATCH", "/repos/octocat/" + original.name() + "/issues/" + number,
                Map.of("title", "After"));

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.body().get("title").asText()).isEqualTo("After");
        assertThat(sandbox.requests("/repos/octocat/" + original.name() + "/issues/" + number).get(0).method())
                .isEqualTo("PATCH");
        assertThat(sandbox.requests("/repositories/" + original.id() + "/issues/" + number))
                .singleElement().satisfies(r -> assertThat(r.method()).isEqualTo("PATCH"));
        assertThat(client.rawRequest("GET", "/repos/octocat/Hello-Universe/issues/" + number).body().get("title").asText())
                .isEqualTo("After");
    }

    @Test
    @DisplayName("defect 17: updating a renamed repository through its old name succeeds (PATCH -> 307 -> PATCH /repositories/{id})")
    void defect17_repositoryUpdateThroughOldNameSucceeds() {
        SandboxRepository original = sandbox.repositories(sandbox.defaultUser()).get(0);
        sandbox.renameRepository(original, "Hello-Universe");

        GithubResponse updated = client.rawRequest("PATCH", "/repos/octocat/" + original.name(),
                Map.of("description", "Renamed, still writable"));

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.body().get("full_name").asText()).isEqualTo("octocat/Hello-Universe");
        assertThat(sandbox.requests("/repositories/" + original.id())).singleElement()
                .satisfies(r -> assertThat(r.method()).isEqualTo("PATCH"));
        assertThat(client.rawRequest("GET", "/repos/octocat/Hello-Universe").body().get("description").asText())
                .isEqualTo("Renamed, still writable");
    }

    @Test
    @DisplayName("defect 17: a 307 to a write whose body is a stream of unknown length is returned, not re-sent")
    void defect17_unreplayableBodyIsNotResent() {
        sandbox.enqueueResponse("/stream", SandboxResponse.json(307, "{}").withHeader("Location", sandbox.apiUrl() + "/elsewhere"));
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(sandbox.apiUrl().resolve("/stream"))
                .header("User-Agent", "redirect-test")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(
                        () -> new java.io.ByteArrayInputStream("{}".getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                .build();

        dev.integrations.http.HttpResult result = TRANSPORT.send(request,
                List.of(new dev.integrations.internal.http.RedirectStep(5)), HttpTransport.DEFAULT_MAX_BODY_BYTES);

        assertThat(result.status()).isEqualTo(307);
        assertThat(sandbox.requests("/elsewhere")).isEmpty();
    }

    @Test
    @DisplayName("a redirect loop stops after max_redirects hops")
    void loopsAreBounded() {
        for (int i = 0; i < 10; i++) {
            sandbox.enqueueResponse("/loop", SandboxResponse.json(302, "{}").withHeader("Location", "/loop"));
        }

        assertThatThrownBy(() -> client.rawRequest("GET", "/loop")).isInstanceOf(TransportException.class)
                .hasMessageContaining("more than 5").hasMessageNotContaining(token);
        assertThat(sandbox.requests("/loop")).hasSize(6);

        sandbox.clearRequests();
        GithubResponse unfollowed = client.withSettings(Map.of("max_redirects", 0)).rawRequest("GET", "/loop");
        assertThat(unfollowed.status()).isEqualTo(302);
        assertThat(sandbox.requests("/loop")).hasSize(1);
    }
}
