package dev.integrations.github;

import dev.integrations.github.client.GithubClients;
import dev.integrations.github.sandbox.GithubSandbox;
import dev.integrations.github.sandbox.GithubSandboxExtension;
import dev.integrations.github.sandbox.SandboxResponse;
import dev.integrations.http.HttpTransport;
import dev.integrations.http.NotFoundException;
import dev.integrations.http.RetryPolicy;
import dev.integrations.internal.http.RetryStep;
import dev.integrations.http.ServerErrorException;
import dev.integrations.http.TransportException;
import dev.integrations.testing.RecordingSleeper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Retries: reads (and writes marked retry-safe) only, on 502/503/504 and connection failures, with bounded backoff")
class RetryTest {
    private static final HttpTransport TRANSPORT = HttpTransport.create();
    private static final String ERROR = "{\"message\":\"Service Unavailable\"}";

    @RegisterExtension
    final GithubSandboxExtension github = new GithubSandboxExtension();

    private GithubSandbox sandbox;
    private RecordingSleeper sleeper;
    private String token;

    @BeforeEach
    void setUp() {
        sandbox = github.sandbox();
        sleeper = new RecordingSleeper();
        token = sandbox.issueToken(sandbox.defaultUser());
    }

    private GithubClient client(URI baseUrl, RetryPolicy policy) {
        return GithubClients.create(GithubSettings.builder().baseUrl(baseUrl).token(token).retryPolicy(policy)
                .sleeper(sleeper).build(), TRANSPORT);
    }

    private GithubClient client() {
        return client(sandbox.apiUrl(), new RetryPolicy(3, Duration.ofMillis(100), Duration.ofSeconds(2)));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(ints = {502, 503, 504})
    @DisplayName("a GET is retried after a gateway or availability error, and succeeds")
    void getIsRetried(int status) {
        sandbox.enqueueResponse("/user", SandboxResponse.json(status, ERROR));
        sandbox.enqueueResponse("/user", SandboxResponse.json(status, ERROR));

        assertThat(client().getAuthenticatedUser().login()).isEqualTo("octocat");

        assertThat(sandbox.requests("/user")).hasSize(3);
        assertThat(sleeper.waits()).hasSize(2);
        assertThat(sleeper.waits().get(0)).isBetween(Duration.ofMillis(50), Duration.ofMillis(100));
        assertThat(sleeper.waits().get(1)).isBetween(Duration.ofMillis(100), Duration.ofMillis(200));
    }

    @Test
    @DisplayName("retries stop after max_retries, and the last error is thrown")
    void retriesAreBounded() {
        for (int i = 0; i < 5; i++) {
            sandbox.enqueueResponse("/user", SandboxResponse.json(503, ERROR));
        }

        assertThatThrownBy(client()::getAuthenticatedUser).isInstanceOf(ServerErrorException.class);
        assertThat(sandbox.requests("/user")).hasSize(4);
        assertThat(sleeper.waits()).hasSize(3).allSatisfy(w -> assertThat(w).isLessThanOrEqualTo(Duration.ofSeconds(2)));
    }

    @Test
    @DisplayName("a 503 is not retried for POST or PATCH: one request reaches the server")
    void postAndPatchAreNeverRetried() {
        sandbox.enqueueResponse("/user/repos", SandboxResponse.json(503, ERROR));
        sandbox.enqueueResponse("/user", SandboxResponse.json(503, ERROR));

        assertThatThrownBy(() -> client().rawRequest("POST", "/user/repos", Map.of("name", "x")))
                .isInstanceOf(ServerErrorException.class);
        assertThatThrownBy(() -> client().rawRequest("PATCH", "/user", Map.of("bio", "x")))
                .isInstanceOf(ServerErrorException.class);

        assertThat(sandbox.requests("/user/repos")).hasSize(1);
        assertThat(sandbox.requests("/user")).hasSize(1);
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    @DisplayName("defect 18: a PUT or DELETE that got 502 is not retried: the first attempt may have committed")
    void defect18_putAndDeleteAreSentOnce() {
        String path = "/user/starred/octocat/Hello-World";
        sandbox.enqueueResponse(path, SandboxResponse.json(502, ERROR));
        sandbox.enqueueResponse(path, SandboxResponse.json(502, ERROR));

        assertThatThrownBy(() -> client().rawRequest("PUT", path)).isInstanceOf(ServerErrorException.class);
        assertThatThrownBy(() -> client().rawRequest("DELETE", path)).isInstanceOf(ServerErrorException.class);
        assertThat(sandbox.requests(path)).hasSize(2);
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    @DisplayName("defect 18: a contents PUT that timed out is not re-sent (a re-send would get 409 for a committed write)")
    void defect18_timedOutPutIsNotResent() {
        String path = "/repos/octocat/Hello-World/contents/notes.txt";
        sandbox.enqueueResponse(path, SandboxResponse.json(200, "{}").withDelay(Duration.ofSeconds(2)));
        GithubClient client = GithubClients.create(GithubSettings.builder().baseUrl(sandbox.apiUrl()).token(token)
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(40)))
                .timeout(Duration.ofMillis(300)).sleeper(sleeper).build(), TRANSPORT);

        assertThatThrownBy(() -> client.rawRequest("PUT", path, Map.of("message", "m", "content", "aGk=")))
                .isInstanceOf(TransportException.class);
        assertThat(sandbox.requests(path)).hasSize(1);
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    @DisplayName("defect 18: a PUT the caller marks retry-safe is retried, and the marker never reaches GitHub")
    void defect18_markedPutIsRetried() {
        String path = "/user/starred/octocat/Hello-World";
        sandbox.enqueueResponse(path, SandboxResponse.json(502, ERROR));
        sandbox.enqueueResponse(path, SandboxResponse.json(204, ""));

        GithubResponse response = client().rawRequest(r -> r.method("PUT").path(path).retrySafe());

        assertThat(response.status()).isEqualTo(204);
        assertThat(sandbox.requests(path)).hasSize(2)
                .allSatisfy(r -> assertThat(r.header(RetryStep.RETRY_SAFE_HEADER)).isNull());
        assertThat(sleeper.waits()).hasSize(1);
    }

    @Test
    @DisplayName("a Retry-After on a 503 lengthens the wait within the bound")
    void retryAfterIsHonoured() {
        sandbox.enqueueResponse("/user", SandboxResponse.json(503, ERROR).withHeader("Retry-After", "1"));

        client().getAuthenticatedUser();

        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(1));
    }

    @Test
    @DisplayName("connection failures are retried for GET, never for POST")
    void connectionFailures() throws IOException {
        URI dead;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            dead = URI.create("http://127.0.0.1:" + socket.getLocalPort());
        }
        GithubClient client = client(dead, new RetryPolicy(2, Duration.ofMillis(10), Duration.ofMillis(40)));

        assertThatThrownBy(client::getAuthenticatedUser).isInstanceOf(TransportException.class)
                .hasMessageNotContaining(token);
        assertThat(sleeper.waits()).hasSize(2);

        assertThatThrownBy(() -> client.rawRequest("POST", "/user/repos", Map.of("name", "x")))
                .isInstanceOf(TransportException.class);
        assertThat(sleeper.waits()).as("no wait, so no second attempt").hasSize(2);
    }

