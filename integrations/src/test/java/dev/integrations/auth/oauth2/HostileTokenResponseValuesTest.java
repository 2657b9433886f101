package dev.integrations.auth.oauth2;

import dev.integrations.AuthManager;
import dev.integrations.auth.OAuthException;
import dev.integrations.github.auth.GithubUserCredentials;
import dev.integrations.github.sandbox.GithubSandbox;
import dev.integrations.github.sandbox.GithubSandboxExtension;
import dev.integrations.github.sandbox.SandboxBrowser;
import dev.integrations.github.sandbox.SandboxResponse;
import dev.integrations.testing.SandboxAuth;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.time.Instant;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Defect 6: every value of a token response is bounded and type-checked before use. A hostile or
 * broken token endpoint gets an {@link OAuthException} with {@code invalid_response}, quickly,
 * and its message never quotes the token.
 */
@DisplayName("defect 6: hostile values in token responses")
class HostileTokenResponseValuesTest {
    private static final String TOKEN_PATH = "/login/oauth/access_token";
    private static final String CANARY = "gho_CANARY_d6e1f0a9b8c7";

    @RegisterExtension
    static final GithubSandboxExtension GITHUB = new GithubSandboxExtension();

    private GithubSandbox sandbox;
    private OAuth2Flow<GithubUserCredentials> flow;
    private URI callback;

    @BeforeEach
    void startAuthorization() {
        sandbox = GITHUB.sandbox();
        AuthManager auth = SandboxAuth.manager(sandbox);
        flow = auth.github().oauth2();
        callback = SandboxBrowser.approve(flow.authorize().authorizationUrl());
    }

    private void answerWith(String fields) {
        sandbox.enqueueResponse(TOKEN_PATH, SandboxResponse.json(200,
                "{\"access_token\":\"" + CANARY + "\",\"token_type\":\"bearer\"," + fields + "}"));
    }

    private void assertInvalidResponseNaming(String field) {
        assertThatThrownBy(() -> flow.exchange(e -> e.authorizationResponse(callback)))
                .isInstanceOfSatisfying(OAuthException.class, e -> {
                    assertThat(e.error()).isEqualTo(OAuthException.INVALID_RESPONSE);
                    assertThat(e.getMessage()).contains(field).contains("token_url").doesNotContain(CANARY);
                    assertThat(String.valueOf(e.getCause())).doesNotContain(CANARY);
                });
    }

    static Stream<String> hostileLifetimes() {
        return Stream.of("\"1e50000000\"", "1e50000000", "1e999", "-1e999", "\"1e999\"", "9223372036854775807", "1e30",
                "\"abc\"", "-1", "\"-5\"", "28800.5", "true", "[28800]", "{\"s\":1}", "\"28800s\"",
                "\"" + "9".repeat(5_000) + "\"");
    }

    @ParameterizedTest(name = "expires_in: {0}")
    @Timeout(10)
    @MethodSource("hostileLifetimes")
    @DisplayName("defect 6: a hostile expires_in is invalid_response, not a JDK exception or an absurd expiry")
    void defect6_hostileExpiresIn(String json) {
        answerWith("\"expires_in\":" + json);
        assertInvalidResponseNaming("expires_in");
    }

    @ParameterizedTest(name = "refresh_token_expires_in: {0}")
    @Timeout(10)
    @ValueSource(strings = {"\"1e50000000\"", "1e999", "-15811200", "\"abc\""})
    @DisplayName("defect 6: a hostile refresh_token_expires_in is invalid_response")
    void defect6_hostileRefreshTokenExpiresIn(String json) {
        answerWith("\"refresh_token\":\"ghr_x\",\"refresh_token_expires_in\":" + json);
        assertInvalidResponseNaming("refresh_token_expires_in");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @Timeout(10)
    @CsvSource(delimiter = '|', value = {
            "scope|5",
            "scope|{\"repo\":true}",
            "scope|[1,2]",
            "refresh_token|12345",
            "refresh_token|{\"t\":\"x\"}",
            "id_token|[]",
    })
    @DisplayName("defect 6: a non-string where a string belongs is invalid_response")
    void defect6_wrongTypes(String field, String json) {
        answerWith("\"" + field + "\":" + json);
        assertInvalidResponseNaming(field);
    }

    @ParameterizedTest(name = "token_type: {0}")
    @Timeout(10)
    @ValueSource(strings = {"7", "false"})
    @DisplayName("defect 6: a non-string token_type is invalid_response")
    void defect6_tokenTypeNotAString(String json) {
        sandbox.enqueueResponse(TOKEN_PATH, SandboxResponse.json(200,
                "{\"access_token\":\"" + CANARY + "\",\"token_type\":" + json + "}"));
        assertInvalidResponseNaming("token_type");
    }

    @ParameterizedTest(name = "expires_in: {0}")
    @Timeout(10)
    @ValueSource(strings = {"28800", "\"28800\"", "28800.0", "0", "2147483647"})
    @DisplayName("defect 6: sane expires_in values (number, form string, whole double, up to 2^31-1) are still accepted")
    void defect6_saneExpiresInAccepted(String json) {
        answerWith("\"expires_in\":" + json);
        Instant before = sandbox.clock().instant();

        GithubUserCredentials credentials = flow.exchange(e -> e.authorizationResponse(callback));

        long seconds = Long.parseLong(json.replace("\"", "").replace(".0", ""));
        assertThat(credentials.expiresIn()).isEqualTo(seconds);
        assertThat(credentials.expiresAt()).isBetween(before.plusSeconds(seconds), sandbox.clock().instant().plusSeconds(seconds));
    }
}
