package dev.integrations.github;

import dev.integrations.github.client.GithubClients;
import dev.integrations.core.ConfigurationException;
import dev.integrations.Integrations;
import dev.integrations.AuthManager;
import dev.integrations.auth.OAuthException;
import dev.integrations.auth.oauth2.AuthorizationStep;
import dev.integrations.auth.oauth2.OAuth2Flow;
import dev.integrations.github.auth.GithubUserCredentials;
import dev.integrations.github.sandbox.GithubSandbox;
import dev.integrations.github.sandbox.GithubSandboxExtension;
import dev.integrations.github.sandbox.SandboxBrowser;
import dev.integrations.http.ForbiddenException;
import dev.integrations.http.HttpTransport;
import dev.integrations.http.NotFoundException;
import dev.integrations.http.RetryPolicy;
import dev.integrations.http.TransportException;
import dev.integrations.http.UnauthorizedException;
import dev.integrations.testing.SandboxAuth;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 9: error messages that name the setting or file involved and say what to do, each case
 * against a real server (the sandbox, or a closed loopback port).
 */
@DisplayName("issue 9: error messages name the setting involved and what to do")
class ActionableErrorMessagesTest {
    private static final String CANARY_SECRET = "canary-client-secret-9f3e";

    @RegisterExtension
    final GithubSandboxExtension github = new GithubSandboxExtension();

    private static final HttpTransport TRANSPORT = HttpTransport.create();

    private GithubClient client(String token) {
        return GithubClients.create(GithubSettings.builder().baseUrl(github.sandbox().apiUrl()).token(token)
                .retryPolicy(RetryPolicy.none()).build(), TRANSPORT);
    }

    @Test
    @DisplayName("issue 9a: fromEnvironment without a token builds, and a 401 to its unauthenticated request says which variable to set")
    void issue9a_missingTokenSaysWhatToSet() {
        try (Integrations integrations = Integrations.fromEnvironment(
                Map.of("GITHUB_BASE_URL", github.sandbox().apiUrl().toString()))) {
            assertThatThrownBy(() -> integrations.github().getAuthenticatedUser())
                    .isInstanceOfSatisfying(UnauthorizedException.class, e -> {
                        assertThat(e.status()).isEqualTo(401);
                        assertThat(e.apiMessage()).contains("Requires authentication");
                        assertThat(e.getMessage()).contains("no token is configured")
                                .contains("set GITHUB_TOKEN (or GITHUB_PAT, GITHUB_OAUTH_TOKEN, GITHUB_APP_TOKEN)")
                                .contains(".token(...)");
                    });
        }
    }

    @Test
    @DisplayName("issue 9a: with a token configured, a 401 keeps saying the token is invalid, not that none is set")
    void issue9a_configuredButRevokedTokenIsNotReportedAsMissing() {
        GithubSandbox sandbox = github.sandbox();
        String token = sandbox.issueToken(sandbox.defaultUser());
        sandbox.revokeToken(token);

        assertThatThrownBy(() -> client(token).getAuthenticatedUser())
                .isInstanceOfSatisfying(UnauthorizedException.class, e -> assertThat(e.getMessage())
                        .contains("invalid, expired or revoked").doesNotContain("no token is configured").doesNotContain(token));
    }