    @Test
    @DisplayName("max_retries = 0 turns retries off")
    void retriesCanBeTurnedOff() {
        sandbox.enqueueResponse("/user", SandboxResponse.json(503, ERROR));

        GithubClient client = client().withSettings(Map.of("max_retries", 0));
        assertThatThrownBy(client::getAuthenticatedUser).isInstanceOf(ServerErrorException.class);
        assertThat(sandbox.requests("/user")).hasSize(1);
    }

    @Test
    @DisplayName("a GET whose connection is dropped without an answer is retried, and succeeds")
    void droppedConnectionIsRetriedForGet() {
        sandbox.enqueueResponse("/user", SandboxResponse.connectionReset());

        assertThat(client().getAuthenticatedUser().login()).isEqualTo("octocat");
        // Retried once: by the JDK client itself for an idempotent request on a dropped pooled
        // connection, else by RetryStep (connection refused is covered above).
        assertThat(sandbox.requests("/user")).hasSize(2);
    }

    @Test
    @DisplayName("a POST whose connection is dropped is not retried: GitHub may have acted on it")
    void droppedConnectionIsNotRetriedForPost() {
        sandbox.enqueueResponse("/user/repos", SandboxResponse.connectionReset());

        assertThatThrownBy(() -> client().rawRequest("POST", "/user/repos", Map.of("name", "once-only")))
                .isInstanceOf(TransportException.class);
        assertThat(sandbox.requests("/user/repos")).hasSize(1);
        assertThat(sleeper.waits()).isEmpty();
    }
}
