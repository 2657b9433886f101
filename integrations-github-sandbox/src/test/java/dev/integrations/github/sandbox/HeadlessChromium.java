package dev.integrations.github.sandbox;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.remote.http.ClientConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Debian's headless Chromium driven through Debian's ChromeDriver, both at fixed paths
 * ({@code apt-get install chromium chromium-driver}). The driver executable is given to Selenium
 * explicitly, so Selenium Manager never looks for (or downloads) a driver or a browser.
 *
 * <p>Each instance has its own, new profile directory, deleted by {@link #close()}. Shared with
 * other modules' browser tests (the Connect GitHub example's) through this module's test-jar.
 */
public final class HeadlessChromium implements AutoCloseable {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    /** Bound on every single browser step: page load, script, driver start and each driver call. */
    public static final Duration STEP_TIMEOUT = Duration.ofSeconds(20);

    /**
     * Selenium warns at every start that it ships no DevTools classes for this Chromium's version;
     * these tests use WebDriver only, never CDP. Held here so the logger's level is not collected.
     */
    private static final Logger CDP_VERSION_LOG = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    static {
        CDP_VERSION_LOG.setLevel(Level.SEVERE);
    }

    private final Path profile;
    private final ChromeDriver driver;

    private HeadlessChromium(Path profile, ChromeDriver driver) {
        this.profile = profile;
        this.driver = driver;
    }

    /**
     * Skips the calling test when the browser is not installed, except on CI ({@code CI=true}),
     * where .ci/run installs it and its absence is a failure.
     *
     * @param test what is skipped, for the message, e.g. "the consent-page browser test"
     */
    public static void assumeInstalled(String test) {
        List<String> missing = new ArrayList<>();
        for (Path path : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(path)) {
                missing.add(path.toString());
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        if ("true".equals(System.getenv("CI"))) {
            Assertions.fail("Missing " + String.join(" and ", missing) + " on CI: .ci/run installs them "
                    + "(apt-get install chromium chromium-driver) before running the tests; " + test
                    + " must not be skipped there.");
        }
        Assumptions.abort("Missing " + String.join(" and ", missing)
                + ": run `apt-get install chromium chromium-driver` to run " + test + ".");
    }

    /**
     * Starts a new headless browser with an empty profile.
     *
     * @param arguments further Chromium arguments, e.g. {@code --window-size=1024,768}
     * @return the running browser; close it
     */
    public static HeadlessChromium start(String... arguments) {
        Path profile;
        try {
            profile = Files.createTempDirectory("consent-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--disable-dev-shm-usage",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile);
        options.addArguments(arguments);
        options.setPageLoadTimeout(STEP_TIMEOUT);
        options.setScriptTimeout(STEP_TIMEOUT);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .withTimeout(STEP_TIMEOUT)
                .build();
        ClientConfig client = ClientConfig.defaultConfig()
                .connectionTimeout(STEP_TIMEOUT)
                .readTimeout(STEP_TIMEOUT.multipliedBy(2));
        try {
            return new HeadlessChromium(profile, new ChromeDriver(service, options, client));
        } catch (RuntimeException e) {
            service.stop();
            deleteTree(profile);
            throw e;
        }
    }

    /**
     * The WebDriver of this browser.
     *
     * @return the driver
     */
    public ChromeDriver driver() {
        return driver;
    }

    /** Quits the browser and its driver, and deletes the profile. */
    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            deleteTree(profile);
        }
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // A leftover temporary profile is harmless.
        }
    }
}
