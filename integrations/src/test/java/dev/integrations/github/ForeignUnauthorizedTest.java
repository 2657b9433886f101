package dev.integrations.github;

import dev.integrations.Integrations;
import dev.integrations.AuthManager;
import dev.integrations.auth.oauth2.OAuth2Flow;
import dev.integrations.github.auth.GithubUserCredentials;
import dev.integrations.github.sandbox.GithubSandbox;
import dev.integrations.github.sandbox.GithubSandboxExtension;
import dev.integrations.github.sandbox.SandboxApp;
import dev.integrations.github.sandbox.SandboxBrowser;
import dev.integrations.github.sandbox.SandboxClock;
import dev.integrations.github.sandbox.SandboxResponse;
import dev.integrations.http.UnauthorizedException;
import dev.integrations.testing.SandboxAuth;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("defect 15: only a 401 from the origin that received the token triggers a refresh")
class ForeignUnauthorizedTest {
    private static final String TOKEN_PATH = "/login/oauth/access_token";
    private static final String SUBJECT = "user-15";

    @RegisterExtension
    final GithubSandboxExtension github = new GithubSandboxExtension(b -> b.clock(SandboxClock.frozenAt(
            Instant.parse("2026-11-26T12:00:00Z"))));

    private GithubSandbox sandbox;
    private AuthManager auth;

    @BeforeEach
    void connectUserWithRotatingTokens() {
        sandbox = github.sandbox();
        SandboxApp app = sandbox.registerApp(new SandboxApp("Iv1.rotating", "rotating-secret", "http://127.0.0.1/callback")
                .withExpiringTokens(true));
        auth = SandboxAuth.builder(sandbox)
                .provider("github", Map.of("client_id", app.clientId(), "client_secret", app.clientSecret(),
                        "redirect_uri", SandboxAuth.REDIRECT_URI))
                .build();
        OAuth2Flow<GithubUserCredentials> flow = auth.github().oauth2();
        auth.storeCredentials("github", SUBJECT, flow.exchange(e -> e.authorizationResponse(
                SandboxBrowser.approve(flow.authorize().authorizationUrl()))));
        sandbox.clearRequests();
    }

    private GithubUserCredentials stored() {
        return auth.loadCredentials("github", SUBJECT, GithubUserCredentials.class).orElseThrow();
    }

    @Test
    @DisplayName("defect 15: a redirect to another server that answers 401 throws Unauthorized and sends no refresh")
    void defect15_foreign401DoesNotRefresh() {
        GithubUserCredentials before = stored();
        try (GithubSandbox elsewhere = GithubSandbox.start()) {
            sandbox.enqueueResponse("/user", SandboxResponse.json(302, "{}")
                    .withHeader("Location", elsewhere.apiUrl() + "/landing"));
            elsewhere.enqueueResponse("/landing", SandboxResponse.json(401, "{\"message\":\"Bad credentials\"}"));

            try (Integrations integrations = auth.session(SUBJECT)) {
                assertThatThrownBy(() -> integrations.github().getAuthenticatedUser())
                        .isInstanceOf(UnauthorizedException.class)
                        .hasMessageNotContaining(before.accessToken());
            }

            assertThat(elsewhere.requests("/landing")).singleElement()
                    .satisfies(r -> assertThat(r.header("Authorization")).isNull());
            assertThat(sandbox.requests(TOKEN_PATH)).isEmpty();
            assertThat(elsewhere.requests(TOKEN_PATH)).isEmpty();
            assertThat(sandbox.requests("/user")).as("not re-sent").hasSize(1);
        }
        GithubUserCredentials after = stored();
        assertThat(after.accessToken()).isEqualTo(before.accessToken());
        assertThat(after.refreshToken()).isEqualTo(before.refreshToken());
    }

    @Test
    @DisplayName("defect 15 (control): a 401 from the API host itself still refreshes and retries once")
    void defect15_own401StillRefreshes() {
        GithubUserCredentials before = stored();
        sandbox.enqueueResponse("/user", SandboxResponse.json(401, "{\"message\":\"Bad credentials\"}"));

        try (Integrations integrations = auth.session(SUBJECT)) {
            assertThat(integrations.github().getAuthenticatedUser().login()).isEqualTo(GithubSandbox.DEFAULT_LOGIN);
        }

        assertThat(sandbox.requests(TOKEN_PATH)).hasSize(1);
        assertThat(stored().accessToken()).isNotEqualTo(before.accessToken());
    }
}
