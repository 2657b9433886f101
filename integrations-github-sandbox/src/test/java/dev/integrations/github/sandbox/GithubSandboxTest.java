package dev.integrations.github.sandbox;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The sandbox's Java API: lifecycle, URLs, registration, environment, clock, main. */
class GithubSandboxTest {

    @Test
    void urlsAndEnvironmentPointAtTheRunningServer() {
        try (GithubSandbox sandbox = GithubSandbox.start()) {
            String base = sandbox.baseUri().toString();

            assertThat(base).matches("http://127\\.0\\.0\\.1:\\d+");
            assertThat(sandbox.authorizationUrl()).hasToString(base + "/login/oauth/authorize");
            assertThat(sandbox.tokenUrl()).hasToString(base + "/login/oauth/access_token");
            assertThat(sandbox.apiUrl()).isEqualTo(sandbox.baseUri());
            assertThat(sandbox.environment()).containsExactly(
                    Map.entry("GITHUB_AUTHORIZATION_URL", base + "/login/oauth/authorize"),
                    Map.entry("GITHUB_TOKEN_URL", base + "/login/oauth/access_token"),
                    Map.entry("GITHUB_BASE_URL", base),
                    Map.entry("GITHUB_CLIENT_ID", "Iv1.sandbox-client"),
                    Map.entry("GITHUB_CLIENT_SECRET", sandbox.defaultApp().clientSecret()));
            assertThat(TestHttp.get(sandbox.apiUrl().resolve("/user")).statusCode()).isEqualTo(401);
        }
    }

    @Test
    void defaultAppAndUser() {
        try (GithubSandbox sandbox = GithubSandbox.start()) {
            SandboxApp app = sandbox.defaultApp();
            assertThat(app.clientId()).isEqualTo("Iv1.sandbox-client");
            assertThat(app.clientSecret()).matches("[0-9a-f]{40}");
            assertThat(app.callbackUrl()).isEqualTo("http://127.0.0.1/callback");
            assertThat(app.expiringTokens()).isFalse();
            assertThat(sandbox.defaultUser().login()).isEqualTo("octocat");
            assertThat(sandbox.defaultUser().id()).isEqualTo(1L);
        }
    }

    @Test
    void appToStringNeverShowsTheSecret() {
        SandboxApp app = new SandboxApp("Iv1.x", "canary-secret-123", "https://example.com/cb");

        assertThat(app.toString()).doesNotContain("canary-secret-123").contains("Iv1.x", "<redacted>");
    }