    @Test
    @DisplayName("issue 9b: a closed port names host:port, GITHUB_BASE_URL, GITHUB_MAX_RETRIES and the attempts made")
    void issue9b_connectionRefusedNamesTheSettingsAndTheRetries() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        String baseUrl = "http://127.0.0.1:" + port;
        try (Integrations integrations = Integrations.fromEnvironment(Map.of("GITHUB_BASE_URL", baseUrl,
                "GITHUB_TOKEN", "ghp_canaryToken9b", "GITHUB_MAX_RETRIES", "2",
                "GITHUB_RETRY_BACKOFF", "0.01", "GITHUB_RETRY_MAX_BACKOFF", "0.02"))) {
            assertThatThrownBy(() -> integrations.github().getAuthenticatedUser())
                    .isExactlyInstanceOf(TransportException.class)
                    .satisfies(e -> assertThat(e.getMessage())
                            .contains("127.0.0.1:" + port)
                            .contains("GITHUB_BASE_URL").contains(baseUrl)
                            .contains("gave up after 3 attempts over ")
                            .contains("GITHUB_MAX_RETRIES")
                            .doesNotContain("ghp_canaryToken9b"));
        }
    }

    @Test
    @DisplayName("issue 9c: GITHUB_BASE_URL=api.github.com is refused with a hint to write https://api.github.com")
    void issue9c_baseUrlWithoutSchemeSuggestsHttps() {
        assertThatThrownBy(() -> Integrations.fromEnvironment(Map.of("GITHUB_BASE_URL", "api.github.com")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("GITHUB_BASE_URL")
                .hasMessageContaining("did you mean 'https://api.github.com'?");
    }

    @Test
    @DisplayName("issue 9d: redirect_uri_mismatch at the authorize step names the redirect URI that was sent")
    void issue9d_redirectUriMismatchOnAuthorizeEchoesTheSentUri() {
        String unregistered = "https://app.example.com/oauth/callback";
        AuthManager auth = SandboxAuth.builder(github.sandbox())
                .provider("github", Map.of("redirect_uri", unregistered)).build();
        OAuth2Flow<GithubUserCredentials> flow = auth.github().oauth2();
        AuthorizationStep step = flow.authorize();
        URI callback = SandboxBrowser.approve(step.authorizationUrl());

        assertThatThrownBy(() -> flow.exchange(e -> e.authorizationResponse(callback)))
                .isInstanceOfSatisfying(OAuthException.class, e -> {
                    assertThat(e.error()).isEqualTo("redirect_uri_mismatch");
                    assertThat(e.getMessage()).contains("The redirect_uri sent was " + unregistered)
                            .contains("register exactly that callback URL in the OAuth app's settings");
                });
    }

    @Test
    @DisplayName("issue 9d: redirect_uri_mismatch from the token endpoint names the redirect URI that was sent, never the secret")
    void issue9d_redirectUriMismatchOnExchangeEchoesTheSentUri() {
        GithubSandbox sandbox = github.sandbox();
        sandbox.registerApp("Iv1.canary-app", CANARY_SECRET, "http://127.0.0.1/callback");
        AuthManager auth = SandboxAuth.builder(sandbox).provider("github", Map.of("redirect_uri", SandboxAuth.REDIRECT_URI,
                "client_id", "Iv1.canary-app", "client_secret", CANARY_SECRET)).build();
        OAuth2Flow<GithubUserCredentials> flow = auth.github().oauth2();
        AuthorizationStep step = flow.authorize();
        String code = dev.integrations.internal.http.FormEncoding.decode(
                SandboxBrowser.approve(step.authorizationUrl()).getRawQuery()).get("code");
        String other = "http://127.0.0.1:8765/callback/other";

        assertThatThrownBy(() -> flow.exchange(e -> e.code(code).skipStateVerification().redirectUri(other)
                .codeVerifier(step.codeVerifier())))
                .isInstanceOfSatisfying(OAuthException.class, e -> {
                    assertThat(e.error()).isEqualTo("redirect_uri_mismatch");
                    assertThat(e.getMessage()).contains("The redirect_uri sent was " + other)
                            .contains("register exactly that callback URL").doesNotContain(CANARY_SECRET);
                });
    }

    @Test
    @DisplayName("issue 9e: a 404 from a token without the accepted scope says which scope to request and exposes both lists")
    void issue9e_notFoundForMissingScopeNamesTheScope() {
        GithubSandbox sandbox = github.sandbox();
        sandbox.createRepository(sandbox.defaultUser(), "secret-plans", "private", true);
        String token = sandbox.issueToken(sandbox.defaultUser(), "read:user");

        assertThatThrownBy(() -> client(token).rawRequest("GET", "/repos/octocat/secret-plans"))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.acceptedScopes()).containsExactly("repo");
                    assertThat(e.grantedScopes()).containsExactly("read:user");
                    assertThat(e.getMessage()).contains("accepts the scopes [repo]; the token has [read:user]")
                            .contains("flow.authorize(a -> a.scopes(\"repo\"))").doesNotContain(token);
                });
        // The scope is the only thing missing: with it the same repository is visible.
        assertThat(client(sandbox.issueToken(sandbox.defaultUser(), "repo"))
                .rawRequest("GET", "/repos/octocat/secret-plans").status()).isEqualTo(200);
    }

    @Test
    @DisplayName("issue 9e: a 404 from a token that has an accepted scope (directly or through its parent) gives no scope hint")
    void issue9e_noScopeHintWhenTheTokenHasTheScope() {
        GithubSandbox sandbox = github.sandbox();
        String token = sandbox.issueToken(sandbox.defaultUser(), "repo");

        assertThatThrownBy(() -> client(token).rawRequest("GET", "/repos/octocat/no-such-repository"))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.acceptedScopes()).containsExactly("repo");
                    assertThat(e.getMessage()).contains("cannot see it").doesNotContain("request one of them");
                });
    }

    @Test
    @DisplayName("issue 9e: a 403 whose accepted scopes the token lacks names them too")
    void issue9e_forbiddenForMissingScopeNamesTheScope() {
        github.sandbox().enqueueResponse("/user/emails", dev.integrations.github.sandbox.SandboxResponse.json(403,
                        "{\"message\":\"Must have admin rights\",\"documentation_url\":\"https://docs.github.com/rest\"}")
                .withHeader("X-Accepted-OAuth-Scopes", "user, user:email").withHeader("X-OAuth-Scopes", "read:user, gist")
                .withHeader("x-ratelimit-remaining", "4999"));

        assertThatThrownBy(() -> client("t").rawRequest("GET", "/user/emails"))
                .isInstanceOfSatisfying(ForbiddenException.class, e -> {
                    assertThat(e.acceptedScopes()).containsExactly("user", "user:email");
                    assertThat(e.grantedScopes()).containsExactly("read:user", "gist");
                    assertThat(e.getMessage()).contains("a.scopes(\"user\")");
                });
    }
}
