package dev.integrations.github.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The authorization step over HTTP: consent page, decision, redirect rules (https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps, https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps#redirect-urls). */
class AuthorizationFlowTest {

    private GithubSandbox sandbox;
    private OAuthDriver driver;

    @BeforeEach
    void start() {
        sandbox = GithubSandbox.start();
        driver = new OAuthDriver(sandbox);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void fullWebFlowFromConsentPageToUser() {
        Map<String, String> params = driver.defaultParams();
        HttpResponse<String> page = driver.authorizePage(params);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.body())
                .startsWith("<!DOCTYPE html>")
                .contains("<button type=\"submit\" name=\"decision\" value=\"authorize\" id=\"authorize\">Authorize</button>")
                .contains("<button type=\"submit\" name=\"decision\" value=\"deny\" id=\"deny\">Deny</button>")
                .contains("Iv1.sandbox-client", "octocat", "<code>repo</code>", "<code>gist</code>")
                .contains("action=\"/login/oauth/authorize\"");

        HttpResponse<String> decision = driver.decide(OAuthDriver.consentId(page), "authorize");
        assertThat(decision.statusCode()).isEqualTo(302);
        URI location = URI.create(decision.headers().firstValue("Location").orElseThrow());
        assertThat(location.getHost()).isEqualTo("127.0.0.1");
        assertThat(location.getPort()).isEqualTo(49152);
        assertThat(location.getPath()).isEqualTo("/callback");
        Map<String, String> callback = TestHttp.queryOf(location);
        assertThat(callback.get("code")).matches("[0-9a-f]{20}");
        assertThat(callback).containsEntry("state", "state-123");

        JsonNode token = driver.exchangeJson(driver.exchangeParams(callback.get("code")));
        assertThat(token.path("access_token").asText()).matches("gho_[A-Za-z0-9]{36}");
        assertThat(token.path("token_type").asText()).isEqualTo("bearer");
        assertThat(token.path("scope").asText()).isEqualTo("repo,gist");
        assertThat(token.has("error")).isFalse();

        HttpResponse<String> user = TestHttp.getUser(sandbox, token.path("access_token").asText());
        assertThat(user.statusCode()).isEqualTo(200);
        assertThat(user.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(user.headers().firstValue("X-OAuth-Scopes")).hasValue("repo, gist");
        assertThat(user.headers().firstValue("X-Accepted-OAuth-Scopes")).hasValue("");
        assertThat(user.headers().firstValue("X-GitHub-Media-Type")).hasValue("github.v3; format=json");
        assertThat(user.headers().firstValue("X-GitHub-Request-Id")).hasValueSatisfying(id -> assertThat(id).isNotBlank());
        assertThat(user.headers().firstValue("x-ratelimit-limit")).hasValue("5000");
        assertThat(user.headers().firstValue("x-ratelimit-remaining")).hasValue("4999");
        assertThat(user.headers().firstValue("x-ratelimit-used")).hasValue("1");
        assertThat(user.headers().firstValue("x-ratelimit-resource")).hasValue("core");
        assertThat(user.headers().firstValue("x-ratelimit-reset")).hasValueSatisfying(reset ->
                assertThat(Long.parseLong(reset)).isGreaterThan(sandbox.clock().instant().getEpochSecond()));
        JsonNode body = TestHttp.json(user);
        assertThat(body.path("login").asText()).isEqualTo("octocat");
        assertThat(body.path("id").asLong()).isEqualTo(1L);
        assertThat(body.path("node_id").asText()).isEqualTo("MDQ6VXNlcjE=");
    }

    @Test
    void denyRedirectsWithAccessDeniedAndState() {
        URI location = driver.authorizeAndDecide(driver.defaultParams(), "deny");

        Map<String, String> callback = TestHttp.queryOf(location);
        assertThat(location.getPath()).isEqualTo("/callback");
        assertThat(callback).containsEntry("error", "access_denied")
                .containsEntry("state", "state-123")
                .containsKeys("error_description", "error_uri")
                .doesNotContainKey("code");
    }

    @Test
    void stateIsOmittedWhenNotSent() {
        Map<String, String> params = driver.defaultParams();
        params.remove("state");

        Map<String, String> callback = TestHttp.queryOf(driver.authorizeAndDecide(params, "authorize"));

        assertThat(callback).containsKey("code").doesNotContainKey("state");
    }

    @Test
    void unknownClientGetsAnHtmlNotFoundPageWithoutRedirect() {
        Map<String, String> params = driver.defaultParams();
        params.put("client_id", "Iv1.nobody");

        HttpResponse<String> page = driver.authorizePage(params);

        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.headers().firstValue("Location")).isEmpty();
        assertThat(page.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
        assertThat(page.body()).startsWith("<!DOCTYPE html>").contains("client_id");
    }

    @Test
    void redirectUriMismatchRedirectsToTheRegisteredCallbackWithError() {
        Map<String, String> params = driver.defaultParams();
        params.put("redirect_uri", "http://evil.example/callback");

        HttpResponse<String> response = driver.authorizePage(params);

        assertThat(response.statusCode()).isEqualTo(302);
        URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
        assertThat(location.getHost()).isEqualTo("127.0.0.1");
        assertThat(location.getPort()).isEqualTo(-1);
        assertThat(location.getPath()).isEqualTo("/callback");
        assertThat(TestHttp.queryOf(location))
                .containsEntry("error", "redirect_uri_mismatch")
                .containsEntry("state", "state-123")
                .containsKeys("error_description", "error_uri");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1/callback", "http://127.0.0.1:1234/callback",
            "http://127.0.0.1:65000/callback/deeper/path", "http://127.0.0.1:8080/callback?x=1"})
    void loopbackCallbackAcceptsAnyPortAndSubdirectories(String redirectUri) {
        Map<String, String> params = driver.defaultParams();
        params.put("redirect_uri", redirectUri);

        URI location = driver.authorizeAndDecide(params, "authorize");

        assertThat(location.toString()).startsWith(redirectUri);
        assertThat(TestHttp.queryOf(location)).containsKey("code");
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://127.0.0.1:1234/other", "http://127.0.0.1:1234/callbackextra",
            "http://localhost:1234/callback", "https://127.0.0.1/callback", "http://127.0.0.1/callback/../admin",
            "http://127.0.0.1/callback/%2e%2e/admin", "http://[::1]/callback", "not a uri"})
    void loopbackCallbackRejectsOtherHostsPathsAndSchemes(String redirectUri) {
        Map<String, String> params = driver.defaultParams();
        params.put("redirect_uri", redirectUri);

        HttpResponse<String> response = driver.authorizePage(params);

        assertThat(response.statusCode()).isEqualTo(302);
        assertThat(TestHttp.queryOf(URI.create(response.headers().firstValue("Location").orElseThrow())))
                .containsEntry("error", "redirect_uri_mismatch");
    }

    @Test
    void nonLoopbackCallbackFollowsHostSubdomainPortAndPathRules() {
        sandbox.registerApp("Iv1.web", "web-secret", "http://example.com/path");
        Map<String, String> params = driver.defaultParams();
        params.put("client_id", "Iv1.web");

        for (String accepted : new String[]{"http://example.com/path", "http://example.com/path/subdir/other",
                "http://oauth.example.com/path"}) {
            params.put("redirect_uri", accepted);
            assertThat(driver.authorizePage(params).statusCode()).as(accepted).isEqualTo(200);
        }
        for (String rejected : new String[]{"http://example.com/bar", "http://example.com/", "http://example.com:8080/path",
                "http://oauth.example.org/path", "http://notexample.com/path"}) {
            params.put("redirect_uri", rejected);
            HttpResponse<String> response = driver.authorizePage(params);
            assertThat(response.statusCode()).as(rejected).isEqualTo(302);
            assertThat(response.headers().firstValue("Location").orElseThrow())
                    .as(rejected).startsWith("http://example.com/path?error=redirect_uri_mismatch");
        }
    }

    @Test
    void omittedRedirectUriUsesTheRegisteredCallback() {
        Map<String, String> params = driver.defaultParams();
        params.remove("redirect_uri");

        URI location = driver.authorizeAndDecide(params, "authorize");

        assertThat(location.toString()).startsWith("http://127.0.0.1/callback?code=");
    }

    @Test
    void codeChallengeWithAMethodOtherThanS256IsRejectedAtAuthorize() {
        Map<String, String> params = driver.defaultParams();
        params.put("code_challenge", Pkce.s256("a".repeat(43)));
        params.put("code_challenge_method", "plain");

        HttpResponse<String> response = driver.authorizePage(params);

        assertThat(response.statusCode()).isEqualTo(302);
        URI location = URI.create(response.headers().firstValue("Location").orElseThrow());
        assertThat(location.getPort()).isEqualTo(49152);
        assertThat(TestHttp.queryOf(location)).containsEntry("error", "invalid_request").containsEntry("state", "state-123");

        params.remove("code_challenge_method");
        assertThat(TestHttp.queryOf(URI.create(driver.authorizePage(params).headers().firstValue("Location").orElseThrow())))
                .containsEntry("error", "invalid_request");
    }

    @Test
    void consentIdIsSingleUseAndUnknownIdsAreRejected() {
        HttpResponse<String> page = driver.authorizePage(driver.defaultParams());
        String consentId = OAuthDriver.consentId(page);

        assertThat(driver.decide(consentId, "authorize").statusCode()).isEqualTo(302);
        HttpResponse<String> again = driver.decide(consentId, "authorize");
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(again.body()).startsWith("<!DOCTYPE html>");
        assertThat(driver.decide("forged-id", "authorize").statusCode()).isEqualTo(400);
    }

    @Test
    void unknownDecisionIsRejectedAndKeepsTheConsentUsable() {
        String consentId = OAuthDriver.consentId(driver.authorizePage(driver.defaultParams()));

        assertThat(driver.decide(consentId, "maybe").statusCode()).isEqualTo(400);
        assertThat(driver.decide(consentId, "authorize").statusCode()).isEqualTo(302);
    }

    @Test
    void loginParameterSelectsARegisteredUser() {
        SandboxUser hubot = sandbox.registerUser("hubot");
        Map<String, String> params = driver.defaultParams();
        params.put("login", "hubot");

        HttpResponse<String> page = driver.authorizePage(params);
        assertThat(page.body()).contains("<strong id=\"login\">hubot</strong>");
        String code = TestHttp.queryOf(URI.create(driver.decide(OAuthDriver.consentId(page), "authorize")
                .headers().firstValue("Location").orElseThrow())).get("code");
        String token = driver.exchangeJson(driver.exchangeParams(code)).path("access_token").asText();

        JsonNode user = TestHttp.json(TestHttp.getUser(sandbox, token));
        assertThat(user.path("login").asText()).isEqualTo("hubot");
        assertThat(user.path("id").asLong()).isEqualTo(hubot.id()).isEqualTo(2L);
    }

    @Test
    void consentPageEscapesEverythingItShows() {
        Map<String, String> params = driver.defaultParams();
        params.put("scope", "<script>alert(1)</script> repo");
        params.put("redirect_uri", "http://127.0.0.1:1/callback?a='x'&b=1");

        HttpResponse<String> page = driver.authorizePage(params);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).doesNotContain("<script>", "'x'")
                .contains("&lt;script&gt;alert(1)&lt;/script&gt;", "?a=&#39;x&#39;&amp;b=1");
    }

    @Test
    void scopesAreNormalisedLikeGithub() {
        Map<String, String> params = driver.defaultParams();
        params.put("scope", "user,gist user:email gist");

        String code = driver.code(params);

        assertThat(driver.exchangeJson(driver.exchangeParams(code)).path("scope").asText()).isEqualTo("user,gist");
    }
}
