package dev.integrations.auth;

import dev.integrations.AuthManager;

import dev.integrations.core.ConfigurationException;
import dev.integrations.Integrations;
import dev.integrations.github.GithubClient;
import dev.integrations.github.auth.GithubAppCredentials;
import dev.integrations.github.auth.GithubUserCredentials;
import dev.integrations.github.sandbox.GithubSandbox;
import dev.integrations.github.sandbox.GithubSandboxExtension;
import dev.integrations.github.sandbox.SandboxUser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Defect 12: the operator's app-wide token (GITHUB_TOKEN) must not stand in for users by accident.
 * It serves sessions without a subject and every session when OAuth is not configured; with OAuth
 * configured, a subject without credentials is refused unless the application opted in.
 */
@ExtendWith(GithubSandboxExtension.class)
@DisplayName("defect 12: the app-wide token never stands in for a user by accident")
class AppTokenFallbackTest {
    private GithubSandbox sandbox;
    private String operatorPat;
    private SandboxUser alice;
    private String aliceToken;

    @BeforeEach
    void setUp(GithubSandbox sandbox) {
        this.sandbox = sandbox;
        this.operatorPat = sandbox.issueToken(sandbox.defaultUser());
        this.alice = sandbox.registerUser("alice");
        this.aliceToken = sandbox.issueToken(alice, "repo");
    }

    /** The sandbox's OAuth app plus the operator's PAT in GITHUB_TOKEN, and {@code extra} on top. */
    private AuthManager manager(Map<String, String> extra) {
        Map<String, String> env = new HashMap<>(sandbox.environment());
        env.put("GITHUB_TOKEN", operatorPat);
        env.putAll(extra);
        return AuthManager.builder().environment(env).clock(sandbox.clock()).build();
    }

    private static void assertRefusedWithoutLeakingThePat(Runnable action, String pat) {
        assertThatThrownBy(action::run)
                .isInstanceOfSatisfying(MissingCredentialsException.class, e -> {
                    assertThat(e.provider()).isEqualTo("github");
                    assertThat(e.getMessage()).contains("appTokenFallback(true)").contains("GITHUB_APP_TOKEN_FALLBACK")
                            .doesNotContain(pat);
                });
    }

    @Nested
    @DisplayName("with OAuth configured and no opt-in")
    class OAuthConfigured {
        @Test
        @DisplayName("defect 12: a subject who never connected gets MissingCredentialsException, not the operator's token")
        void defect12_neverConnectedSubjectIsRefused() {
            AuthManager auth = manager(Map.of());

            try (Integrations session = auth.session("never-connected")) {
                assertRefusedWithoutLeakingThePat(session::github, operatorPat);
            }
            assertRefusedWithoutLeakingThePat(() -> auth.session(s -> s.subject("never-connected").providers("github")),
                    operatorPat);
            assertThat(sandbox.requests("/user")).isEmpty();
        }

        @Test
        @DisplayName("defect 12: a subject whose credentials were deleted gets MissingCredentialsException")
        void defect12_deletedSubjectIsRefused() {
            AuthManager auth = manager(Map.of());
            auth.storeCredentials("github", "user-1", GithubUserCredentials.ofToken(aliceToken));
            auth.deleteCredentials("github", "user-1");

            try (Integrations session = auth.session("user-1")) {
                assertRefusedWithoutLeakingThePat(session::github, operatorPat);
            }
        }

        @Test
        @DisplayName("defect 12: withCredentials with a map or object lacking access_token is InvalidCredentialsException")
        void defect12_withCredentialsWithoutAccessTokenIsInvalid() {
            AuthManager auth = manager(Map.of());

            assertThatThrownBy(() -> auth.session(s -> s.subject("user-1")
                    .withCredentials("github", Map.of("token_type", "bearer", "scope", "repo"))))
                    .isInstanceOf(InvalidCredentialsException.class)
                    .hasMessageContaining("access_token").hasMessageContaining("withCredentials");
            assertThatThrownBy(() -> auth.session(s -> s.withCredentials("github", GithubUserCredentials.builder()
                    .tokenType("bearer").build())))
                    .isInstanceOf(InvalidCredentialsException.class)
                    .hasMessageContaining("access_token");
        }

