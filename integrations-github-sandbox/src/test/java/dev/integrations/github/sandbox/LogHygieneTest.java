package dev.integrations.github.sandbox;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Secrets, codes and tokens never reach a log line, even at DEBUG. */
class LogHygieneTest {

    private final Logger packageLogger = (Logger) LoggerFactory.getLogger("dev.integrations.github.sandbox");
    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private Level previousLevel;

    @BeforeEach
    void capture() {
        previousLevel = packageLogger.getLevel();
        packageLogger.setLevel(Level.DEBUG);
        // Captured only, not echoed to the console.
        packageLogger.setAdditive(false);
        captured.start();
        packageLogger.addAppender(captured);
    }

    @AfterEach
    void release() {
        packageLogger.detachAppender(captured);
        packageLogger.setLevel(previousLevel);
        packageLogger.setAdditive(true);
    }

    @Test
    void fullFlowsLeaveNoCredentialInTheLogs() {
        List<String> canaries = new ArrayList<>();
        try (GithubSandbox sandbox = GithubSandbox.start()) {
            SandboxApp app = sandbox.registerApp(new SandboxApp("Iv23.canary", "canary-secret-5f1d", "http://127.0.0.1/cb", true));
            canaries.add(app.clientSecret());
            canaries.add(sandbox.defaultApp().clientSecret());
            OAuthDriver driver = new OAuthDriver(sandbox);

            Map<String, String> authorize = new LinkedHashMap<>();
            authorize.put("client_id", app.clientId());
            authorize.put("state", "canary-state-77");
            canaries.add("canary-state-77");
            String code = driver.code(authorize);
            canaries.add(code);
            Map<String, String> exchange = new LinkedHashMap<>();
            exchange.put("client_id", app.clientId());
            exchange.put("client_secret", app.clientSecret());
            exchange.put("code", code);
            JsonNode tokens = driver.exchangeJson(exchange);
            canaries.add(tokens.path("access_token").asText());
            canaries.add(tokens.path("refresh_token").asText());

            Map<String, String> refresh = new LinkedHashMap<>();
            refresh.put("client_id", app.clientId());
            refresh.put("client_secret", app.clientSecret());
            refresh.put("grant_type", "refresh_token");
            refresh.put("refresh_token", tokens.path("refresh_token").asText());
            JsonNode rotated = driver.exchangeJson(refresh);
            canaries.add(rotated.path("access_token").asText());
            assertThat(driver.exchangeJson(refresh).path("error").asText()).isEqualTo("bad_refresh_token");

            exchange.put("client_secret", "wrong-canary-secret");
            canaries.add("wrong-canary-secret");
            driver.exchangeJson(exchange);
            assertThat(TestHttp.getUser(sandbox, rotated.path("access_token").asText()).statusCode()).isEqualTo(200);
            String pat = sandbox.issueToken(sandbox.defaultUser());
            canaries.add(pat);
            TestHttp.getUser(sandbox, pat);
        }

        List<String> lines = new ArrayList<>();
        for (ILoggingEvent event : captured.list) {
            lines.add(event.getFormattedMessage());
            if (event.getThrowableProxy() != null) {
                lines.add(ThrowableProxyUtil.asString(event.getThrowableProxy()));
            }
        }
        assertThat(lines).as("the sandbox logged something at DEBUG").isNotEmpty();
        for (String canary : canaries) {
            assertThat(canary).isNotBlank();
            assertThat(lines).noneMatch(line -> line.contains(canary));
        }
    }
}
