package dev.integrations.github.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The consent page in a real browser: headless Chromium (Debian's, through ChromeDriver) opens the
 * authorization URL, a person's click on Authorize or Deny submits the page's own form, and the
 * browser follows the sandbox's redirect to an app callback served here by a JDK {@link HttpServer}.
 *
 * <p>Needs {@code /usr/bin/chromium} and {@code /usr/bin/chromedriver}: skipped without them, except
 * with {@code CI=true}, where .ci/run installs them and their absence fails (see {@link HeadlessChromium}).
 * Screenshots go to {@code target/browser-screenshots/}.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ConsentPageBrowserTest {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String CALLBACK_TITLE = "Example app callback";

    private GithubSandbox sandbox;
    private HttpServer callbackServer;
    private final AtomicReference<String> callbackQuery = new AtomicReference<>();
    private URI callbackUri;
    private HeadlessChromium chromium;
    private ChromeDriver browser;

    @BeforeEach
    void start() throws IOException {
        HeadlessChromium.assumeInstalled("the consent-page browser test");
        sandbox = GithubSandbox.start();
        callbackServer = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        callbackServer.createContext("/callback", exchange -> {
            try {
                callbackQuery.compareAndSet(null, exchange.getRequestURI().getRawQuery() == null
                        ? "" : exchange.getRequestURI().getRawQuery());
                byte[] page = ("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>" + CALLBACK_TITLE
                        + "</title></head><body><h1 id=\"callback\">Back in the app</h1></body></html>")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, page.length);
                try (OutputStream body = exchange.getResponseBody()) {
                    body.write(page);
                }
            } finally {
                exchange.close();
            }
        });
        callbackServer.start();
        callbackUri = URI.create("http://127.0.0.1:" + callbackServer.getAddress().getPort() + "/callback");
        chromium = HeadlessChromium.start("--window-size=1024,768");
        browser = chromium.driver();
    }

    @AfterEach
    void stop() {
        try {
            if (chromium != null) {
                chromium.close();
            }
        } finally {
            if (callbackServer != null) {
                callbackServer.stop(0);
            }
            if (sandbox != null) {
                sandbox.close();
            }
        }
    }

    @Test
    void authorizeInTheBrowserThenExchangeTheCodeAndReadTheUser() {
        String verifier = codeVerifier();
        String state = randomState();
        Map<String, String> params = authorizationParams("repo user", state, verifier);

        browser.get(authorizationUrl(params));

        assertThat(browser.getTitle()).as("the consent page's title").isNotBlank().contains("Authorize");
        assertThat(text("#client-id")).isEqualTo(GithubSandbox.DEFAULT_CLIENT_ID);
        assertThat(text("#login")).isEqualTo(GithubSandbox.DEFAULT_LOGIN);
        assertThat(scopesShown()).containsExactly("repo", "user");
        assertThat(text("#redirect-uri")).isEqualTo(callbackUri.toString());
        assertThat(browser.findElement(By.id("authorize")).isDisplayed()).isTrue();
        assertThat(browser.findElement(By.id("deny")).isDisplayed()).isTrue();
        screenshot("consent-page.png");

        browser.findElement(By.id("authorize")).click();
        Map<String, String> callback = awaitCallback();

        assertThat(callback.get("code")).matches("[0-9a-f]{20}");
        assertThat(callback).containsEntry("state", state).doesNotContainKey("error");

        Map<String, String> exchange = new LinkedHashMap<>();
        exchange.put("client_id", sandbox.defaultApp().clientId());
        exchange.put("client_secret", sandbox.defaultApp().clientSecret());
        exchange.put("code", callback.get("code"));
        exchange.put("redirect_uri", callbackUri.toString());
        exchange.put("code_verifier", verifier);
        HttpResponse<String> tokenResponse = TestHttp.postForm(sandbox.tokenUrl(), exchange, "Accept", "application/json");
        assertThat(tokenResponse.statusCode()).as(tokenResponse.body()).isEqualTo(200);
        JsonNode token = TestHttp.json(tokenResponse);
        assertThat(token.has("error")).as(tokenResponse.body()).isFalse();
        assertThat(token.path("access_token").asText()).matches("gho_[A-Za-z0-9]{36}");
        assertThat(token.path("scope").asText()).isEqualTo("repo,user");

        HttpResponse<String> user = TestHttp.getUser(sandbox, token.path("access_token").asText());
        assertThat(user.statusCode()).as(user.body()).isEqualTo(200);
        assertThat(TestHttp.json(user).path("login").asText()).isEqualTo(GithubSandbox.DEFAULT_LOGIN);
    }

    @Test
    void denyInTheBrowserSendsAccessDeniedWithTheState() {
        String state = randomState();
        browser.get(authorizationUrl(authorizationParams("repo user", state, codeVerifier())));
        assertThat(text("#login")).isEqualTo(GithubSandbox.DEFAULT_LOGIN);

        browser.findElement(By.id("deny")).click();
        Map<String, String> callback = awaitCallback();

        assertThat(callback).containsEntry("error", "access_denied")
                .containsEntry("state", state)
                .doesNotContainKey("code");
    }

    @Test
    void markupInRequestParametersIsShownAsTextAndNeverRuns() {
        String script = "<script>window.__pwned=1</script>";
        String svg = "<svg/onload=window.__pwned=2>";
        String image = "<img/src/onerror=window.__pwned=3>";
        Map<String, String> params = authorizationParams("repo " + script + "," + svg + " " + image,
                randomState(), codeVerifier());
        params.put("login", "<script>window.__pwned=4</script>");

        browser.get(authorizationUrl(params));

        assertThat(browser.getTitle()).contains("Authorize");
        assertThat(scopesShown()).containsExactly("repo", script, svg, image);
        assertThat(text("#login")).as("an unknown login falls back to the default user")
                .isEqualTo(GithubSandbox.DEFAULT_LOGIN);
        assertThat(browser.findElements(By.cssSelector("script, svg, img"))).as("elements injected into the page").isEmpty();
        assertThat(browser.executeScript("return typeof window.__pwned;")).isEqualTo("undefined");
        screenshot("consent-page-escaped.png");

        browser.findElement(By.id("authorize")).click();
        Map<String, String> callback = awaitCallback();
        assertThat(callback.get("code")).matches("[0-9a-f]{20}");
    }

    private Map<String, String> authorizationParams(String scope, String state, String verifier) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("client_id", GithubSandbox.DEFAULT_CLIENT_ID);
        params.put("redirect_uri", callbackUri.toString());
        params.put("scope", scope);
        params.put("state", state);
        params.put("code_challenge", s256(verifier));
        params.put("code_challenge_method", "S256");
        return params;
    }

    private String authorizationUrl(Map<String, String> params) {
        return sandbox.authorizationUrl() + "?" + TestHttp.form(params);
    }

    /** Waits until the browser has landed on the callback page; returns the query the callback server received. */
    private Map<String, String> awaitCallback() {
        new WebDriverWait(browser, HeadlessChromium.STEP_TIMEOUT)
                .withMessage(() -> "the browser to land on " + callbackUri + " (it is at " + browser.getCurrentUrl() + ")")
                .until((WebDriver d) -> callbackQuery.get() != null
                        && d.getCurrentUrl().startsWith(callbackUri + "?")
                        && CALLBACK_TITLE.equals(d.getTitle()));
        assertThat(text("#callback")).isEqualTo("Back in the app");
        Map<String, String> received = TestHttp.parseForm(callbackQuery.get());
        assertThat(TestHttp.queryOf(URI.create(browser.getCurrentUrl())))
                .as("the query in the browser's address bar").isEqualTo(received);
        return received;
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText();
    }

    private List<String> scopesShown() {
        return browser.findElements(By.cssSelector("#scopes li code")).stream()
                .map(WebElement::getText)
                .collect(Collectors.toList());
    }

    private void screenshot(String name) {
        Path dir = Path.of(System.getProperty("basedir", "."), "target", "browser-screenshots");
        try {
            Files.createDirectories(dir);
            Files.write(dir.resolve(name), browser.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String codeVerifier() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String randomState() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
