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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.URI;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * How the flow reads what GitHub's token endpoint really sends
 * (https://docs.github.com/en/apps/oauth-apps/maintaining-oauth-apps/troubleshooting-oauth-app-access-token-request-errors): errors inside
 * HTTP 200 bodies, form-encoded or JSON bodies, and what proxies and outages put there instead.
 * The sandbox answers the exchange with a canned response; the state check before it is real.
 */
@DisplayName("Token endpoint responses")
class TokenEndpointResponsesFlowTest {
    private static final String TOKEN_PATH = "/login/oauth/access_token";

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

    private GithubUserCredentials exchange() {
        return flow.exchange(e -> e.authorizationResponse(callback));
    }

    @ParameterizedTest(name = "{0} in an HTTP 200 JSON body is an error")
    @CsvSource({
            "bad_verification_code, The code passed is incorrect or expired., start the authorization again",
            "incorrect_client_credentials, The client_id and/or client_secret passed are incorrect., GITHUB_CLIENT_SECRET",
            "redirect_uri_mismatch, The redirect_uri MUST match the registered callback URL for this application., callback URL registered",
            "unverified_user_email, The user must have a verified primary email., verify their primary email",
    })
    void githubErrorsInHttp200JsonBodies(String code, String description, String advice) {
        sandbox.enqueueResponse(TOKEN_PATH, SandboxResponse.json(200, "{\"error\":\"" + code + "\",\"error_description\":\""
                + description + "\",\"error_uri\":\"https://docs.github.com/apps/troubleshooting\"}"));

        assertThatThrownBy(this::exchange).isInstanceOfSatisfying(OAuthException.class, e -> {
            assertThat(e.error()).isEqualTo(code);
            assertThat(e.errorDescription()).contains(description);
            assertThat(e.errorUri()).contains("https://docs.github.com/apps/troubleshooting");
            assertThat(e.getMessage()).contains(code).contains(advice);
        });
    }

    @Test
    void errorsInFormEncodedBodiesAreErrorsToo() {
        sandbox.enqueueResponse(TOKEN_PATH, SandboxResponse.of(200, "application/x-www-form-urlencoded",
                "error=bad_verification_code&error_description=The+code+passed+is+incorrect+or+expired."));

        assertThatThrownBy(this::exchange).isInstanceOfSatisfying(OAuthException.class, e -> {
            assertThat(e.error()).isEqualTo("bad_verification_code");
            assertThat(e.errorDescription()).contains("The code passed is incorrect or expired.");
        });
    }

    @Test
    void formEncodedSuccessIsParsedAndScopesAreSplitOnCommas() {
        sandbox.enqueueResponse(TOKEN_PATH, SandboxResponse.of(200, "application/x-www-form-urlencoded",
                "access_token=gho_16C7e42F292c6912E7710c838347Ae178B4a&scope=repo%2Cgist&token_type=bearer"));

        GithubUserCredentials credentials = exchange();

        assertThat(credentials.accessToken()).isEqualTo("gho_16C7e42F292c6912E7710c838347Ae178B4a");
        assertThat(credentials.scope()).containsExactly("repo", "gist");
        assertThat(credentials.tokenType()).isEqualTo("bearer");
    }

    @Test
    void scopesAreSplitOnWhitespaceAsWell() {
        sandbox.enqueueResponse(TOKEN_PATH, SandboxResponse.json(200,
                "{\"access_token\":\"gho_abc\",\"scope\":\"repo gist, user:email\",\"token_type\":\"bearer\"}"));

        assertThat(exchange().scope()).containsExactly("repo", "gist", "user:email");
    }

    @Test
    void anHtmlPageIsAClearError() {
        sandbox.enqueueResponse(TOKEN_PATH, SandboxResponse.of(200, "text/html; charset=utf-8",
                "<!DOCTYPE html><html><body>Sign in to GitHub</body></html>"));

        assertThatThrownBy(this::exchange).isInstanceOfSatisfying(OAuthException.class, e -> {
            assertThat(e.error()).isEqualTo(OAuthException.INVALID_RESPONSE);
            assertThat(e.getMessage()).contains("HTML page").contains("token_url").doesNotContain("Sign in");
        });
    }

    @Test
    void aProxyErrorPageWithStatus502IsAClearError() {
        sandbox.enqueueResponse(TOKEN_PATH, SandboxResponse.of(502, "text/html", "<html><h1>502 Bad Gateway</h1></html>"));

        assertThatThrownBy(this::exchange).isInstanceOfSatisfying(OAuthException.class, e -> {
            assertThat(e.error()).isEqualTo(OAuthException.INVALID_RESPONSE);
            assertThat(e.getMessage()).contains("HTTP 502");
        });
    }

    @Test
    void anEmptyBodyIsAClearError() {
        sandbox.enqueueResponse(TOKEN_PATH, SandboxResponse.of(200, "application/json", ""));

        assertThatThrownBy(this::exchange).isInstanceOfSatisfying(OAuthException.class, e -> {
            assertThat(e.error()).isEqualTo(OAuthException.INVALID_RESPONSE);
            assertThat(e.getMessage()).contains("empty body");
        });
    }

    @Test
    void anOversizedBodyIsRefusedWithoutReadingItAll() {
        String huge = "{\"access_token\":\"gho_x\",\"padding\":\"" + "a".repeat(200_000) + "\"}";
        sandbox.enqueueResponse(TOKEN_PATH, SandboxResponse.json(200, huge));

        assertThatThrownBy(this::exchange).isInstanceOfSatisfying(OAuthException.class, e -> {
            assertThat(e.error()).isEqualTo(OAuthException.INVALID_RESPONSE);
            assertThat(e.getMessage()).contains("more than").contains("bytes");
        });
    }

    @Test
    void malformedJsonIsAClearError() {
        sandbox.enqueueResponse(TOKEN_PATH, SandboxResponse.json(200, "{\"access_token\": "));

        assertThatThrownBy(this::exchange).isInstanceOfSatisfying(OAuthException.class,
                e -> assertThat(e.getMessage()).contains("malformed JSON"));
    }

    @Test
    void aSuccessStatusWithoutAccessTokenIsAClearError() {
        sandbox.enqueueResponse(TOKEN_PATH, SandboxResponse.json(200, "{\"token_type\":\"bearer\"}"));

        assertThatThrownBy(this::exchange).isInstanceOfSatisfying(OAuthException.class,
                e -> assertThat(e.getMessage()).contains("no access_token"));
    }

    @Test
    void anExpiringTokenGetsItsExpiryComputedFromExpiresIn() {
        sandbox.enqueueResponse(TOKEN_PATH, SandboxResponse.json(200, "{\"access_token\":\"ghu_abc\",\"expires_in\":28800,"
                + "\"refresh_token\":\"ghr_def\",\"refresh_token_expires_in\":15811200,\"scope\":\"\",\"token_type\":\"bearer\"}"));

        java.time.Instant before = sandbox.clock().instant();
        GithubUserCredentials credentials = exchange();

        assertThat(credentials.expiresAt()).isBetween(before.plusSeconds(28800), sandbox.clock().instant().plusSeconds(28800));
        assertThat(credentials.refreshToken()).isEqualTo("ghr_def");
        assertThat(credentials.scope()).isEmpty();
        assertThat(credentials.raw()).containsEntry("refresh_token_expires_in", 15811200L)
                .doesNotContainKeys("access_token", "refresh_token");
    }
}