        @Test
        @DisplayName("defect 12: a stored row lacking access_token is InvalidCredentialsException, not a fallback")
        void defect12_storedRowWithoutAccessTokenIsInvalid() {
            AuthManager auth = manager(Map.of());
            auth.credentialStore().set("github", "user-1", Map.of("token_type", "bearer"));

            assertThatThrownBy(() -> auth.session(s -> s.subject("user-1").providers("github")))
                    .isInstanceOf(InvalidCredentialsException.class)
                    .hasMessageContaining("access_token").hasMessageContaining("user-1");
        }

        @Test
        @DisplayName("defect 12: a session without a subject still uses the app-wide token")
        void defect12_sessionWithoutSubjectUsesTheToken() {
            AuthManager auth = manager(Map.of());

            try (Integrations session = auth.session(s -> s.providers("github"))) {
                assertThat(session.github().getAuthenticatedUser().login()).isEqualTo(GithubSandbox.DEFAULT_LOGIN);
            }
        }

        @Test
        @DisplayName("defect 12: a connected user's session uses the user's token")
        void defect12_connectedUserUsesOwnToken() {
            AuthManager auth = manager(Map.of());
            auth.storeCredentials("github", "user-1", GithubUserCredentials.ofToken(aliceToken));

            try (Integrations session = auth.session("user-1")) {
                assertThat(session.github().getAuthenticatedUser().login()).isEqualTo("alice");
            }
        }
    }

    @Nested
    @DisplayName("fallback allowed")
    class FallbackAllowed {
        @Test
        @DisplayName("defect 12: GITHUB_APP_TOKEN_FALLBACK=true opts in: a subject without credentials uses the app token")
        void defect12_environmentOptIn() {
            AuthManager auth = manager(Map.of("GITHUB_APP_TOKEN_FALLBACK", "true"));

            assertThat(auth.github().appCredentials().appTokenFallback()).isTrue();
            try (Integrations session = auth.session("never-connected")) {
                assertThat(session.github().getAuthenticatedUser().login()).isEqualTo(GithubSandbox.DEFAULT_LOGIN);
            }
        }

        @Test
        @DisplayName("defect 12: appTokenFallback(true) on the builder opts in, and beats the environment")
        void defect12_builderOptIn() {
            Map<String, String> env = new HashMap<>(sandbox.environment());
            env.put("GITHUB_APP_TOKEN_FALLBACK", "false");
            AuthManager auth = AuthManager.builder().environment(env)
                    .github(GithubAppCredentials.builder().token(operatorPat).appTokenFallback(true).build()).build();

            try (Integrations session = auth.session("never-connected")) {
                assertThat(session.github().settings().token()).isEqualTo(operatorPat);
            }
        }

        @Test
        @DisplayName("defect 12: without an OAuth client id the app token is the PAT 'when you skip OAuth' and serves every session")
        void defect12_noOAuthClientServesEverySession() {
            Map<String, String> env = new HashMap<>(sandbox.environment());
            env.remove("GITHUB_CLIENT_ID");
            env.remove("GITHUB_CLIENT_SECRET");
            env.put("GITHUB_TOKEN", operatorPat);
            AuthManager auth = AuthManager.builder().environment(env).build();

            try (Integrations session = auth.session("any-subject")) {
                assertThat(session.github().getAuthenticatedUser().login()).isEqualTo(GithubSandbox.DEFAULT_LOGIN);
            }
        }

