package dev.integrations.auth.oauth2;

import dev.integrations.internal.http.FormEncoding;
import dev.integrations.internal.oauth2.Pkce;
import dev.integrations.AuthManager;
import dev.integrations.auth.InvalidStateException;
import dev.integrations.auth.OAuthException;
import dev.integrations.github.auth.GithubUserCredentials;
import dev.integrations.github.sandbox.GithubSandbox;
import dev.integrations.github.sandbox.GithubSandboxExtension;
import dev.integrations.github.sandbox.RecordedRequest;
import dev.integrations.github.sandbox.SandboxBrowser;
import dev.integrations.testing.SandboxAuth;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(GithubSandboxExtension.class)
@DisplayName("GitHub OAuth web flow against the sandbox")
class GithubWebFlowTest {
    private static final String TOKEN_PATH = "/login/oauth/access_token";

    private GithubSandbox sandbox;
    private AuthManager auth;
    private OAuth2Flow<GithubUserCredentials> flow;

    @BeforeEach
    void setUp(GithubSandbox sandbox) {
        this.sandbox = sandbox;
        this.auth = SandboxAuth.manager(sandbox);
        this.flow = auth.github().oauth2();
    }

    @Test
    void authorizationUrlCarriesClientRedirectScopesStateAndS256Challenge() {
        java.time.Instant before = sandbox.clock().instant();
        AuthorizationStep step = flow.authorize(a -> a.scopes("repo", "read:user").login("octocat").allowSignup(false)
                .prompt("select_account"));

        URI url = step.authorizationUrl();
        Map<String, String> query = FormEncoding.decode(url.getRawQuery());
        assertThat(url.toString()).startsWith(sandbox.authorizationUrl() + "?");
        assertThat(url.getRawQuery()).contains("scope=repo%20read%3Auser");
        assertThat(query).containsEntry("client_id", GithubSandbox.DEFAULT_CLIENT_ID)
                .containsEntry("redirect_uri", SandboxAuth.REDIRECT_URI)
                .containsEntry("scope", "repo read:user")
                .containsEntry("state", step.state())
                .containsEntry("code_challenge_method", "S256")
                .containsEntry("code_challenge", Pkce.s256Challenge(step.codeVerifier()))
                .containsEntry("login", "octocat")
                .containsEntry("allow_signup", "false")
                .containsEntry("prompt", "select_account");
        assertThat(step.expiresAt()).isBetween(before.plus(Duration.ofMinutes(10)),
                sandbox.clock().instant().plus(Duration.ofMinutes(10)));
    }

    @Test
    void generatedStatesAreUrlSafeAndCarryAtLeast128Bits() {
        String a = flow.authorize().state();
        String b = flow.authorize().state();
        assertThat(a).isNotEqualTo(b).matches("[A-Za-z0-9_-]+");
        assertThat(Base64.getUrlDecoder().decode(a).length * 8).isGreaterThanOrEqualTo(128);
    }

    @Test
    void fullFlowExchangesTheCodeWithSecretRedirectAndVerifier() {
        AuthorizationStep step = flow.authorize(a -> a.scopes("repo", "gist").subject("user-123"));
        URI callback = SandboxBrowser.approve(step.authorizationUrl());

        GithubUserCredentials credentials = flow.exchange(e -> e.authorizationResponse(callback.toString()).subject("user-123"));

        assertThat(credentials.accessToken()).startsWith("gho_");
        assertThat(credentials.scope()).containsExactlyInAnyOrder("repo", "gist");
        assertThat(credentials.tokenType()).isEqualToIgnoringCase("bearer");
        assertThat(credentials.expiresAt()).isNull();

        RecordedRequest tokenRequest = sandbox.requests(TOKEN_PATH).get(0);
        assertThat(tokenRequest.method()).isEqualTo("POST");
        assertThat(tokenRequest.header("Accept")).isEqualTo("application/json");
        assertThat(tokenRequest.header("Content-Type")).startsWith("application/x-www-form-urlencoded");
        assertThat(tokenRequest.header("User-Agent")).isNotBlank();
        assertThat(tokenRequest.formParameters())
                .containsEntry("client_id", GithubSandbox.DEFAULT_CLIENT_ID)
                .containsEntry("client_secret", sandbox.defaultApp().clientSecret())
                .containsEntry("redirect_uri", SandboxAuth.REDIRECT_URI)
                .containsEntry("code_verifier", step.codeVerifier())
                .containsEntry("code", FormEncoding.decode(callback.getRawQuery()).get("code"));
    }

