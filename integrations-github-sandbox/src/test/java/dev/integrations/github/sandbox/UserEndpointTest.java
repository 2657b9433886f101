package dev.integrations.github.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code GET /user} and the REST conventions around it (https://docs.github.com/en/rest/using-the-rest-api/getting-started-with-the-rest-api, https://docs.github.com/en/rest/users/users#get-the-authenticated-user), over HTTP. */
class UserEndpointTest {

    private GithubSandbox sandbox;
    private String token;

    @BeforeEach
    void start() {
        sandbox = GithubSandbox.builder().clock(SandboxClock.frozenAt(Instant.parse("2026-01-01T00:00:00Z"))).build();
        token = sandbox.issueToken(sandbox.defaultUser(), "read:user", "user:email");
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void issuedTokenLooksLikeAClassicPat() {
        assertThat(token).matches("ghp_[A-Za-z0-9]{36}");
    }

    @Test
    void bearerAndTokenSchemesAreAcceptedIgnoringCase() {
        for (String authorization : List.of("Bearer " + token, "token " + token, "BEARER " + token, "Token " + token)) {
            HttpResponse<String> response = TestHttp.get(sandbox.apiUrl().resolve("/user"), "Authorization", authorization);
            assertThat(response.statusCode()).as(authorization.substring(0, 6)).isEqualTo(200);
            assertThat(response.headers().firstValue("X-OAuth-Scopes")).hasValue("read:user, user:email");
        }
    }

    @Test
    void userBodyHasThePrivateUserShape() {
        JsonNode body = TestHttp.json(TestHttp.getUser(sandbox, token));

        assertThat(body.path("login").asText()).isEqualTo("octocat");
        assertThat(body.path("user_view_type").asText()).isEqualTo("private");
        assertThat(body.path("type").asText()).isEqualTo("User");
        assertThat(body.path("url").asText()).isEqualTo(sandbox.apiUrl() + "/users/octocat");
        assertThat(body.path("created_at").asText()).isEqualTo("2026-01-01T00:00:00Z");
        assertThat(body.path("plan").path("name").asText()).isEqualTo("free");
        assertThat(body.has("email")).isTrue();
        assertThat(body.get("company").isNull()).isTrue();
    }

    @Test
    void unknownTokenIsBadCredentials() {
        HttpResponse<String> response = TestHttp.getUser(sandbox, "ghp_" + "x".repeat(36));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(response.body()).isEqualTo(
                "{\"message\":\"Bad credentials\",\"documentation_url\":\"https://docs.github.com/rest\",\"status\":\"401\"}");
    }

    @Test
    void otherSchemesAreBadCredentials() {
        HttpResponse<String> response = TestHttp.get(sandbox.apiUrl().resolve("/user"), "Authorization", "Basic " + token);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(TestHttp.json(response).path("message").asText()).isEqualTo("Bad credentials");
    }

    @Test
    void missingAuthorizationRequiresAuthentication() {
        HttpResponse<String> response = TestHttp.get(sandbox.apiUrl().resolve("/user"));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(TestHttp.json(response).path("message").asText()).isEqualTo("Requires authentication");
        assertThat(TestHttp.json(response).path("status").asText()).isEqualTo("401");
    }

    @Test
    void revokedTokenIsBadCredentials() {
        assertThat(TestHttp.getUser(sandbox, token).statusCode()).isEqualTo(200);

        sandbox.revokeToken(token);

        HttpResponse<String> response = TestHttp.getUser(sandbox, token);
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(TestHttp.json(response).path("message").asText()).isEqualTo("Bad credentials");
    }

    @Test
    void missingUserAgentIsForbidden() throws IOException {
        // java.net.http always sends a User-Agent, so this request is written by hand.
        String raw = rawRequest("GET /user HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer " + token
                + "\r\nConnection: close\r\n\r\n");

        assertThat(raw).startsWith("HTTP/1.1 403");
        assertThat(raw.toLowerCase()).contains("content-type: application/json; charset=utf-8");
        assertThat(raw).contains("Request forbidden by administrative rules. Please make sure your request has a User-Agent header");
    }

    @Test
    void supportedApiVersionsAreAcceptedAndOthersRejected() {
        for (String version : List.of("2022-11-28", "2026-03-10")) {
            HttpResponse<String> response = TestHttp.getUser(sandbox, token, "X-GitHub-Api-Version", version);
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("X-GitHub-Api-Version-Selected")).hasValue(version);
        }
        assertThat(TestHttp.getUser(sandbox, token).headers().firstValue("X-GitHub-Api-Version-Selected")).hasValue("2022-11-28");

        HttpResponse<String> unknown = TestHttp.getUser(sandbox, token, "X-GitHub-Api-Version", "2021-01-01");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(TestHttp.json(unknown).path("message").asText()).contains("2021-01-01").contains("not supported");
    }

    @Test
    void rateLimitCountsDownAndForbidsAtZeroUntilReset() {
        try (GithubSandbox limited = GithubSandbox.builder().rateLimit(3)
                .clock(SandboxClock.frozenAt(Instant.parse("2026-01-01T00:00:00Z"))).build()) {
            String pat = limited.issueToken(limited.defaultUser());
            String otherPatOfSameUser = limited.issueToken(limited.defaultUser());
            long reset = Instant.parse("2026-01-01T01:00:00Z").getEpochSecond();

            for (int expectedRemaining : new int[]{2, 1}) {
                HttpResponse<String> response = TestHttp.getUser(limited, pat);
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.headers().firstValue("x-ratelimit-limit")).hasValue("3");
                assertThat(response.headers().firstValue("x-ratelimit-remaining")).hasValue(Integer.toString(expectedRemaining));
                assertThat(response.headers().firstValue("x-ratelimit-used")).hasValue(Integer.toString(3 - expectedRemaining));
                assertThat(response.headers().firstValue("x-ratelimit-reset")).hasValue(Long.toString(reset));
            }
            // All of a user's tokens share one pool (https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api).
            assertThat(TestHttp.getUser(limited, otherPatOfSameUser).headers().firstValue("x-ratelimit-remaining")).hasValue("0");

            HttpResponse<String> refused = TestHttp.getUser(limited, pat);
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.headers().firstValue("x-ratelimit-remaining")).hasValue("0");
            assertThat(refused.headers().firstValue("x-ratelimit-used")).hasValue("3");
            assertThat(refused.headers().firstValue("x-ratelimit-reset")).hasValue(Long.toString(reset));
            assertThat(TestHttp.json(refused).path("message").asText()).startsWith("API rate limit exceeded for user ID 1.");

            SandboxUser other = limited.registerUser("hubot");
            assertThat(TestHttp.getUser(limited, limited.issueToken(other)).statusCode()).isEqualTo(200);

            limited.clock().advance(Duration.ofHours(1));
            HttpResponse<String> afterReset = TestHttp.getUser(limited, pat);
            assertThat(afterReset.statusCode()).isEqualTo(200);
            assertThat(afterReset.headers().firstValue("x-ratelimit-remaining")).hasValue("2");
        }
    }

    @Test
    void unknownPathsAndMethodsAreNotFound() {
        for (String path : List.of("/", "/users/octocat/followers", "/user/", "/login/device/code")) {
            HttpResponse<String> response = TestHttp.get(sandbox.apiUrl().resolve(path), "Authorization", "Bearer " + token);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).isEqualTo(
                    "{\"message\":\"Not Found\",\"documentation_url\":\"https://docs.github.com/rest\",\"status\":\"404\"}");
        }
        HttpResponse<String> post = TestHttp.send(HttpRequest.newBuilder(sandbox.apiUrl().resolve("/user"))
                .header("User-Agent", "t").header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build());
        assertThat(post.statusCode()).isEqualTo(404);
    }

    @Test
    void twoHundredConcurrentRequestsAreAllServed() {
        List<CompletableFuture<HttpResponse<String>>> futures = IntStream.range(0, 200)
                .mapToObj(i -> TestHttp.CLIENT.sendAsync(HttpRequest.newBuilder(sandbox.apiUrl().resolve("/user"))
                        .header("User-Agent", "load").header("Authorization", "token " + token)
                        .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString()))
                .collect(Collectors.toList());

        List<HttpResponse<String>> responses = futures.stream().map(CompletableFuture::join).collect(Collectors.toList());

        assertThat(responses).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(200));
        assertThat(responses.stream().map(r -> r.headers().firstValue("x-ratelimit-remaining").orElseThrow()))
                .doesNotHaveDuplicates()
                .contains("4800");
        assertThat(sandbox.requests("/user")).hasSize(200);
    }

    private String rawRequest(String request) throws IOException {
        try (Socket socket = new Socket("127.0.0.1", sandbox.baseUri().getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(request.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
