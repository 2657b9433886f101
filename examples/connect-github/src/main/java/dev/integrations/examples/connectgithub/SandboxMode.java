package dev.integrations.examples.connectgithub;

import dev.integrations.github.sandbox.GithubSandbox;
import dev.integrations.github.sandbox.SandboxApp;
import dev.integrations.github.sandbox.SandboxUser;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sandbox mode, the default: when no GitHub OAuth app is configured, starts an in-process
 * {@link GithubSandbox} before the application context is refreshed and points the starter's
 * {@code integrations.github.*} properties at it, so one command runs the whole demo offline.
 *
 * <p>Decided by {@code connect-github.sandbox.enabled} when set; otherwise on unless a client id
 * is configured ({@code integrations.github.client-id}, e.g. from
 * {@code INTEGRATIONS_GITHUB_CLIENT_ID}, or the SDK's {@code GITHUB_CLIENT_ID}). The sandbox is a
 * bean named {@value #BEAN_NAME} and stops with the context.
 *
 * <p>Registered in {@code META-INF/spring.factories}, so it applies however the app is started
 * ({@code main}, {@code java -jar}, a test's {@code SpringApplication}).
 */
public final class SandboxMode implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** The bean name of the running {@link GithubSandbox}, in sandbox mode. */
    public static final String BEAN_NAME = "githubSandbox";
    /** {@code true} or {@code false} forces sandbox mode on or off. */
    public static final String ENABLED = "connect-github.sandbox.enabled";
    /** The sandbox's port; 0 (default) picks a free one. */
    public static final String PORT = "connect-github.sandbox.port";
    /** Set in sandbox mode: the sandbox's base URL, shown in the page's banner. */
    public static final String URL = "connect-github.sandbox.url";
    /** The client id of the OAuth app the demo registers with the sandbox. */
    public static final String CLIENT_ID = "Iv1.connect-github-demo";
    /**
     * Where the starter receives GitHub's redirect. No redirect URI is configured in sandbox mode:
     * the starter derives it from the request, so the app works on any port of 127.0.0.1 (the
     * registered loopback callback accepts any port, as GitHub's does).
     */
    static final String CALLBACK_PATH = "/integrations/github/callback";

    private static final Logger LOG = LoggerFactory.getLogger(SandboxMode.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Instantiated by Spring from {@code META-INF/spring.factories}. */
    public SandboxMode() {
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        ConfigurableEnvironment environment = context.getEnvironment();
        if (!enabled(environment)) {
            return;
        }
        GithubSandbox sandbox = GithubSandbox.builder()
                .port(environment.getProperty(PORT, Integer.class, 0))
                .build();
        try {
            SandboxApp app = sandbox.registerApp(CLIENT_ID, randomSecret(), "http://127.0.0.1" + CALLBACK_PATH);
            seed(sandbox);
            environment.getPropertySources().addFirst(new MapPropertySource("connect-github-sandbox",
                    properties(sandbox, app)));
            context.getBeanFactory().registerSingleton(BEAN_NAME, sandbox);
            context.addApplicationListener((ApplicationListener<ContextClosedEvent>) event -> sandbox.close());
        } catch (RuntimeException e) {
            sandbox.close();
            throw e;
        }
        LOG.info("Sandbox mode: GitHub is simulated at {} (set GITHUB_CLIENT_ID, GITHUB_CLIENT_SECRET and "
                + "CONNECT_GITHUB_DEMO_PASSWORD to use github.com, see examples/connect-github/README.md)",
                sandbox.baseUri());
    }

    static boolean enabled(ConfigurableEnvironment environment) {
        String forced = environment.getProperty(ENABLED);
        if (forced != null && !forced.isBlank()) {
            return Boolean.parseBoolean(forced.trim());
        }
        return isBlank(environment.getProperty("integrations.github.client-id"))
                && isBlank(environment.getProperty("GITHUB_CLIENT_ID"));
    }

    /** The demo user {@code octocat} gets a few repositories besides the sandbox's seeded ones. */
    private static void seed(GithubSandbox sandbox) {
        SandboxUser octocat = sandbox.defaultUser();
        sandbox.createRepository(octocat, "octo-blog", "Notes on building with the GitHub API", false);
        sandbox.createRepository(octocat, "dotfiles", "Shell, editor and git settings", false);
        sandbox.createRepository(octocat, "release-drafter", "Drafts release notes from merged pull requests", false);
    }

    private static Map<String, Object> properties(GithubSandbox sandbox, SandboxApp app) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("integrations.github.client-id", app.clientId());
        properties.put("integrations.github.client-secret", app.clientSecret());
        properties.put("integrations.github.authorization-url", sandbox.authorizationUrl().toString());
        properties.put("integrations.github.token-url", sandbox.tokenUrl().toString());
        properties.put("integrations.github.api-url", sandbox.apiUrl().toString());
        properties.put(URL, sandbox.baseUri().toString());
        return properties;
    }

    private static String randomSecret() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
