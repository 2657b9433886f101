package dev.integrations.github;

import dev.integrations.github.client.GithubClients;
import dev.integrations.github.sandbox.GithubSandbox;
import dev.integrations.github.sandbox.GithubSandboxExtension;
import dev.integrations.github.sandbox.SandboxResponse;
import dev.integrations.http.ApiException;
import dev.integrations.http.ForbiddenException;
import dev.integrations.http.HttpTransport;
import dev.integrations.http.NotFoundException;
import dev.integrations.http.RetryPolicy;
import dev.integrations.http.ServerErrorException;
import dev.integrations.http.TransportException;
import dev.integrations.http.UnauthorizedException;
import dev.integrations.http.ValidationException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("GitHub API errors become typed exceptions with GitHub's message")
class GithubApiErrorsTest {
    @RegisterExtension
    final GithubSandboxExtension github = new GithubSandboxExtension(b -> b.rateLimit(3));

    private static final HttpTransport TRANSPORT = HttpTransport.create();

    private GithubClient client(String token) {
        // One request, one response: these tests check how each error response maps to an exception,
        // so the traffic rules that would send again (retries, rate-limit waits) are off here; they
        // have their own tests (RetryTest, RateLimitTest).
        return GithubClients.create(GithubSettings.builder().baseUrl(github.sandbox().apiUrl()).token(token)
                .retryPolicy(RetryPolicy.none())
                .rateLimitPolicy(new RateLimitPolicy(RateLimitPolicy.Mode.FAIL_FAST, Duration.ZERO, 0))
                .build(), TRANSPORT);
    }

