package dev.integrations.github;

import dev.integrations.github.client.GithubClients;
import dev.integrations.AuthManager;
import dev.integrations.github.sandbox.GithubSandbox;
import dev.integrations.github.sandbox.GithubSandboxExtension;
import dev.integrations.github.sandbox.SandboxRepository;
import dev.integrations.github.sandbox.SandboxResponse;
import dev.integrations.http.HttpResult;
import dev.integrations.http.HttpStep;
import dev.integrations.http.HttpTransport;
import dev.integrations.http.RetryPolicy;
import dev.integrations.testing.RecordingSleeper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("issue 8: user steps added on AuthManager.builder() run around the SDK's own steps")
class UserStepsTest {
    @RegisterExtension
    final GithubSandboxExtension github = new GithubSandboxExtension();

    private GithubSandbox sandbox;
    private String token;

    @BeforeEach
    void setUp() {
        sandbox = github.sandbox();
        token = sandbox.issueToken(sandbox.defaultUser(), "repo");
    }

    /** Records what it sees; optionally adds a header to the request. */
    private static final class Recording implements HttpStep {
        final List<String> requests = new CopyOnWriteArrayList<>();
        final List<Integer> statuses = new CopyOnWriteArrayList<>();
        final List<Boolean> sawAuthorization = new CopyOnWriteArrayList<>();
        private final String header;

        Recording(String header) {
            this.header = header;
        }

        @Override
        public HttpResult apply(HttpRequest request, Chain chain) {
            requests.add(request.method() + " " + request.uri().getPath());
            sawAuthorization.add(request.headers().firstValue("Authorization").isPresent());
            HttpRequest sent = header == null ? request : HttpRequest.newBuilder(request, (n, v) -> true).header(header, "yes").build();
            HttpResult result = chain.proceed(sent);
            statuses.add(result.status());
            return result;
        }
    }

    private GithubClient client(AuthManager auth) {
        return GithubClients.create(GithubSettings.builder().baseUrl(sandbox.apiUrl()).token(token)
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(10), Duration.ofMillis(20))).sleeper(new RecordingSleeper())
                .build(), auth.transport());
    }

    @Test
    @DisplayName("an application step sees each call once, before the SDK adds Authorization, and its header reaches GitHub")
    void applicationStepSeesAndModifiesTheCall() {
        Recording step = new Recording("X-App-Step");
        AuthManager auth = AuthManager.builder().addStep(step).build();
        SandboxRepository original = sandbox.repositories(sandbox.defaultUser()).get(0);
        sandbox.renameRepository(original, "Hello-Universe");

        GithubResponse response = client(auth).rawRequest("GET", "/repos/octocat/Hello-World");

        assertThat(response.status()).isEqualTo(200);
        // Once, as the caller made it, although the SDK followed a redirect underneath.
        assertThat(step.requests).containsExactly("GET /repos/octocat/Hello-World");
        assertThat(step.sawAuthorization).containsExactly(false);
        assertThat(step.statuses).containsExactly(200);
        assertThat(sandbox.requests("/repos/octocat/Hello-World").get(0).header("X-App-Step")).isEqualTo("yes");
    }

    @Test
    @DisplayName("a network step sees every redirect hop and every retry, with the headers on the wire")
    void networkStepSeesEachAttempt() {
        Recording network = new Recording(null);
        Recording application = new Recording(null);
        AuthManager auth = AuthManager.builder().addStep(application).addNetworkStep(network).build();
        SandboxRepository original = sandbox.repositories(sandbox.defaultUser()).get(0);
        sandbox.renameRepository(original, "Hello-Universe");
        sandbox.enqueueResponse("/repositories/" + original.id(), SandboxResponse.json(503, "{\"message\":\"busy\"}"));

        GithubResponse response = client(auth).rawRequest("GET", "/repos/octocat/Hello-World");

        assertThat(response.status()).isEqualTo(200);
        assertThat(network.requests).containsExactly(
                "GET /repos/octocat/Hello-World",
                "GET /repositories/" + original.id(),
                "GET /repositories/" + original.id());
        assertThat(network.statuses).containsExactly(301, 503, 200);
        assertThat(network.sawAuthorization).containsOnly(true);
        assertThat(application.requests).hasSize(1);
    }

    @Test
    @DisplayName("issue 8: rate-limit state belongs to the transport instance: shared on one transport, separate across two")
    void trafficStateBelongsToTheTransport() {
        HttpTransport one = HttpTransport.create();
        HttpTransport two = HttpTransport.create();
        GithubSettings settings = GithubSettings.builder().baseUrl(sandbox.apiUrl()).token(token).build();

        GithubClients.create(settings, one).getAuthenticatedUser();

        assertThat(GithubClients.create(settings, one).rateLimit()).isPresent();
        // Same client settings, same token, another transport: nothing seen there yet.
        assertThat(GithubClients.create(settings, two).rateLimit()).isEmpty();
        // A transport with user steps is the same transport: it shares the state.
        assertThat(GithubClients.create(settings, one.withSteps(List.of(), List.of())).rateLimit()).isPresent();
    }
}
