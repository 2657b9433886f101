package dev.integrations.examples.connectgithub;

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
 * Debian's headless Chromium through Debian's ChromeDriver ({@code apt-get install chromium
 * chromium-driver}), both at fixed paths given to Selenium explicitly, so Selenium Manager never
 * looks for or downloads a driver or a browser. Each instance has a new profile directory,
 * deleted by {@link #close()}.
 */
final class Chromium implements AutoCloseable {

    static final Path BROWSER = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    /** Bound on every browser step: page load, script, driver start and each driver call. */
    static final Duration STEP_TIMEOUT = Duration.ofSeconds(20);

    /** Selenium warns at each start that it has no CDP classes for this version; WebDriver only here. */
    private static final Logger CDP_VERSION_LOG = Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder");

    static {
        CDP_VERSION_LOG.setLevel(Level.SEVERE);
    }

    private final Path profile;
    private final ChromeDriver driver;

    private Chromium(Path profile, ChromeDriver driver) {
        this.profile = profile;
        this.driver = driver;
    }

    /** Skips the test without a browser, except on CI ({@code CI=true}), where that is a failure. */
    static void assumeInstalled() {
        List<String> missing = new ArrayList<>();
        for (Path path : List.of(BROWSER, DRIVER)) {
            if (!Files.isExecutable(path)) {
                missing.add(path.toString());
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        if ("true".equals(System.getenv("CI"))) {
            Assertions.fail("Missing " + String.join(" and ", missing) + " on CI: .ci/run installs them "
                    + "(apt-get install chromium chromium-driver); the connect-github browser test must not be skipped there.");
        }
        Assumptions.abort("Missing " + String.join(" and ", missing)
                + ": run `apt-get install chromium chromium-driver` to run the connect-github browser test.");
    }

    static Chromium start() {
        Path profile;
        try {
            profile = Files.createTempDirectory("connect-github-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--disable-sync",
                "--user-data-dir=" + profile,
                "--window-size=1100,800",
                "--force-device-scale-factor=1",
                "--hide-scrollbars");
        options.setPageLoadTimeout(STEP_TIMEOUT);
        options.setScriptTimeout(STEP_TIMEOUT);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort()
                .withTimeout(STEP_TIMEOUT)
                .build();
        ClientConfig client = ClientConfig.defaultConfig()
                .connectionTimeout(STEP_TIMEOUT)
                .readTimeout(STEP_TIMEOUT.multipliedBy(2));
        try {
            return new Chromium(profile, new ChromeDriver(service, options, client));
        } catch (RuntimeException e) {
            service.stop();
            deleteTree(profile);
            throw e;
        }
    }

    ChromeDriver driver() {
        return driver;
    }

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