        @Test
        @DisplayName("defect 12: the opt-in is read from maps and the environment as a boolean, and malformed values are refused")
        void defect12_optInParsing() {
            assertThat(GithubAppCredentials.fromMap(Map.of("app_token_fallback", "yes")).appTokenFallback()).isTrue();
            assertThat(GithubAppCredentials.fromMap(Map.of("app_token_fallback", false)).appTokenFallback()).isFalse();
            assertThat(GithubAppCredentials.fromEnvironment(Map.of()).appTokenFallback()).isFalse();
            assertThat(GithubAppCredentials.fromEnvironment(Map.of("GITHUB_APP_TOKEN_FALLBACK", "1")).appTokenFallback()).isTrue();
            assertThatThrownBy(() -> GithubAppCredentials.fromEnvironment(Map.of("GITHUB_APP_TOKEN_FALLBACK", "maybe")))
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("GITHUB_APP_TOKEN_FALLBACK");
            GithubAppCredentials credentials = GithubAppCredentials.builder().token("ghp_CANARY_fallback").appTokenFallback(true)
                    .build();
            assertThat(credentials.toString()).contains("appTokenFallback=true").doesNotContain("ghp_CANARY_fallback");
            assertThat(credentials.toMap()).containsEntry("app_token_fallback", true);
            assertThat(GithubAppCredentials.fromMap(credentials.toMap()).appTokenFallback()).isTrue();
        }
    }

    @Nested
    @DisplayName("replace overrides inside a user session")
    class ReplaceInUserSession {
        @Test
        @DisplayName("defect 12: replace keeps the user's token and never picks up GITHUB_TOKEN; an explicit token still wins")
        void defect12_replaceKeepsTheUsersBinding() {
            AuthManager auth = manager(Map.of());
            auth.storeCredentials("github", "user-1", GithubUserCredentials.ofToken(aliceToken));

            try (Integrations session = auth.session("user-1")) {
                try (var scope = session.overrides(o -> o.replace("github", Map.of("timeout", "7s")))) {
                    GithubClient github = session.github();
                    assertThat(github.settings().timeout()).isEqualTo(Duration.ofSeconds(7));
                    assertThat(github.settings().token()).isEqualTo(aliceToken).isNotEqualTo(operatorPat);
                    assertThat(github.getAuthenticatedUser().login()).isEqualTo("alice");
                }
                try (var scope = session.overrides(o -> o.replace("github", Map.of("token", "explicit-token")))) {
                    assertThat(session.github().settings().token()).isEqualTo("explicit-token");
                }
                assertThat(session.github().settings().token()).isEqualTo(aliceToken);
            }
        }

        @Test
        @DisplayName("defect 12: replace in the session of a user without credentials fails again instead of using GITHUB_TOKEN")
        void defect12_replaceForAnUnboundUserFails() {
            AuthManager auth = manager(Map.of());

            try (Integrations session = auth.session("never-connected")) {
                assertRefusedWithoutLeakingThePat(() -> session.overrides(o -> o.replace("github", Map.of("timeout", "7s"))),
                        operatorPat);
                assertThatThrownBy(session::github).isInstanceOf(MissingCredentialsException.class);
            }
        }

        @Test
        @DisplayName("defect 12: replace keeps the manager's session settings (for example a GHES base_url) under the new ones")
        void defect12_replaceKeepsManagerSessionSettings() {
            Map<String, String> env = new HashMap<>(sandbox.environment());
            env.remove("GITHUB_BASE_URL");
            AuthManager auth = AuthManager.builder().environment(env)
                    .sessionSettings("github", Map.of("base_url", sandbox.apiUrl().toString())).build();
            auth.storeCredentials("github", "user-1", GithubUserCredentials.ofToken(aliceToken));

            try (Integrations session = auth.session("user-1");
                 var scope = session.overrides(o -> o.replace("github", Map.of("user_agent", "replaced/1.0")))) {
                assertThat(session.github().settings().baseUrl().toString()).isEqualTo(sandbox.apiUrl().toString());
                assertThat(session.github().getAuthenticatedUser().login()).isEqualTo("alice");
            }
        }

        @Test
        @DisplayName("defect 12: a plain Integrations (no session) still builds replacements from settings and environment")
        void defect12_plainContainerReplaceUnchanged() {
            try (Integrations plain = Integrations.builder().environment(Map.of("GITHUB_TOKEN", "env-token"))
                    .client("github", Map.of()).build();
                 var scope = plain.overrides(o -> o.replace("github", Map.of("user_agent", "x")))) {
                assertThat(plain.github().settings().token()).isEqualTo("env-token");
            }
        }
    }
}
