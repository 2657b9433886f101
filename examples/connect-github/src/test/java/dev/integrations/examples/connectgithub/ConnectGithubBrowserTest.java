package dev.integrations.examples.connectgithub;

import dev.integrations.github.sandbox.HeadlessChromium;
import dev.integrations.AuthManager;
import dev.integrations.auth.store.CredentialStatus;
import dev.integrations.auth.store.CredentialStore;
import dev.integrations.auth.store.StoredCredentials;
import dev.integrations.github.sandbox.GithubSandbox;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The example app as a person uses it, in headless Chromium: sign in, Connect GitHub, approve on
 * the sandbox's consent page, see the GitHub user and their repositories, disconnect; and the
 * "Reconnect GitHub" prompt once the stored credentials need reauthorization.
 *
 * <p>The app is started the way {@code java -jar} starts it (its {@code main} configuration, no
 * test slices), in its default sandbox mode. With {@code -Dscreenshots.dir=docs/images} (relative
 * to the repository root) the pages are saved as {@code connect-github-*.png} for the README.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class ConnectGithubBrowserTest {

    private static ConfigurableApplicationContext app;
    private static String baseUrl;
    private static AuthManager auth;
    private static GithubSandbox sandbox;

    private HeadlessChromium chromium;
    private ChromeDriver browser;

    @BeforeAll
    static void startApp() {
        HeadlessChromium.assumeInstalled("the connect-github browser test");
        int port = freePort();
        app = new SpringApplicationBuilder(ConnectGithubApplication.class)
                .run("--server.port=" + port, "--server.address=127.0.0.1", "--spring.main.banner-mode=off");
        baseUrl = "http://127.0.0.1:" + port;
        auth = app.getBean(AuthManager.class);
        sandbox = app.getBean(SandboxMode.BEAN_NAME, GithubSandbox.class);
    }

    @AfterAll
    static void stopApp() {
        if (app != null) {
            app.close();
        }
    }

    @BeforeEach
    void startBrowser() {
        chromium = HeadlessChromium.start("--window-size=1100,800", "--force-device-scale-factor=1", "--hide-scrollbars");
        browser = chromium.driver();
    }

    @AfterEach
    void stopBrowser() {
        if (chromium != null) {
            chromium.close();
        }
    }

    @Test
    void signInConnectGithubSeeTheUserAndRepositoriesThenDisconnect() {
        browser.get(baseUrl + "/");
        awaitVisible("#sign-in");
        assertThat(browser.getCurrentUrl()).isEqualTo(baseUrl + "/login");
        assertThat(text("#demo-accounts")).contains("alice", "sandbox");
        screenshot("sign-in");

        signIn("alice", "not-the-password");
        assertThat(text("#sign-in-error")).isEqualTo("Wrong user name or password.");

        signIn("alice", SecurityConfig.SANDBOX_PASSWORD);
        awaitVisible("#connect");
        assertThat(text("#signed-in-user")).isEqualTo("alice");
        assertThat(text("#connect")).isEqualTo("Connect GitHub");
        assertThat(auth.credentialStatus("github", "alice")).isEmpty();
        screenshot("connect");

        approveOnGithub("#connect");

        awaitVisible("#repositories");
        assertThat(browser.getCurrentUrl()).startsWith(baseUrl + "/");
        assertThat(text("#github-login")).isEqualTo(GithubSandbox.DEFAULT_LOGIN);
        assertThat(text("#github-name")).isEqualTo("The Octocat");
        assertThat(text("#notice")).startsWith("GitHub connected.");
        // The app asks for read:user only, so the private repository "notes" is not listed.
        assertThat(repositoriesShown()).containsExactlyInAnyOrder("octocat/Hello-World", "octocat/Spoon-Knife",
                "octocat/octo-blog", "octocat/dotfiles", "octocat/release-drafter");
        assertThat(text("#repository-count")).isEqualTo("5");
        assertThat(avatarLoaded()).as("the avatar image loaded").isTrue();
        assertThat(auth.credentialStatus("github", "alice")).contains(CredentialStatus.ACTIVE);
        assertThat(sandbox.requests("/user/repos")).as("the repositories came from GitHub (the sandbox)").isNotEmpty();
        screenshot("connected");

        browser.findElement(By.id("disconnect")).click();

        awaitVisible("#connect");
        assertThat(text("#notice")).startsWith("GitHub disconnected.");
        assertThat(browser.findElements(By.id("repositories"))).isEmpty();
        assertThat(auth.credentialStatus("github", "alice")).isEmpty();

        browser.findElement(By.id("sign-out")).click();
        awaitVisible("#signed-out");
        assertThat(text("#signed-out")).isEqualTo("You are signed out.");
    }

    @Test
    void storedCredentialsNeedingReauthorizationShowTheReconnectPromptAndReconnectingRestoresTheList() {
        browser.get(baseUrl + "/login");
        signIn("bob", SecurityConfig.SANDBOX_PASSWORD);
        approveOnGithub("#connect");
        awaitVisible("#repositories");

        CredentialStore store = auth.credentialStore();
        StoredCredentials row = store.get("github", "bob").orElseThrow();
        assertThat(store.markNeedsReauthorization("github", "bob", row.version())).isTrue();
        browser.navigate().refresh();

        awaitVisible("#reconnect-prompt");
        assertThat(text("#reconnect-title")).isEqualTo("Reconnect GitHub");
        assertThat(text("#reconnect")).isEqualTo("Reconnect GitHub");
        assertThat(browser.findElements(By.id("repositories"))).isEmpty();
        screenshot("reconnect");

        approveOnGithub("#reconnect");

        awaitVisible("#repositories");
        assertThat(text("#github-login")).isEqualTo(GithubSandbox.DEFAULT_LOGIN);
        assertThat(auth.credentialStatus("github", "bob")).contains(CredentialStatus.ACTIVE);
    }

    @Test
    void denyingOnGithubComesBackToTheConnectButtonWithANotice() {
        browser.get(baseUrl + "/login");
        signIn("alice", SecurityConfig.SANDBOX_PASSWORD);
        awaitVisible("#connect").click();

        awaitVisible("#deny").click();

        awaitVisible("#connect");
        assertThat(text("#notice")).isEqualTo("You cancelled the connection on GitHub. Nothing was connected.");
        assertThat(auth.credentialStatus("github", "alice")).isEmpty();
    }

    private void signIn(String user, String password) {
        awaitVisible("#username").clear();
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).clear();
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("sign-in")).click();
        new WebDriverWait(browser, HeadlessChromium.STEP_TIMEOUT).until(d -> !d.getCurrentUrl().equals(baseUrl + "/login"));
    }

    /** Clicks the app's connect link, then Authorize on the sandbox's consent page, as a person would. */
    private void approveOnGithub(String connectLink) {
        browser.findElement(By.cssSelector(connectLink)).click();
        awaitVisible("#authorize");
        assertThat(browser.getCurrentUrl()).startsWith(sandbox.authorizationUrl().toString());
        assertThat(browser.getTitle()).contains("Authorize");
        assertThat(text("#client-id")).isEqualTo(SandboxMode.CLIENT_ID);
        assertThat(browser.findElements(By.cssSelector("#scopes li code"))).extracting(WebElement::getText)
                .as("the scopes the app asks for").containsExactly("read:user");
        assertThat(text("#redirect-uri")).startsWith(baseUrl + "/");
        browser.findElement(By.id("authorize")).click();
        new WebDriverWait(browser, HeadlessChromium.STEP_TIMEOUT)
                .withMessage(() -> "the browser to come back to the app (it is at " + browser.getCurrentUrl() + ")")
                .until(d -> d.getCurrentUrl().startsWith(baseUrl + "/"));
    }

    private WebElement awaitVisible(String css) {
        return new WebDriverWait(browser, HeadlessChromium.STEP_TIMEOUT)
                .withMessage(() -> css + " on " + browser.getCurrentUrl())
                .until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    private String text(String css) {
        return browser.findElement(By.cssSelector(css)).getText().trim();
    }

    private List<String> repositoriesShown() {
        return browser.findElements(By.cssSelector("#repositories .repo-name")).stream()
                .map(WebElement::getText).toList();
    }

    private boolean avatarLoaded() {
        Object loaded = browser.executeScript(
                "const img = document.querySelector('#profile img.avatar');"
                        + "return img !== null && img.complete && img.naturalWidth > 0;");
        return Boolean.TRUE.equals(loaded);
    }

    /** Saves the whole page when {@code screenshots.dir} is set (relative to the repository root). */
    private void screenshot(String name) {
        String dir = System.getProperty("screenshots.dir");
        if (dir == null || dir.isBlank()) {
            return;
        }
        Path root = Path.of(System.getProperty("integrations.projectRoot", "."));
        Path target = root.resolve(dir).resolve("connect-github-" + name + ".png");
        // The whole page, not just the viewport: the browser lays it out at its full height.
        Number width = (Number) browser.executeScript("return document.documentElement.clientWidth;");
        Number height = (Number) browser.executeScript("return document.documentElement.scrollHeight;");
        browser.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", width.intValue(),
                "height", height.intValue(), "deviceScaleFactor", 1, "mobile", false));
        try {
            Files.createDirectories(target.getParent());
            Files.write(target, browser.getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            browser.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
