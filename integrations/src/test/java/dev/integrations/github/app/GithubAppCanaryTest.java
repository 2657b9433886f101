package dev.integrations.github.app;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import dev.integrations.AuthManager;
import dev.integrations.Integrations;
import dev.integrations.github.sandbox.GithubSandbox;
import dev.integrations.github.sandbox.GithubSandboxExtension;
import dev.integrations.github.sandbox.RecordedRequest;
import dev.integrations.github.sandbox.SandboxGithubApp;
import dev.integrations.github.sandbox.SandboxInstallation;
import org.junit.jupiter.api.DisplayName;
import dev.integrations.SdkLogCapture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The GitHub App paths with SDK logging at TRACE: no installation token, JWT (nor its signature)
 * or private-key line may appear in a log line, an exception message or a {@code toString()}.
 */
@ExtendWith(GithubSandboxExtension.class)
@DisplayName("issue 10: GitHub App secrets never reach logs, exception messages or toString()")
class GithubAppCanaryTest {
    @RegisterExtension
    final SdkLogCapture logs = new SdkLogCapture();
    private final List<String> observed = new ArrayList<>();


    @Test
    void noAppPathLeaksATokenAJwtOrTheKey(GithubSandbox sandbox) {
        SandboxGithubApp app = sandbox.registerGithubApp("canary-app", TestKeys.publicKey("app-pkcs8.pem"));
        SandboxInstallation installation = sandbox.installGithubApp(app, sandbox.defaultUser(), Map.of("contents", "read"));
        Map<String, String> env = new HashMap<>(sandbox.environment());
        env.put("GITHUB_APP_ID", Long.toString(app.id()));
        env.put("GITHUB_APP_PRIVATE_KEY", TestKeys.pem("app-pkcs1.pem"));
        AuthManager auth = AuthManager.builder().environment(env).clock(sandbox.clock()).build();
        GithubAppClient client = auth.githubApp();

        // Successful paths: app calls, a session, a renewal, a narrowed token, a revoked one.
        observe(client.getApp(), client.listInstallations(), client);
        InstallationToken direct = client.createInstallationToken(r -> r.installationId(installation.id())
                .repositories("Spoon-Knife"));
        observe(direct);
        try (Integrations session = auth.installation(installation.id())) {
            observe(session, session.github(), session.github().rawRequest("GET", "/repos/octocat/Spoon-Knife"));
            sandbox.clock().advance(Duration.ofMinutes(57));
            observe(session.github().rawRequest("GET", "/repos/octocat/Spoon-Knife"));
            sandbox.revokeToken(lastToken(sandbox));
            observe(session.github().rawRequest("GET", "/repos/octocat/Spoon-Knife"));
            // Failing paths.
            capture(() -> session.github().rawRequest("POST", "/repos/octocat/Spoon-Knife/issues", Map.of("title", "t")));
            capture(() -> session.github().getAuthenticatedUser());
        }
        capture(() -> client.getInstallation(999));
        capture(() -> client.createInstallationToken(r -> r.installationId(installation.id()).permission("issues", "write")));
        capture(() -> auth.installationForOwner("nobody-here"));
        AuthManager wrongKey = AuthManager.builder().environment(sandbox.environment()).clock(sandbox.clock())
                .githubApp(a -> a.appId(app.id()).privateKeyPem(TestKeys.pem("other-pkcs8.pem"))).build();
        capture(() -> wrongKey.githubApp().getApp());
        capture(() -> GithubAppPrivateKey.fromPem(TestKeys.pem("app-pkcs1.pem").substring(0, 900)));
        capture(() -> GithubAppPrivateKey.fromPem(TestKeys.pem("app-pkcs8.pem").replace("M", "*")));
        observe(auth, wrongKey, GithubAppSettings.fromEnvironment(env), GithubAppPrivateKey.fromPem(TestKeys.pem("other-pkcs8.pem")));
        for (RecordedRequest request : sandbox.requests()) {
            observe(request);
        }

        Set<String> canaries = new LinkedHashSet<>();
        for (RecordedRequest request : sandbox.requests()) {
            List<String> authorization = request.headers().get("authorization");
            if (authorization != null) {
                String credential = authorization.get(0).replaceFirst("^\\S+ ", "");
                canaries.add(credential);
                if (credential.chars().filter(c -> c == '.').count() == 2) {
                    canaries.add(credential.substring(credential.lastIndexOf('.') + 1));   // the JWT's signature
                }
            }
        }
        canaries.add(direct.token());
        for (String pem : List.of("app-pkcs1.pem", "app-pkcs8.pem", "other-pkcs8.pem")) {
            for (String line : TestKeys.bodyLines(pem)) {
                canaries.add(line.length() > 32 ? line.substring(8, 40) : line);
            }
        }
        assertThat(canaries).anyMatch(c -> c.startsWith("ghs_")).anyMatch(c -> c.startsWith("ey"));
        for (ILoggingEvent event : logs.events()) {
            observed.add(event.getFormattedMessage());
            observed.add(String.valueOf(java.util.Arrays.toString(event.getArgumentArray())));
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                observed.add(t.getMessage());
            }
        }
        assertThat(logs.events()).as("the app paths log at debug level, so this test can see log lines")
                .anyMatch(e -> e.getFormattedMessage().contains("installation token"))
                .anyMatch(e -> e.getFormattedMessage().contains("JWT"));
        assertThat(observed).hasSizeGreaterThan(20);
        for (String text : observed) {
            for (String canary : canaries) {
                assertThat(text).as("a message or toString() leaked a secret").doesNotContain(canary);
            }
        }
    }

    private static String lastToken(GithubSandbox sandbox) {
        List<RecordedRequest> requests = sandbox.requests("/repos/octocat/Spoon-Knife");
        return requests.get(requests.size() - 1).headers().get("authorization").get(0).replaceFirst("^\\S+ ", "");
    }

    private void observe(Object... values) {
        for (Object value : values) {
            observed.add(String.valueOf(value));
        }
    }

    private void capture(Runnable action) {
        try {
            action.run();
            throw new AssertionError("expected a failure");
        } catch (RuntimeException e) {
            for (Throwable t = e; t != null; t = t.getCause()) {
                observed.add(t.getMessage());
                observed.add(t.toString());
            }
        }
    }
}