    @Test
    void aRevokedTokenIsUnauthorizedWithGithubsMessageDocumentationAndRequestId() {
        GithubSandbox sandbox = github.sandbox();
        String token = sandbox.issueToken(sandbox.defaultUser());
        sandbox.revokeToken(token);

        assertThatThrownBy(() -> client(token).getAuthenticatedUser())
                .isInstanceOfSatisfying(UnauthorizedException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.apiMessage()).contains("Bad credentials");
                    assertThat(e.documentationUrl()).contains("https://docs.github.com/rest");
                    assertThat(e.requestId()).isPresent();
                    assertThat(e.method()).isEqualTo("GET");
                    assertThat(e.path()).isEqualTo("/user");
                    assertThat(e.getMessage()).contains("401").contains("Bad credentials").doesNotContain(token);
                });
    }

    @Test
    void anExhaustedPrimaryRateLimitIsARateLimitExceptionWithTheResetTime() {
        GithubSandbox sandbox = github.sandbox();
        GithubClient client = client(sandbox.issueToken(sandbox.defaultUser()));
        for (int i = 0; i < 3; i++) {
            client.getAuthenticatedUser();
        }

        assertThatThrownBy(client::getAuthenticatedUser).isInstanceOfSatisfying(RateLimitException.class, e -> {
            assertThat(e.status()).isEqualTo(403);
            assertThat(e.resetAt()).isPresent();
            assertThat(e.resetAt().get()).isAfter(sandbox.clock().instant());
            assertThat(e.getMessage()).contains("rate limit");
        });
    }

    @Test
    void aSecondaryLimitWithRetryAfterSaysHowLongToWait() {
        github.sandbox().enqueueResponse("/user", SandboxResponse.json(429,
                "{\"message\":\"You have exceeded a secondary rate limit.\",\"documentation_url\":\"https://docs.github.com/rest\"}")
                .withHeader("retry-after", "42"));

        assertThatThrownBy(() -> client("t").getAuthenticatedUser()).isInstanceOfSatisfying(RateLimitException.class, e -> {
            assertThat(e.retryAfter()).contains(Duration.ofSeconds(42));
            assertThat(e.getMessage()).contains("retry after 42 s");
        });
    }

    @Test
    void aForbiddenWithoutRateLimitNamesTheMissingPermission() {
        github.sandbox().enqueueResponse("/user", SandboxResponse.json(403,
                "{\"message\":\"Resource not accessible by integration\",\"documentation_url\":\"https://docs.github.com/rest\"}")
                .withHeader("x-accepted-github-permissions", "members=read").withHeader("x-ratelimit-remaining", "4999"));

        assertThatThrownBy(() -> client("t").getAuthenticatedUser()).isInstanceOfSatisfying(ForbiddenException.class,
                e -> assertThat(e.getMessage()).contains("Resource not accessible by integration").contains("members=read"));
    }

    @Test
    void notFoundExplainsItMayMeanNoAccess() {
        // A valid token: GitHub answers a bad one with 401 before looking for the repository.
        GithubSandbox sandbox = github.sandbox();
        assertThatThrownBy(() -> client(sandbox.issueToken(sandbox.defaultUser())).rawRequest("GET", "/repos/octocat/private-thing"))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.apiMessage()).contains("Not Found");
                    assertThat(e.getMessage()).contains("cannot see it");
                });
    }

    @Test
    void validationFailuresCarryGithubsErrorsList() {
        github.sandbox().enqueueResponse("/user/repos", SandboxResponse.json(422, "{\"message\":\"Validation Failed\","
                + "\"errors\":[{\"resource\":\"Repository\",\"code\":\"custom\",\"field\":\"name\","
                + "\"message\":\"name already exists on this account\"}],\"documentation_url\":\"https://docs.github.com/rest\"}"));

        assertThatThrownBy(() -> client("t").rawRequest("POST", "/user/repos", Map.of("name", "hello")))
                .isInstanceOfSatisfying(ValidationException.class, e -> {
                    assertThat(e.errors()).hasSize(1);
                    assertThat(e.errors().get(0)).containsEntry("field", "name").containsEntry("code", "custom");
                    assertThat(e.getMessage()).contains("Validation Failed").contains("name already exists");
                });
    }

    @Test
    void serverErrorsAreServerErrorExceptions() {
        github.sandbox().enqueueResponse("/user", SandboxResponse.of(503, "text/html", "<html>unavailable</html>"));

        assertThatThrownBy(() -> client("t").getAuthenticatedUser()).isInstanceOfSatisfying(ServerErrorException.class,
                e -> assertThat(e.status()).isEqualTo(503));
    }

    @Test
    void otherClientErrorsAreApiExceptions() {
        github.sandbox().enqueueResponse("/user", SandboxResponse.json(400, "{\"message\":\"Problems parsing JSON\"}"));

        assertThatThrownBy(() -> client("t").getAuthenticatedUser()).isExactlyInstanceOf(ApiException.class)
                .hasMessageContaining("Problems parsing JSON");
    }

    @Test
    void aSlowServerTimesOutWithAClearMessage() {
        github.sandbox().enqueueResponse("/user", SandboxResponse.delayed(Duration.ofSeconds(3),
                SandboxResponse.json(200, "{}")));
        GithubClient impatient = client("t").withSettings(Map.of("timeout", "300ms"));

        assertThatThrownBy(impatient::getAuthenticatedUser).isInstanceOf(TransportException.class)
                .hasMessageContaining("timed out");
    }

    @Test
    void rawRequestReturnsStatusHeadersAndJson() {
        GithubSandbox sandbox = github.sandbox();
        GithubResponse response = client(sandbox.issueToken(sandbox.defaultUser(), "repo", "gist")).rawRequest("GET", "/user");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("X-OAuth-Scopes")).contains("repo, gist");
        assertThat(response.header("x-ratelimit-limit")).contains("3");
        assertThat(response.body().get("login").asText()).isEqualTo(GithubSandbox.DEFAULT_LOGIN);
    }

    @Test
    void perRequestAuthorizationHeadersAreRefused() {
        assertThatThrownBy(() -> client("t").rawRequest(r -> r.path("/user").header("Authorization", "Bearer other")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
