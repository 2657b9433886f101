package dev.integrations.github.app;

import dev.integrations.AuthManager;
import dev.integrations.Integrations;
import dev.integrations.auth.oauth2.OAuth2Flow;
import dev.integrations.github.auth.GithubAppCredentials;
import dev.integrations.github.auth.GithubUserCredentials;
import dev.integrations.github.model.GithubUser;
import dev.integrations.github.sandbox.GithubSandbox;
import dev.integrations.github.sandbox.GithubSandboxExtension;
import dev.integrations.github.sandbox.SandboxApp;
import dev.integrations.github.sandbox.SandboxBrowser;
import dev.integrations.github.sandbox.SandboxGithubApp;
import dev.integrations.github.sandbox.SandboxInstallation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The GitHub App's two faces in one manager, as {@code docs/github-apps.md} shows them: acting as
 * an installation (server-to-server) and acting for a signed-in user with the app's expiring,
 * rotating user tokens ({@code ghu_} for 8 hours, {@code ghr_} refresh tokens), refreshed by the
 * existing web flow machinery.
 */
@ExtendWith(GithubSandboxExtension.class)
@DisplayName("issue 10: the GitHub App user flow (expiring, rotating user tokens)")
class GithubAppUserFlowTest {

    @Test
    void oneAppSignsUsersInWithExpiringTokensAndActsAsItsInstallation(GithubSandbox sandbox) {
        SandboxGithubApp githubApp = sandbox.registerGithubApp("both-faces", TestKeys.publicKey("app-pkcs8.pem"));
        SandboxInstallation installation = sandbox.installGithubApp(githubApp, sandbox.defaultUser(), Map.of("issues", "write"));
        // The same app's Client ID and secret drive the user flow; GitHub Apps issue expiring tokens by default.
        SandboxApp oauth = sandbox.registerApp(new SandboxApp(githubApp.clientId(), "app-client-secret",
                "http://127.0.0.1/callback").withExpiringTokens(true));

        // --- docs/github-apps.md: "The user flow of a GitHub App" ---
        AuthManager auth = AuthManager.builder()
                .github(GithubAppCredentials.builder()
                        .clientId(githubApp.clientId())                  // the GitHub App's Client ID
                        .clientSecret(oauth.clientSecret())              // a client secret of the GitHub App
                        .redirectUri("http://127.0.0.1:8765/callback")
                        .build())
                .githubApp(app -> app
                        .appId(githubApp.id())
                        .privateKeyPath(TestKeys.path("app-pkcs1.pem")))
                .environment(Map.of("GITHUB_AUTHORIZATION_URL", sandbox.authorizationUrl().toString(),
                        "GITHUB_TOKEN_URL", sandbox.tokenUrl().toString(), "GITHUB_BASE_URL", sandbox.apiUrl().toString()))
                .clock(sandbox.clock())
                .build();
        OAuth2Flow<GithubUserCredentials> flow = auth.github().oauth2();
        java.net.URI callback = SandboxBrowser.approve(flow.authorize(a -> a.subject("user-123")).authorizationUrl());
        GithubUserCredentials token = flow.exchange(e -> e.authorizationResponse(callback.toString()).subject("user-123"));
        auth.storeCredentials("github", "user-123", token);
        // --- end of example ---

        assertThat(token.accessToken()).startsWith("ghu_");
        assertThat(token.refreshToken()).startsWith("ghr_");
        assertThat(token.expiresAt()).isCloseTo(sandbox.clock().instant().plus(Duration.ofHours(8)),
                org.assertj.core.api.Assertions.within(5, java.time.temporal.ChronoUnit.SECONDS));
        try (Integrations user = auth.session("user-123")) {
            GithubUser me = user.github().getAuthenticatedUser();
            assertThat(me.login()).isEqualTo(GithubSandbox.DEFAULT_LOGIN);
        }

        sandbox.clock().advance(Duration.ofHours(8));           // the user token has expired
        try (Integrations user = auth.session("user-123");
             Integrations bot = auth.installation(installation.id())) {
            assertThat(user.github().getAuthenticatedUser().login()).isEqualTo(GithubSandbox.DEFAULT_LOGIN);
            assertThat(bot.github().rawRequest("POST", "/repos/octocat/Spoon-Knife/issues", Map.of("title", "from the app"))
                    .status()).isEqualTo(201);
        }
        GithubUserCredentials rotated = auth.loadCredentials("github", "user-123", GithubUserCredentials.class).orElseThrow();
        assertThat(rotated.accessToken()).startsWith("ghu_").isNotEqualTo(token.accessToken());
        assertThat(rotated.refreshToken()).startsWith("ghr_").isNotEqualTo(token.refreshToken());
        assertThat(sandbox.requests("/login/oauth/access_token")).hasSize(2);
    }
}
