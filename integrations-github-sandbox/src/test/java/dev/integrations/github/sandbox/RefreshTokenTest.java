package dev.integrations.github.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Expiring user tokens and refresh-token rotation (https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/refreshing-user-access-tokens), over HTTP. */
class RefreshTokenTest {

    private GithubSandbox sandbox;
    private OAuthDriver driver;
    private SandboxApp app;

    @BeforeEach
    void start() {
        sandbox = GithubSandbox.builder().clock(SandboxClock.frozenAt(Instant.parse("2026-01-01T00:00:00Z"))).build();
        driver = new OAuthDriver(sandbox);
        app = sandbox.registerApp(new SandboxApp("Iv23.expiring", "expiring-secret", "http://127.0.0.1/cb", true));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void expiringAppIssuesUserTokenWithRefreshToken() {
        JsonNode tokens = signIn();

        assertThat(tokens.path("access_token").asText()).matches("ghu_[A-Za-z0-9]{36}");
        assertThat(tokens.path("expires_in").asLong()).isEqualTo(28_800L);
        assertThat(tokens.path("refresh_token").asText()).matches("ghr_[A-Za-z0-9]{76}");
        assertThat(tokens.path("refresh_token_expires_in").asLong()).isEqualTo(15_811_200L);
        assertThat(tokens.path("scope").asText()).isEmpty();
        assertThat(tokens.path("token_type").asText()).isEqualTo("bearer");
        assertThat(TestHttp.getUser(sandbox, tokens.path("access_token").asText()).headers()
                .firstValue("X-OAuth-Scopes")).hasValue("");
    }

    @Test
    void accessTokenExpiresAfterEightHours() {
        String accessToken = signIn().path("access_token").asText();

        sandbox.clock().advance(Duration.ofHours(8).minusSeconds(1));
        assertThat(TestHttp.getUser(sandbox, accessToken).statusCode()).isEqualTo(200);
        sandbox.clock().advance(Duration.ofSeconds(1));
        assertThat(TestHttp.getUser(sandbox, accessToken).statusCode()).isEqualTo(401);
    }

    @Test
    void refreshRotatesBothTokensAndReuseIsRejected() {
        JsonNode first = signIn();
        String firstRefresh = first.path("refresh_token").asText();

        JsonNode second = driver.exchangeJson(refreshParams(firstRefresh));
        assertThat(second.path("access_token").asText()).startsWith("ghu_").isNotEqualTo(first.path("access_token").asText());
        assertThat(second.path("refresh_token").asText()).startsWith("ghr_").isNotEqualTo(firstRefresh);
        assertThat(second.path("expires_in").asLong()).isEqualTo(28_800L);

        assertThat(TestHttp.getUser(sandbox, first.path("access_token").asText()).statusCode()).isEqualTo(401);
        assertThat(TestHttp.getUser(sandbox, second.path("access_token").asText()).statusCode()).isEqualTo(200);

        JsonNode reuse = driver.exchangeJson(refreshParams(firstRefresh));
        assertThat(reuse.path("error").asText()).isEqualTo("bad_refresh_token");
        assertThat(reuse.path("error_description").asText()).isEqualTo("The refresh token passed is incorrect or expired.");
        assertThat(driver.exchangeJson(refreshParams(second.path("refresh_token").asText())).has("access_token")).isTrue();
    }

    @Test
    void refreshNeedsTheClientSecretAndTheRightClient() {
        String refresh = signIn().path("refresh_token").asText();

        Map<String, String> wrongSecret = refreshParams(refresh);
        wrongSecret.put("client_secret", "nope");
        assertThat(driver.exchangeJson(wrongSecret).path("error").asText()).isEqualTo("incorrect_client_credentials");

        Map<String, String> otherClient = refreshParams(refresh);
        otherClient.put("client_id", sandbox.defaultApp().clientId());
        otherClient.put("client_secret", sandbox.defaultApp().clientSecret());
        assertThat(driver.exchangeJson(otherClient).path("error").asText()).isEqualTo("bad_refresh_token");

        assertThat(driver.exchangeJson(refreshParams(refresh)).has("access_token")).isTrue();
    }

    @Test
    void refreshTokenExpiresAfterAboutSixMonths() {
        String refresh = signIn().path("refresh_token").asText();

        sandbox.clock().advance(Duration.ofSeconds(15_811_200));

        assertThat(driver.exchangeJson(refreshParams(refresh)).path("error").asText()).isEqualTo("bad_refresh_token");
    }

    @Test
    void revokedRefreshTokenIsRejected() {
        String refresh = signIn().path("refresh_token").asText();

        sandbox.revokeToken(refresh);

        assertThat(driver.exchangeJson(refreshParams(refresh)).path("error").asText()).isEqualTo("bad_refresh_token");
    }

    @Test
    void classicOAuthAppTokensCarryNoRefreshToken() {
        JsonNode tokens = driver.exchangeJson(driver.exchangeParams(driver.code(driver.defaultParams())));

        assertThat(tokens.has("refresh_token")).isFalse();
        assertThat(tokens.has("expires_in")).isFalse();
    }

    private JsonNode signIn() {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_id", app.clientId());
        params.put("redirect_uri", "http://127.0.0.1:5000/cb");
        params.put("state", "s");
        String code = driver.code(params);
        Map<String, String> exchange = new LinkedHashMap<>();
        exchange.put("client_id", app.clientId());
        exchange.put("client_secret", app.clientSecret());
        exchange.put("code", code);
        return driver.exchangeJson(exchange);
    }

    private Map<String, String> refreshParams(String refreshToken) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_id", app.clientId());
        params.put("client_secret", app.clientSecret());
        params.put("grant_type", "refresh_token");
        params.put("refresh_token", refreshToken);
        return params;
    }
}
