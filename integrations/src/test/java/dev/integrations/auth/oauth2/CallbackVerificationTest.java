package dev.integrations.auth.oauth2;

import dev.integrations.AuthManager;
import dev.integrations.auth.InvalidStateException;
import dev.integrations.auth.OAuthException;
import dev.integrations.github.auth.GithubUserCredentials;
import dev.integrations.github.sandbox.GithubSandbox;
import dev.integrations.github.sandbox.GithubSandboxExtension;
import dev.integrations.github.sandbox.SandboxBrowser;
import dev.integrations.testing.SandboxAuth;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Defect 14: the callback is verified against the pending authorization before anything it
 * carries is trusted: its subject binding even when the application forgets {@code .subject()},
 * and its state even when it reports an error.
 */
@ExtendWith(GithubSandboxExtension.class)
@DisplayName("defect 14: callbacks are verified before they are believed")
class CallbackVerificationTest {
    private static final String TOKEN_PATH = "/login/oauth/access_token";
    private static final String ATTACKER_TEXT = "Your account is locked, call +1-555-0100";

    private GithubSandbox sandbox;
    private AuthManager auth;
    private OAuth2Flow<GithubUserCredentials> flow;

    @BeforeEach
    void setUp(GithubSandbox sandbox) {
        this.sandbox = sandbox;
        this.auth = SandboxAuth.manager(sandbox);
        this.flow = auth.github().oauth2();
    }

    private static String errorCallback(String error, String description, String state) {
        return SandboxAuth.REDIRECT_URI + "?error=" + enc(error) + "&error_description=" + enc(description)
                + "&error_uri=" + enc("https://docs.github.com/apps/troubleshooting") + (state == null ? "" : "&state=" + enc(state));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("defect 14: exchange without .subject() is refused when the authorization was bound to one, before any network call")
    void defect14_missingSubjectIsRefused() {
        URI callback = SandboxBrowser.approve(flow.authorize(a -> a.subject("mallory")).authorizationUrl());

        assertThatThrownBy(() -> flow.exchange(e -> e.authorizationResponse(callback)))
                .isInstanceOf(InvalidStateException.class)
                .hasMessageContaining(".subject(");
        assertThat(sandbox.requests(TOKEN_PATH)).isEmpty();
    }

    @Test
    @DisplayName("defect 14: a map subject bound at authorize must be given again, in any key order")
    void defect14_mapSubjectMustMatch() {
        URI callback = SandboxBrowser.approve(flow.authorize(a -> a.subject(Map.of("tenant", "t1", "user", "u1")))
                .authorizationUrl());

        GithubUserCredentials credentials = flow.exchange(e -> e.authorizationResponse(callback)
                .subject(Map.of("user", "u1", "tenant", "t1")));

        assertThat(credentials.accessToken()).isNotBlank();
    }

    @Test
    @DisplayName("defect 14: exchange naming a subject refuses an authorization that was bound to none")
    void defect14_subjectGivenForAnUnboundAuthorizationIsRefused() {
        URI callback = SandboxBrowser.approve(flow.authorize().authorizationUrl());

        assertThatThrownBy(() -> flow.exchange(e -> e.authorizationResponse(callback).subject("alice")))
                .isInstanceOf(InvalidStateException.class)
                .hasMessageContaining("no subject");
        assertThat(sandbox.requests(TOKEN_PATH)).isEmpty();
    }

    @Test
    @DisplayName("defect 14: an error callback with a forged state is InvalidStateException and never shows the attacker's text")
    void defect14_errorCallbackWithForgedStateIsInvalidState() {
        AuthorizationStep real = flow.authorize();

        assertThatThrownBy(() -> flow.exchange(e -> e.authorizationResponse(errorCallback("access_denied", ATTACKER_TEXT,
                "forged-state"))))
                .isInstanceOfSatisfying(InvalidStateException.class, e -> {
                    assertThat(e.error()).isEqualTo(InvalidStateException.INVALID_STATE);
                    assertThat(e.getMessage()).doesNotContain("locked").doesNotContain("555");
                    assertThat(e.errorDescription()).isEmpty();
                });
        // The forged callback consumed nothing: the real authorization is still pending.
        URI callback = SandboxBrowser.approve(real.authorizationUrl());
        assertThat(flow.exchange(e -> e.authorizationResponse(callback)).accessToken()).isNotBlank();
    }

    @Test
    @DisplayName("defect 14: an error callback without any state is InvalidStateException")
    void defect14_errorCallbackWithoutStateIsInvalidState() {
        flow.authorize();

        assertThatThrownBy(() -> flow.exchange(e -> e.authorizationResponse(errorCallback("access_denied", ATTACKER_TEXT,
                null))))
                .isInstanceOf(InvalidStateException.class)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("locked"));
    }

    @Test
    @DisplayName("defect 14: a verified error callback surfaces GitHub's code, consumes the state, and bounds and cleans the description")
    void defect14_verifiedErrorCallbackIsSanitised() {
        AuthorizationStep step = flow.authorize();
        String description = "The user\r\nINFO forged log line\u0000\u202Edenied" + "x".repeat(10_000);

        assertThatThrownBy(() -> flow.exchange(e -> e.authorizationResponse(errorCallback("access_denied", description,
                step.state()))))
                .isInstanceOfSatisfying(OAuthException.class, e -> {
                    assertThat(e).isNotInstanceOf(InvalidStateException.class);
                    assertThat(e.error()).isEqualTo("access_denied");
                    assertThat(e.requiresReauthorization()).isTrue();
                    String shown = e.errorDescription().orElseThrow();
                    assertThat(shown).startsWith("The user INFO forged log line denied")
                            .doesNotContain("\r").doesNotContain("\n").doesNotContain("\u0000").doesNotContain("\u202E")
                            .hasSizeLessThanOrEqualTo(ExchangeRequest.CallbackError.MAX_DESCRIPTION_LENGTH + 3);
                    assertThat(e.getMessage()).doesNotContain("\n").hasSizeLessThan(1_000);
                    assertThat(e.errorUri()).contains("https://docs.github.com/apps/troubleshooting");
                });
        assertThatThrownBy(() -> flow.exchange(e -> e.code("x").state(step.state())))
                .isInstanceOf(InvalidStateException.class);
        assertThat(sandbox.requests(TOKEN_PATH)).isEmpty();
    }

    @Test
    @DisplayName("defect 14: a callback's error code and URI are reduced to what OAuth uses")
    void defect14_errorCodeAndUriAreSanitised() {
        ExchangeRequest.CallbackError error = new ExchangeRequest.CallbackError("access_denied\n<script>" + "a".repeat(500),
                null, "javascript:alert(1)");

        assertThat(error.error()).matches("[A-Za-z0-9_.-]{1,64}").startsWith("access_deniedscript");
        assertThat(error.uri()).isNull();
        assertThat(new ExchangeRequest.CallbackError("\n", " \t ", "https://docs.github.com/x").error()).isEqualTo("unknown_error");
        assertThat(new ExchangeRequest.CallbackError("\n", " \t ", "https://docs.github.com/x").description()).isNull();
    }
}
