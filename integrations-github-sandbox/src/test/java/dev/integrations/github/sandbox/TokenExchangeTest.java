package dev.integrations.github.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /login/oauth/access_token} for the web flow (https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps), over HTTP. */
class TokenExchangeTest {

    private static final String VERIFIER = "dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk";

    private GithubSandbox sandbox;
    private OAuthDriver driver;

    @BeforeEach
    void start() {
        sandbox = GithubSandbox.builder().clock(SandboxClock.frozenAt(java.time.Instant.parse("2026-01-01T00:00:00Z"))).build();
        driver = new OAuthDriver(sandbox);
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void codeIsSingleUse() {
        String code = driver.code(driver.defaultParams());

        assertThat(driver.exchangeJson(driver.exchangeParams(code)).has("access_token")).isTrue();
        JsonNode second = driver.exchangeJson(driver.exchangeParams(code));

        assertThat(second.path("error").asText()).isEqualTo("bad_verification_code");
        assertThat(second.path("error_description").asText()).isEqualTo("The code passed is incorrect or expired.");
        assertThat(second.path("error_uri").asText()).startsWith("https://docs.github.com/");
        assertThat(second.has("access_token")).isFalse();
    }

    @Test
    void codeExpiresAfterTenMinutes() {
        String fresh = driver.code(driver.defaultParams());
        String stale = driver.code(driver.defaultParams());

        sandbox.clock().advance(Duration.ofMinutes(9).plusSeconds(59));
        assertThat(driver.exchangeJson(driver.exchangeParams(fresh)).has("access_token")).isTrue();
        sandbox.clock().advance(Duration.ofSeconds(1));
        assertThat(driver.exchangeJson(driver.exchangeParams(stale)).path("error").asText()).isEqualTo("bad_verification_code");
    }

    @Test
    void wrongSecretAndUnknownClientAreIncorrectClientCredentials() {
        String code = driver.code(driver.defaultParams());

        Map<String, String> wrongSecret = driver.exchangeParams(code);
        wrongSecret.put("client_secret", "not-the-secret");
        HttpResponse<String> response = driver.exchange(wrongSecret);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(TestHttp.json(response).path("error").asText()).isEqualTo("incorrect_client_credentials");

        Map<String, String> unknownClient = driver.exchangeParams(code);
        unknownClient.put("client_id", "Iv1.nobody");
        assertThat(driver.exchangeJson(unknownClient).path("error").asText()).isEqualTo("incorrect_client_credentials");

        Map<String, String> noSecret = driver.exchangeParams(code);
        noSecret.remove("client_secret");
        assertThat(driver.exchangeJson(noSecret).path("error").asText()).isEqualTo("incorrect_client_credentials");

        // None of the failed attempts got far enough to spend the code.
        assertThat(driver.exchangeJson(driver.exchangeParams(code)).has("access_token")).isTrue();
    }

    @Test
    void codeIssuedToAnotherClientIsABadVerificationCode() {
        sandbox.registerApp("Iv1.other", "other-secret", "http://127.0.0.1/callback");
        String code = driver.code(driver.defaultParams());

        Map<String, String> params = driver.exchangeParams(code);
        params.put("client_id", "Iv1.other");
        params.put("client_secret", "other-secret");

        assertThat(driver.exchangeJson(params).path("error").asText()).isEqualTo("bad_verification_code");
        assertThat(driver.exchangeJson(driver.exchangeParams(code)).has("access_token")).isTrue();
    }

    @Test
    void redirectUriMustEqualTheOneUsedAtAuthorize() {
        String code = driver.code(driver.defaultParams());
        Map<String, String> params = driver.exchangeParams(code);
        params.put("redirect_uri", "http://127.0.0.1:49153/callback");

        JsonNode response = driver.exchangeJson(params);

        assertThat(response.path("error").asText()).isEqualTo("redirect_uri_mismatch");
        assertThat(response.path("error_description").asText()).contains("redirect_uri");
    }

    @Test
    void matchingRedirectUriIsAccepted() {
        String code = driver.code(driver.defaultParams());
        Map<String, String> params = driver.exchangeParams(code);
        params.put("redirect_uri", "http://127.0.0.1:49152/callback");

        assertThat(driver.exchangeJson(params).path("access_token").asText()).startsWith("gho_");
    }

    @Test
    void pkceWithTheRightVerifierSucceeds() {
        String code = driver.code(pkceParams());
        Map<String, String> params = driver.exchangeParams(code);
        params.put("code_verifier", VERIFIER);

        assertThat(driver.exchangeJson(params).path("access_token").asText()).startsWith("gho_");
    }

    @Test
    void pkceWithAWrongVerifierFails() {
        String code = driver.code(pkceParams());
        Map<String, String> params = driver.exchangeParams(code);
        params.put("code_verifier", VERIFIER.replace('d', 'e'));

        JsonNode response = driver.exchangeJson(params);

        assertThat(response.path("error").asText()).isEqualTo("invalid_grant");
        assertThat(response.path("error_description").asText()).isEqualTo("The code_verifier does not match the code_challenge.");
        // A failed verifier spends the code: it cannot be retried with guesses.
        params.put("code_verifier", VERIFIER);
        assertThat(driver.exchangeJson(params).path("error").asText()).isEqualTo("bad_verification_code");
    }

    @Test
    void pkceWithoutVerifierFails() {
        String code = driver.code(pkceParams());

        assertThat(driver.exchangeJson(driver.exchangeParams(code)).path("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void verifierForACodeWithoutChallengeFails() {
        String code = driver.code(driver.defaultParams());
        Map<String, String> params = driver.exchangeParams(code);
        params.put("code_verifier", VERIFIER);

        assertThat(driver.exchangeJson(params).path("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    void responseIsFormEncodedWithoutAcceptJson() {
        String code = driver.code(driver.defaultParams());

        HttpResponse<String> response = TestHttp.postForm(sandbox.tokenUrl(), driver.exchangeParams(code));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/x-www-form-urlencoded; charset=utf-8");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(response.body()).matches("access_token=gho_[A-Za-z0-9]{36}&scope=repo%2Cgist&token_type=bearer");

        HttpResponse<String> error = TestHttp.postForm(sandbox.tokenUrl(), driver.exchangeParams(code), "Accept", "application/xml");
        assertThat(TestHttp.parseForm(error.body())).containsEntry("error", "bad_verification_code")
                .containsKeys("error_description", "error_uri");
    }

    @Test
    void jsonRequestBodyIsAccepted() {
        String code = driver.code(driver.defaultParams());
        String json = "{\"client_id\":\"" + sandbox.defaultApp().clientId() + "\",\"client_secret\":\""
                + sandbox.defaultApp().clientSecret() + "\",\"code\":\"" + code + "\",\"state\":\"state-123\"}";

        HttpResponse<String> response = TestHttp.postJson(sandbox.tokenUrl(), json, "Accept", "application/json");

        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
        assertThat(TestHttp.json(response).path("access_token").asText()).startsWith("gho_");
    }

    @Test
    void malformedJsonBodyIsABadRequest() {
        HttpResponse<String> response = TestHttp.postJson(sandbox.tokenUrl(), "[1,2", "Accept", "application/json");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(TestHttp.json(response).path("error").asText()).isEqualTo("invalid_request");
    }

    @Test
    void queryStringParametersAreAccepted() {
        String code = driver.code(driver.defaultParams());
        URI uri = URI.create(sandbox.tokenUrl() + "?" + TestHttp.form(driver.exchangeParams(code)));

        HttpResponse<String> response = TestHttp.send(HttpRequest.newBuilder(uri)
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.noBody()).build());

        assertThat(TestHttp.json(response).path("access_token").asText()).startsWith("gho_");
    }

    @Test
    void basicClientAuthenticationIsAccepted() {
        String code = driver.code(driver.defaultParams());
        String basic = Base64.getEncoder().encodeToString((sandbox.defaultApp().clientId() + ":"
                + sandbox.defaultApp().clientSecret()).getBytes(StandardCharsets.UTF_8));

        HttpResponse<String> response = TestHttp.postForm(sandbox.tokenUrl(), Map.of("code", code),
                "Accept", "application/json", "Authorization", "Basic " + basic);

        assertThat(TestHttp.json(response).path("access_token").asText()).startsWith("gho_");
    }

    @Test
    void unknownGrantTypesAreRejected() {
        Map<String, String> params = driver.exchangeParams("x");
        params.put("grant_type", "password");
        assertThat(driver.exchangeJson(params).path("error").asText()).isEqualTo("unsupported_grant_type");

        params.put("grant_type", "urn:ietf:params:oauth:grant-type:device_code");
        assertThat(driver.exchangeJson(params).path("error").asText()).isEqualTo("device_flow_disabled");
    }

    @Test
    void getIsNotServed() {
        HttpResponse<String> response = TestHttp.get(sandbox.tokenUrl());

        assertThat(response.statusCode()).isEqualTo(404);
    }

    @Test
    void concurrentExchangesOfOneCodeYieldExactlyOneToken() throws Exception {
        for (int round = 0; round < 5; round++) {
            String code = driver.code(driver.defaultParams());
            int contenders = 16;
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(contenders);
            try {
                List<Future<JsonNode>> results = new ArrayList<>();
                for (int i = 0; i < contenders; i++) {
                    results.add(pool.submit(() -> {
                        go.await();
                        return driver.exchangeJson(driver.exchangeParams(code));
                    }));
                }
                go.countDown();
                int tokens = 0;
                for (Future<JsonNode> result : results) {
                    JsonNode body = result.get();
                    if (body.has("access_token")) {
                        tokens++;
                    } else {
                        assertThat(body.path("error").asText()).isEqualTo("bad_verification_code");
                    }
                }
                assertThat(tokens).isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private Map<String, String> pkceParams() {
        Map<String, String> params = driver.defaultParams();
        params.put("code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
        params.put("code_challenge_method", "S256");
        return params;
    }
}