    @Test
    void registrationValidatesAndIdsIncrement() {
        try (GithubSandbox sandbox = GithubSandbox.start()) {
            assertThat(sandbox.registerUser("hubot").id()).isEqualTo(2L);
            assertThat(sandbox.registerUser("monalisa", "Mona Lisa", null).id()).isEqualTo(3L);
            assertThatThrownBy(() -> sandbox.registerUser("HUBOT")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> sandbox.registerUser("bad login")).isInstanceOf(IllegalArgumentException.class);
            assertThat(sandbox.registerUser("spacey").id()).isEqualTo(4L);

            assertThatThrownBy(() -> sandbox.registerApp("Iv1.sandbox-client", "s", "http://127.0.0.1/x"))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> sandbox.registerApp("Iv1.y", "s", "/relative"))
                    .isInstanceOf(IllegalArgumentException.class);
            SandboxUser stranger = new SandboxUser(99, "stranger", null, null, Instant.EPOCH);
            assertThatThrownBy(() -> sandbox.issueToken(stranger)).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void issuedTokenScopesAreNormalised() {
        try (GithubSandbox sandbox = GithubSandbox.start()) {
            String token = sandbox.issueToken(sandbox.defaultUser(), "repo", "repo:status", "gist", "gist");

            assertThat(TestHttp.getUser(sandbox, token).headers().firstValue("X-OAuth-Scopes")).hasValue("repo, gist");
        }
    }

    @Test
    void closeStopsTheServerAndIsIdempotent() {
        GithubSandbox sandbox = GithubSandbox.start();
        HttpRequest request = HttpRequest.newBuilder(sandbox.apiUrl().resolve("/user")).timeout(Duration.ofSeconds(5)).build();

        sandbox.close();
        sandbox.close();

        assertThatThrownBy(() -> TestHttp.CLIENT.send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
    }

    @Test
    void fixedPortIsHonoured() {
        int port;
        try (GithubSandbox first = GithubSandbox.start()) {
            port = first.baseUri().getPort();
        }
        try (GithubSandbox sandbox = GithubSandbox.builder().port(port).build()) {
            assertThat(sandbox.baseUri().getPort()).isEqualTo(port);
        }
    }

    @Test
    void clockTicksUntilFrozenAndMovesOnCommand() throws InterruptedException {
        SandboxClock clock = new SandboxClock();
        assertThat(clock.isFrozen()).isFalse();
        assertThat(Duration.between(Instant.now(), clock.instant()).abs()).isLessThan(Duration.ofSeconds(1));

        clock.set(Instant.parse("2030-01-01T00:00:00Z"));
        Instant before = clock.instant();
        Thread.sleep(20);
        assertThat(clock.instant()).isAfter(before).isBefore(Instant.parse("2030-01-01T00:01:00Z"));

        clock.freeze();
        Instant frozen = clock.instant();
        Thread.sleep(20);
        assertThat(clock.instant()).isEqualTo(frozen);
        clock.advance(Duration.ofMinutes(10));
        assertThat(clock.instant()).isEqualTo(frozen.plus(Duration.ofMinutes(10)));
        assertThat(clock.withZone(ZoneId.of("Europe/Paris")).instant()).isEqualTo(clock.instant());
        assertThatThrownBy(() -> clock.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);

        clock.resume();
        Thread.sleep(20);
        assertThat(clock.instant()).isAfter(frozen.plus(Duration.ofMinutes(10)));
    }

    @Test
    void defaultHttpClientWhichOffersHttp2UpgradeIsServed() throws Exception {
        // HttpClient.newHttpClient() prefers HTTP/2 and sends "Upgrade: h2c"; the sandbox must answer in HTTP/1.1.
        HttpClient client = HttpClient.newHttpClient();
        try (GithubSandbox sandbox = GithubSandbox.start()) {
            OAuthDriver driver = new OAuthDriver(sandbox);
            String consentId = OAuthDriver.consentId(client.send(HttpRequest.newBuilder(
                    URI.create(sandbox.authorizationUrl() + "?" + TestHttp.form(driver.defaultParams()))).build(),
                    HttpResponse.BodyHandlers.ofString()));
            HttpResponse<String> redirect = client.send(HttpRequest.newBuilder(sandbox.authorizationUrl())
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("consent_id=" + consentId + "&decision=authorize")).build(),
                    HttpResponse.BodyHandlers.ofString());
            String code = TestHttp.queryOf(URI.create(redirect.headers().firstValue("Location").orElseThrow())).get("code");
            HttpResponse<String> token = client.send(HttpRequest.newBuilder(sandbox.tokenUrl())
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"client_id\":\"Iv1.sandbox-client\",\"client_secret\":\""
                            + sandbox.defaultApp().clientSecret() + "\",\"code\":\"" + code + "\"}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            String accessToken = TestHttp.json(token).path("access_token").asText();
            HttpResponse<String> user = client.send(HttpRequest.newBuilder(sandbox.apiUrl().resolve("/user"))
                    .header("Authorization", "Bearer " + accessToken).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(redirect.statusCode()).isEqualTo(302);
            assertThat(accessToken).startsWith("gho_");
            assertThat(user.statusCode()).isEqualTo(200);
            assertThat(user.version()).isEqualTo(HttpClient.Version.HTTP_1_1);
        }
    }

    @Test
    void mainPrintsWhatAClientNeeds() {
        try (GithubSandbox sandbox = GithubSandbox.start()) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            GithubSandboxMain.describe(sandbox, new PrintStream(bytes, true, StandardCharsets.UTF_8));
            String out = bytes.toString(StandardCharsets.UTF_8);

            assertThat(out).contains("GitHub sandbox running at " + sandbox.baseUri())
                    .contains(sandbox.defaultApp().clientSecret())
                    .contains("GITHUB_BASE_URL=" + sandbox.baseUri())
                    .contains("GITHUB_CLIENT_ID=Iv1.sandbox-client")
                    .doesNotContain("GITHUB_REDIRECT_URI");
            String token = out.lines().filter(l -> l.contains("Token for")).findFirst().orElseThrow().replaceAll(".*: ", "");
            assertThat(TestHttp.getUser(sandbox, token).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void mainParsesThePortArgument() {
        PrintStream err = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

        assertThat(GithubSandboxMain.parsePort(new String[0], err)).isZero();
        assertThat(GithubSandboxMain.parsePort(new String[]{"--port", "8080"}, err)).isEqualTo(8080);
        assertThat(GithubSandboxMain.parsePort(new String[]{"--port=9090"}, err)).isEqualTo(9090);
        assertThat(GithubSandboxMain.parsePort(new String[]{"--port", "x"}, err)).isNull();
        assertThat(GithubSandboxMain.parsePort(new String[]{"--bogus"}, err)).isNull();
    }
}
