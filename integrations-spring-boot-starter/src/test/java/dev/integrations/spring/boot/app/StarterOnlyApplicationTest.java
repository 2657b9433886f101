package dev.integrations.spring.boot.app;

import dev.integrations.AuthManager;
import dev.integrations.Integrations;
import dev.integrations.github.auth.GithubUserCredentials;
import dev.integrations.github.sandbox.GithubSandbox;
import dev.integrations.github.sandbox.RecordedRequest;
import dev.integrations.github.sandbox.SandboxBrowser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Done-when of the starter: an application that only adds the starter and its properties connects
 * a signed-in user to GitHub (here the sandbox, over real HTTP) and calls GitHub as them.
 *
 * <p>The three properties an application sets against github.com are the client id, the client
 * secret and (optionally, else derived from the request) the redirect URI. Against the sandbox the
 * GitHub URLs are set too, standing in for github.com's defaults, and the redirect URI is derived
 * (the port is random). Spring Security's own properties sign the user in.
 */
@SpringBootTest(classes = StarterOnlyApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@DisplayName("An application with only the starter and its properties connects a user and calls GitHub as them")
class StarterOnlyApplicationTest {
    private static final GithubSandbox SANDBOX = GithubSandbox.start();
    private static final String CLIENT_ID = "Iv1.starter-only-app";
    private static final String CLIENT_SECRET = "starter-only-app-secret-canary";
    private static final String BASIC = "Basic " + Base64.getEncoder().encodeToString("alice:wonderland".getBytes(StandardCharsets.UTF_8));
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    static {
        SANDBOX.registerApp(CLIENT_ID, CLIENT_SECRET, "http://127.0.0.1/integrations/github/callback");
    }

    @LocalServerPort
    int port;

    @Autowired
    AuthManager auth;

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("integrations.github.client-id", () -> CLIENT_ID);
        registry.add("integrations.github.client-secret", () -> CLIENT_SECRET);
        registry.add("integrations.github.authorization-url", () -> SANDBOX.authorizationUrl().toString());
        registry.add("integrations.github.token-url", () -> SANDBOX.tokenUrl().toString());
        registry.add("integrations.github.api-url", () -> SANDBOX.apiUrl().toString());
        registry.add("spring.security.user.name", () -> "alice");
        registry.add("spring.security.user.password", () -> "wonderland");
    }

    @AfterAll
    static void stopSandbox() {
        SANDBOX.close();
    }

    @Test
    void aSignedInUserConnectsGithubAndTheApplicationCallsGithubAsThemThenDisconnects() throws Exception {
        HttpResponse<String> connect = send(HttpRequest.newBuilder(app("/integrations/github/connect")).header("Authorization", BASIC).GET());
        assertThat(connect.statusCode()).isEqualTo(302);
        URI authorization = URI.create(connect.headers().firstValue("Location").orElseThrow());
        assertThat(authorization.toString()).startsWith(SANDBOX.authorizationUrl().toString())
                .contains("code_challenge_method=S256").contains("state=");

        URI callback = SandboxBrowser.approve(authorization);
        assertThat(callback.toString()).startsWith(app("/integrations/github/callback").toString());
        HttpResponse<String> done = send(HttpRequest.newBuilder(callback).header("Authorization", BASIC).GET());
        assertThat(done.statusCode()).as("callback answered: %s", done.body()).isEqualTo(302);
        assertThat(done.headers().firstValue("Location").orElseThrow()).endsWith("/");

        GithubUserCredentials stored = auth.loadCredentials("github", "alice", GithubUserCredentials.class).orElseThrow();
        try (Integrations session = auth.session("alice")) {
            assertThat(session.github().getAuthenticatedUser().login()).isEqualTo(GithubSandbox.DEFAULT_LOGIN);
        }
        RecordedRequest asUser = SANDBOX.requests("/user").get(SANDBOX.requests("/user").size() - 1);
        assertThat(asUser.header("Authorization")).isEqualTo("Bearer " + stored.accessToken());

        HttpResponse<String> login = send(HttpRequest.newBuilder(app("/login")).GET());
        Matcher csrf = CSRF.matcher(login.body());
        assertThat(csrf.find()).as("Spring Security's login page carries a CSRF token: %s", login.body()).isTrue();
        HttpResponse<String> disconnect = send(HttpRequest.newBuilder(app("/integrations/github/disconnect"))
                .header("Authorization", BASIC).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("_csrf=" + java.net.URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8))));
        assertThat(disconnect.statusCode()).as("disconnect answered: %s", disconnect.body()).isEqualTo(303);
        assertThat(auth.loadCredentials("github", "alice")).isEmpty();
    }

    private URI app(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return browser.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