    @Test
    void codeAndStateCanBePassedSeparately() {
        AuthorizationStep step = flow.authorize();
        Map<String, String> callback = FormEncoding.decode(SandboxBrowser.approve(step.authorizationUrl()).getRawQuery());

        GithubUserCredentials credentials = flow.exchange(e -> e.code(callback.get("code")).state(callback.get("state")));

        assertThat(callback.get("state")).isEqualTo(step.state());
        assertThat(credentials.accessToken()).startsWith("gho_");
    }

    @Test
    void aForgedStateIsRefusedBeforeAnyNetworkCall() {
        flow.authorize();
        assertThatThrownBy(() -> flow.exchange(e -> e.code("0123456789abcdef0123").state("forged-state")))
                .isInstanceOf(InvalidStateException.class)
                .hasMessageContaining("forged, already used, or expired")
                .extracting(e -> ((OAuthException) e).error()).isEqualTo("invalid_state");
        assertThat(sandbox.requests(TOKEN_PATH)).isEmpty();
    }

    @Test
    void aReplayedCallbackIsRefusedBeforeAnyNetworkCall() {
        URI callback = SandboxBrowser.approve(flow.authorize().authorizationUrl());
        flow.exchange(e -> e.authorizationResponse(callback));

        assertThatThrownBy(() -> flow.exchange(e -> e.authorizationResponse(callback)))
                .isInstanceOf(InvalidStateException.class);
        assertThat(sandbox.requests(TOKEN_PATH)).hasSize(1);
    }

    @Test
    void anExpiredStateIsRefusedBeforeAnyNetworkCall() {
        URI callback = SandboxBrowser.approve(flow.authorize().authorizationUrl());
        sandbox.clock().advance(Duration.ofMinutes(10).plusSeconds(1));

        assertThatThrownBy(() -> flow.exchange(e -> e.authorizationResponse(callback)))
                .isInstanceOf(InvalidStateException.class)
                .hasMessageContaining("expire after 10 minutes");
        assertThat(sandbox.requests(TOKEN_PATH)).isEmpty();
    }

    @Test
    void aStateBoundToAnotherSubjectIsRefused() {
        URI callback = SandboxBrowser.approve(flow.authorize(a -> a.subject("alice")).authorizationUrl());

        assertThatThrownBy(() -> flow.exchange(e -> e.authorizationResponse(callback).subject("mallory")))
                .isInstanceOf(InvalidStateException.class)
                .hasMessageContaining("another subject");
        assertThat(sandbox.requests(TOKEN_PATH)).isEmpty();
        // Single use: even the right subject cannot use it afterwards.
        assertThatThrownBy(() -> flow.exchange(e -> e.authorizationResponse(callback).subject("alice")))
                .isInstanceOf(InvalidStateException.class);
    }

    @Test
    void aDeniedAuthorizationReportsAccessDeniedAndConsumesTheState() {
        AuthorizationStep step = flow.authorize();
        URI callback = SandboxBrowser.deny(step.authorizationUrl());

        assertThatThrownBy(() -> flow.exchange(e -> e.authorizationResponse(callback)))
                .isInstanceOfSatisfying(OAuthException.class, e -> {
                    assertThat(e.error()).isEqualTo("access_denied");
                    assertThat(e.requiresReauthorization()).isTrue();
                    assertThat(e.getMessage()).contains("declined");
                });
        assertThatThrownBy(() -> flow.exchange(e -> e.code("x").state(step.state())))
                .isInstanceOf(InvalidStateException.class);
        assertThat(sandbox.requests(TOKEN_PATH)).isEmpty();
    }

    @Test
    void appsThatCheckStateThemselvesPassTheVerifier() {
        AuthorizationStep step = flow.authorize();
        String code = FormEncoding.decode(SandboxBrowser.approve(step.authorizationUrl()).getRawQuery()).get("code");

        GithubUserCredentials credentials = flow.exchange(e -> e.code(code).skipStateVerification()
                .redirectUri(SandboxAuth.REDIRECT_URI).codeVerifier(step.codeVerifier()));

        assertThat(credentials.accessToken()).startsWith("gho_");
    }

    @Test
    void aWrongPkceVerifierIsRefusedByTheServer() {
        AuthorizationStep step = flow.authorize();
        String code = FormEncoding.decode(SandboxBrowser.approve(step.authorizationUrl()).getRawQuery()).get("code");

        assertThatThrownBy(() -> flow.exchange(e -> e.code(code).skipStateVerification()
                .redirectUri(SandboxAuth.REDIRECT_URI).codeVerifier(Pkce.newVerifier())))
                .isInstanceOfSatisfying(OAuthException.class, e -> {
                    assertThat(e.error()).isNotBlank().isNotEqualTo(OAuthException.INVALID_RESPONSE);
                    assertThat(e.getMessage()).contains("GitHub refused the code exchange");
                });
    }

