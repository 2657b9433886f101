package dev.integrations.github.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

import static dev.integrations.github.sandbox.SandboxApi.assertValid;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The device flow (code request, page, polls with {@code slow_down} and expiry, per the sandbox
 * clock) and the token endpoints of {@code /applications/{client_id}} (answers validated against
 * GitHub's OpenAPI description).
 */
class DeviceFlowAndTokenAdminTest {
    private static final String DEVICE_GRANT = "urn:ietf:params:oauth:grant-type:device_code";

    private GithubSandbox sandbox;
    private SandboxApp app;

    @BeforeAll
    static void loadSpecification() {
        SandboxApi.validator();
    }

    @BeforeEach
    void start() {
        sandbox = GithubSandbox.builder().clock(SandboxClock.frozenAt(Instant.parse("2026-05-01T10:00:00Z"))).build();
        app = sandbox.defaultApp();
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    private HttpResponse<String> requestCode(String scope) {
        return TestHttp.postForm(sandbox.baseUri().resolve("/login/device/code"),
                Map.of("client_id", app.clientId(), "scope", scope), "Accept", "application/json");
    }

    private JsonNode poll(String deviceCode) {
        HttpResponse<String> response = TestHttp.postForm(sandbox.tokenUrl(),
                Map.of("client_id", app.clientId(), "device_code", deviceCode, "grant_type", DEVICE_GRANT),
                "Accept", "application/json");
        assertThat(response.statusCode()).as("device poll answers are HTTP 200, errors included").isEqualTo(200);
        return TestHttp.json(response);
    }

    @Test
    void deviceFlowIsOffUntilTheAppEnablesIt() {
        HttpResponse<String> refused = requestCode("repo");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(TestHttp.json(refused).path("error").asText()).isEqualTo("device_flow_disabled");
        assertThat(poll("0".repeat(40)).path("error").asText()).isEqualTo("device_flow_disabled");

        sandbox.deviceFlow().enable(app);
        HttpResponse<String> issued = requestCode("repo");
        assertThat(issued.statusCode()).isEqualTo(200);
        JsonNode body = TestHttp.json(issued);
        assertThat(body.path("device_code").asText()).matches("[0-9a-f]{40}");
        assertThat(body.path("user_code").asText()).matches("[A-Z]{4}-[A-Z]{4}");
        assertThat(body.path("verification_uri").asText()).isEqualTo(sandbox.baseUri() + "/login/device");
        assertThat(body.path("expires_in").asInt()).isEqualTo(900);
        assertThat(body.path("interval").asInt()).isEqualTo(5);
    }

    @Test
    void pollsArePendingThenSlowDownWhenTooFastThenGiveTheTokenOnce() {
        sandbox.deviceFlow().enable(app);
        JsonNode codes = TestHttp.json(requestCode("repo gist"));
        String deviceCode = codes.path("device_code").asText();

        sandbox.clock().advance(Duration.ofSeconds(5));
        assertThat(poll(deviceCode).path("error").asText()).isEqualTo("authorization_pending");
        sandbox.clock().advance(Duration.ofSeconds(2));
        JsonNode slowDown = poll(deviceCode);
        assertThat(slowDown.path("error").asText()).isEqualTo("slow_down");
        assertThat(slowDown.path("interval").asInt()).isEqualTo(10);
        sandbox.clock().advance(Duration.ofSeconds(6));
        assertThat(poll(deviceCode).path("error").asText()).as("10 s is the interval now").isEqualTo("slow_down");

        assertThat(sandbox.deviceFlow().approve(codes.path("user_code").asText().toLowerCase())).isTrue();
        sandbox.clock().advance(Duration.ofSeconds(15));
        JsonNode token = poll(deviceCode);
        assertThat(token.path("access_token").asText()).startsWith("gho_");
        assertThat(token.path("scope").asText()).isEqualTo("repo,gist");
        assertThat(TestHttp.getUser(sandbox, token.path("access_token").asText()).statusCode()).isEqualTo(200);
        sandbox.clock().advance(Duration.ofSeconds(15));
        assertThat(poll(deviceCode).path("error").asText()).as("a redeemed code").isEqualTo("incorrect_device_code");
    }

    @Test
    void deniedExpiredAndUnknownCodesEndThePolling() {
        sandbox.deviceFlow().enable(app);
        JsonNode denied = TestHttp.json(requestCode(""));
        JsonNode expired = TestHttp.json(requestCode(""));
        assertThat(sandbox.deviceFlow().deny(denied.path("user_code").asText())).isTrue();
        sandbox.clock().advance(Duration.ofSeconds(5));
        assertThat(poll(denied.path("device_code").asText()).path("error").asText()).isEqualTo("access_denied");
        sandbox.clock().advance(Duration.ofSeconds(895));
        assertThat(poll(expired.path("device_code").asText()).path("error").asText()).isEqualTo("expired_token");
        assertThat(sandbox.deviceFlow().approve(expired.path("user_code").asText())).as("too late").isFalse();
        assertThat(poll("f".repeat(40)).path("error").asText()).isEqualTo("incorrect_device_code");
    }

    @Test
    void theDevicePageTakesTheUserCode() {
        sandbox.deviceFlow().enable(app);
        JsonNode codes = TestHttp.json(requestCode("repo"));
        HttpResponse<String> page = TestHttp.get(sandbox.baseUri().resolve("/login/device"));
        assertThat(page.body()).contains("name=\"user_code\"").contains(GithubSandbox.DEFAULT_LOGIN);
        HttpResponse<String> wrong = TestHttp.postForm(sandbox.baseUri().resolve("/login/device"),
                Map.of("user_code", "BCDF-GHJK", "decision", "authorize"));
        assertThat(wrong.body()).contains("not valid");
        HttpResponse<String> approved = TestHttp.postForm(sandbox.baseUri().resolve("/login/device"),
                Map.of("user_code", codes.path("user_code").asText(), "decision", "authorize"));
        assertThat(approved.body()).contains("connected");
        sandbox.clock().advance(Duration.ofSeconds(5));
        assertThat(poll(codes.path("device_code").asText()).path("access_token").asText()).startsWith("gho_");
    }

    private HttpResponse<String> admin(String method, String path, String token, String secret) {
        String basic = Base64.getEncoder().encodeToString((app.clientId() + ":" + secret).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(sandbox.apiUrl().resolve(path))
                .header("User-Agent", TestHttp.USER_AGENT).header("Accept", "application/vnd.github+json")
                .header("Authorization", "Basic " + basic).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(token == null ? "{}" : "{\"access_token\":\"" + token + "\"}"))
                .build();
        return TestHttp.send(request);
    }

    private String userToken() {
        sandbox.deviceFlow().enable(app);
        JsonNode codes = TestHttp.json(requestCode("repo"));
        sandbox.deviceFlow().approve(codes.path("user_code").asText());
        sandbox.clock().advance(Duration.ofSeconds(5));
        return poll(codes.path("device_code").asText()).path("access_token").asText();
    }

    @Test
    void tokenCheckResetAndDeleteAnswerAsGithubDescribesThem() {
        String path = "/applications/" + app.clientId() + "/token";
        String template = "/applications/{client_id}/token";
        String token = userToken();
        String secret = app.clientSecret();

        JsonNode checked = TestHttp.json(assertValid(admin("POST", path, token, secret), 200, "POST", template));
        assertThat(checked.path("token").asText()).isEqualTo(token);
        assertThat(checked.path("scopes").get(0).asText()).isEqualTo("repo");
        assertThat(checked.path("app").path("client_id").asText()).isEqualTo(app.clientId());
        assertThat(checked.path("user").path("login").asText()).isEqualTo(GithubSandbox.DEFAULT_LOGIN);
        assertThat(admin("POST", path, token, "wrong-secret").statusCode()).isEqualTo(401);
        assertValid(admin("POST", path, null, secret), 422, "POST", template);

        JsonNode reset = TestHttp.json(assertValid(admin("PATCH", path, token, secret), 200, "PATCH", template));
        String fresh = reset.path("token").asText();
        assertThat(fresh).startsWith("gho_").isNotEqualTo(token);
        assertValid(admin("POST", path, token, secret), 404, "POST", template);
        assertValid(admin("PATCH", path, token, secret), 422, "PATCH", template);

        assertValid(admin("DELETE", path, fresh, secret), 204, "DELETE", template);
        assertThat(TestHttp.getUser(sandbox, fresh).statusCode()).isEqualTo(401);
        assertValid(admin("DELETE", path, fresh, secret), 422, "DELETE", template);
    }

    @Test
    void deletingTheGrantRevokesEveryTokenOfTheUserForTheApp() {
        String first = userToken();
        String second = userToken();
        String personal = sandbox.issueToken(sandbox.defaultUser(), "repo");
        String path = "/applications/" + app.clientId() + "/grant";

        assertValid(admin("DELETE", path, first, app.clientSecret()), 204, "DELETE", "/applications/{client_id}/grant");

        assertThat(TestHttp.getUser(sandbox, first).statusCode()).isEqualTo(401);
        assertThat(TestHttp.getUser(sandbox, second).statusCode()).isEqualTo(401);
        assertThat(TestHttp.getUser(sandbox, personal).statusCode()).as("not the app's").isEqualTo(200);
        assertValid(admin("DELETE", path, first, app.clientSecret()), 422, "DELETE", "/applications/{client_id}/grant");
        assertThat(admin("DELETE", "/applications/" + app.clientId() + "/token", personal, app.clientSecret()).statusCode())
                .as("a personal access token is not the app's to delete").isEqualTo(422);
    }
}
