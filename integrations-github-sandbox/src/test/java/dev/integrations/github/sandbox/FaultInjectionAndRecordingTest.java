package dev.integrations.github.sandbox;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@link GithubSandbox#enqueueResponse} and the request log, over HTTP. */
class FaultInjectionAndRecordingTest {

    private GithubSandbox sandbox;

    @BeforeEach
    void start() {
        sandbox = GithubSandbox.start();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void enqueuedResponsesAnswerTheNextRequestsInOrderOnceEach() {
        String token = sandbox.issueToken(sandbox.defaultUser());
        sandbox.enqueueResponse("/user", SandboxResponse.json(502, "{\"message\":\"Server Error\"}")
                .withHeader("Retry-After", "7"));
        sandbox.enqueueResponse("/user", SandboxResponse.of(200, "text/html", "<html>maintenance</html>"));

        HttpResponse<String> first = TestHttp.getUser(sandbox, token);
        HttpResponse<String> second = TestHttp.getUser(sandbox, token);
        HttpResponse<String> third = TestHttp.getUser(sandbox, token);

        assertThat(first.statusCode()).isEqualTo(502);
        assertThat(first.headers().firstValue("Retry-After")).hasValue("7");
        assertThat(first.body()).isEqualTo("{\"message\":\"Server Error\"}");
        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(second.headers().firstValue("Content-Type")).hasValue("text/html");
        assertThat(second.body()).isEqualTo("<html>maintenance</html>");
        assertThat(third.statusCode()).isEqualTo(200);
        assertThat(TestHttp.json(third).path("login").asText()).isEqualTo("octocat");
        assertThat(sandbox.requests("/user")).hasSize(3);
    }

    @Test
    void enqueuedResponseOnlyAffectsItsPath() {
        sandbox.enqueueResponse("/login/oauth/access_token", SandboxResponse.of(500, null, ""));

        assertThat(TestHttp.getUser(sandbox, sandbox.issueToken(sandbox.defaultUser())).statusCode()).isEqualTo(200);
        assertThat(TestHttp.postForm(sandbox.tokenUrl(), Map.of("code", "x")).statusCode()).isEqualTo(500);
        assertThat(TestHttp.postForm(sandbox.tokenUrl(), Map.of("code", "x")).statusCode()).isEqualTo(200);
    }

    @Test
    void delayedResponseArrivesAfterItsDelay() {
        sandbox.enqueueResponse("/user", SandboxResponse.delayed(Duration.ofMillis(300), SandboxResponse.json(200, "{}")));

        long started = System.nanoTime();
        HttpResponse<String> response = TestHttp.get(sandbox.apiUrl().resolve("/user"));

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(response.body()).isEqualTo("{}");
    }

    @Test
    void everyRequestIsRecordedInOrderWithLowerCaseHeaders() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", "abc");
        form.put("code", "a b&c");
        TestHttp.get(URI.create(sandbox.baseUri() + "/nowhere?x=1"), "X-Custom", "v1");
        TestHttp.postForm(sandbox.tokenUrl(), form, "Accept", "application/json");

        List<RecordedRequest> requests = sandbox.requests();

        assertThat(requests).hasSize(2);
        RecordedRequest get = requests.get(0);
        assertThat(get.method()).isEqualTo("GET");
        assertThat(get.path()).isEqualTo("/nowhere");
        assertThat(get.query()).isEqualTo("x=1");
        assertThat(get.headers()).containsKey("x-custom").containsKey("user-agent");
        assertThat(get.header("X-CUSTOM")).isEqualTo("v1");
        assertThat(get.header("missing")).isNull();
        assertThat(get.formParameters()).containsEntry("x", "1");

        RecordedRequest post = requests.get(1);
        assertThat(post.method()).isEqualTo("POST");
        assertThat(post.path()).isEqualTo("/login/oauth/access_token");
        assertThat(post.query()).isEmpty();
        assertThat(post.body()).isEqualTo("client_id=abc&code=a+b%26c");
        assertThat(post.formParameters()).containsEntry("client_id", "abc").containsEntry("code", "a b&c");
        assertThat(sandbox.requests("/login/oauth/access_token")).containsExactly(post);

        assertThat(post.toString()).contains("POST /login/oauth/access_token").doesNotContain("abc", "a+b");

        sandbox.clearRequests();
        assertThat(sandbox.requests()).isEmpty();
    }

    @Test
    void recordedRequestListsAreCopies() {
        TestHttp.get(sandbox.baseUri().resolve("/a"));
        List<RecordedRequest> snapshot = sandbox.requests();

        TestHttp.get(sandbox.baseUri().resolve("/b"));

        assertThat(snapshot).hasSize(1);
        assertThatThrownBy(() -> snapshot.add(snapshot.get(0))).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> snapshot.get(0).headers().put("x", List.of())).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void enqueueRejectsRelativePaths() {
        assertThatThrownBy(() -> sandbox.enqueueResponse("user", SandboxResponse.json(500, "{}")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