    @Test
    void aCodeCanBeExchangedOnlyOnce() {
        AuthorizationStep step = flow.authorize();
        String code = FormEncoding.decode(SandboxBrowser.approve(step.authorizationUrl()).getRawQuery()).get("code");
        flow.exchange(e -> e.code(code).skipStateVerification().redirectUri(SandboxAuth.REDIRECT_URI)
                .codeVerifier(step.codeVerifier()));

        assertThatThrownBy(() -> flow.exchange(e -> e.code(code).skipStateVerification()
                .redirectUri(SandboxAuth.REDIRECT_URI).codeVerifier(step.codeVerifier())))
                .isInstanceOfSatisfying(OAuthException.class, e -> {
                    assertThat(e.error()).isEqualTo("bad_verification_code");
                    assertThat(e.errorDescription()).isPresent();
                    assertThat(e.getMessage()).contains("start the authorization again");
                });
    }

    @Test
    void aWrongClientSecretIsReportedAsIncorrectClientCredentials() {
        AuthManager wrongSecret = SandboxAuth.builder(sandbox)
                .provider("github", Map.of("redirect_uri", SandboxAuth.REDIRECT_URI, "client_secret", "not-the-secret"))
                .build();
        OAuth2Flow<GithubUserCredentials> badFlow = wrongSecret.github().oauth2();
        URI callback = SandboxBrowser.approve(badFlow.authorize().authorizationUrl());

        assertThatThrownBy(() -> badFlow.exchange(e -> e.authorizationResponse(callback)))
                .isInstanceOfSatisfying(OAuthException.class, e -> {
                    assertThat(e.error()).isEqualTo("incorrect_client_credentials");
                    assertThat(e.getMessage()).contains("GITHUB_CLIENT_SECRET").doesNotContain("not-the-secret");
                });
    }

    @Test
    void aRedirectUriThatDiffersFromTheAuthorizationsIsReportedAsMismatch() {
        AuthorizationStep step = flow.authorize();
        String code = FormEncoding.decode(SandboxBrowser.approve(step.authorizationUrl()).getRawQuery()).get("code");

        assertThatThrownBy(() -> flow.exchange(e -> e.code(code).skipStateVerification()
                .redirectUri("http://127.0.0.1:8765/callback/other").codeVerifier(step.codeVerifier())))
                .isInstanceOfSatisfying(OAuthException.class, e -> assertThat(e.error()).isEqualTo("redirect_uri_mismatch"));
    }

    @Test
    void refreshRotatesTokensAndAReusedRefreshTokenRequiresReauthorization() {
        dev.integrations.github.sandbox.SandboxApp app = sandbox.registerApp(
                new dev.integrations.github.sandbox.SandboxApp("Iv1.expiring", "expiring-secret", "http://127.0.0.1/callback")
                        .withExpiringTokens(true));
        flow = SandboxAuth.builder(sandbox).provider("github", Map.of("redirect_uri", SandboxAuth.REDIRECT_URI,
                "client_id", app.clientId(), "client_secret", app.clientSecret())).build().github().oauth2();
        AuthorizationStep step = flow.authorize();
        java.time.Instant before = sandbox.clock().instant();
        GithubUserCredentials first = flow.exchange(e -> e.authorizationResponse(SandboxBrowser.approve(step.authorizationUrl())));
        assertThat(first.refreshToken()).startsWith("ghr_");
        assertThat(first.expiresIn()).isEqualTo(28800L);
        assertThat(first.expiresAt()).isBetween(before.plusSeconds(28800), sandbox.clock().instant().plusSeconds(28800));

        GithubUserCredentials second = flow.refresh(first);

        assertThat(second.accessToken()).isNotEqualTo(first.accessToken());
        assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken()).startsWith("ghr_");
        assertThat(sandbox.requests(TOKEN_PATH).get(1).formParameters())
                .containsEntry("grant_type", "refresh_token")
                .containsEntry("refresh_token", first.refreshToken())
                .containsEntry("client_secret", "expiring-secret");
        assertThatThrownBy(() -> flow.refresh(first))
                .isInstanceOfSatisfying(OAuthException.class, e -> {
                    assertThat(e.error()).isEqualTo("bad_refresh_token");
                    assertThat(e.requiresReauthorization()).isTrue();
                });
    }

    @Test
    void credentialsWithoutRefreshTokenCannotBeRefreshed() {
        assertThatThrownBy(() -> flow.refresh(GithubUserCredentials.ofToken("gho_x")))
                .isInstanceOfSatisfying(OAuthException.class, e -> {
                    assertThat(e.error()).isEqualTo(OAuthException.MISSING_REFRESH_TOKEN);
                    assertThat(e.requiresReauthorization()).isTrue();
                });
        assertThat(sandbox.requests(TOKEN_PATH)).isEmpty();
    }
}
