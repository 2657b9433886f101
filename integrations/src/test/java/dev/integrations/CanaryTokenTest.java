package dev.integrations;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import dev.integrations.AuthManager;
import dev.integrations.auth.SessionOptions;
import dev.integrations.auth.oauth2.AuthorizationStep;
import dev.integrations.auth.oauth2.ExchangeRequest;
import dev.integrations.auth.oauth2.OAuth2Flow;
import dev.integrations.github.auth.GithubUserCredentials;
import dev.integrations.github.sandbox.GithubSandbox;
import dev.integrations.github.sandbox.GithubSandboxExtension;
import dev.integrations.github.sandbox.SandboxApp;
import dev.integrations.github.sandbox.SandboxBrowser;
import dev.integrations.github.sandbox.SandboxResponse;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plants canary secrets (client secret, personal access token, issued access and refresh
 * tokens, PKCE verifier, state, code) and runs every path that could leak them, successful and
 * failing, with SDK logging at TRACE. Not one may appear in a log line, an exception message or a
 * {@code toString()}.
 */
@ExtendWith(GithubSandboxExtension.class)
@DisplayName("Secrets never reach logs, exception messages or toString()")
class CanaryTokenTest {
    private static final String CANARY_SECRET = "CANARYsecret0000000000000000000000000001";
    private static final String CANARY_PAT = "ghp_CANARYpat00000000000000000000000002";

    @RegisterExtension
    final SdkLogCapture logs = new SdkLogCapture();
    private final List<String> canaries = new ArrayList<>(List.of(CANARY_SECRET, CANARY_PAT));
    private final List<String> observed = new ArrayList<>();


    @Test
    void noPathLeaksASecret(GithubSandbox sandbox) {
        SandboxApp app = sandbox.registerApp(new SandboxApp("Iv1.canary", CANARY_SECRET, "http://127.0.0.1/callback")
                .withExpiringTokens(true));
        Map<String, String> env = new HashMap<>(sandbox.environment());
        env.put("GITHUB_CLIENT_ID", app.clientId());
        env.put("GITHUB_CLIENT_SECRET", CANARY_SECRET);
        env.put("GITHUB_TOKEN", CANARY_PAT);
        AuthManager auth = AuthManager.builder().environment(env).clock(sandbox.clock()).build();
        OAuth2Flow<GithubUserCredentials> flow = auth.github().oauth2();

        // The successful path.
        AuthorizationStep step = flow.authorize(a -> a.subject("user-123").scopes("repo"));
        canaries.add(step.state());
        canaries.add(step.codeVerifier());
        URI callback = SandboxBrowser.approve(step.authorizationUrl());
        String code = dev.integrations.internal.http.FormEncoding.decode(callback.getRawQuery()).get("code");
        canaries.add(code);
        ExchangeRequest exchange = ExchangeRequest.builder().authorizationResponse(callback.toString()).subject("user-123").build();
        GithubUserCredentials token = flow.exchange(exchange);
        canaries.add(token.accessToken());
        canaries.add(token.refreshToken());
        auth.storeCredentials("github", "user-123", token);
        try (Integrations integrations = auth.session("user-123")) {
            integrations.github().getAuthenticatedUser();
            observe(integrations, integrations.github(), integrations.github().settings());
        }
        GithubUserCredentials refreshed = flow.refresh(token);
        canaries.add(refreshed.accessToken());
        canaries.add(refreshed.refreshToken());

        // Failing paths.
        capture(() -> flow.exchange(exchange));                                       // replayed state
        capture(() -> flow.refresh(token));                                           // reused refresh token
        capture(() -> flow.exchange(e -> e.code(code).skipStateVerification().codeVerifier(step.codeVerifier())));
        try (Integrations integrations = auth.session("nobody-uses-the-pat")) {
            capture(() -> integrations.github().getAuthenticatedUser());              // no credentials, PAT not used
        }
        try (Integrations integrations = auth.session(s -> s.providers("github"))) {
            capture(() -> integrations.github().getAuthenticatedUser());              // 401 with the PAT (no subject)
        }
        sandbox.revokeToken(refreshed.accessToken());
        try (Integrations integrations = auth.session(s -> s.subject("user-123").withCredentials("github", refreshed))) {
            capture(() -> integrations.github().getAuthenticatedUser());              // 401 with a revoked token
        }
        AuthorizationStep another = flow.authorize();
        canaries.add(another.state());
        URI anotherCallback = SandboxBrowser.approve(another.authorizationUrl());
        sandbox.enqueueResponse("/login/oauth/access_token", SandboxResponse.of(200, "text/html",
                "<html>" + CANARY_SECRET + "</html>"));
        capture(() -> flow.exchange(e -> e.authorizationResponse(anotherCallback)));  // HTML page quoting a secret
        capture(() -> auth.storeCredentials("github", "x", Map.of("access_token", 1, "refresh_token", CANARY_PAT)));

        observe(token, refreshed, auth, auth.github(), auth.github().appCredentials(), step, exchange,
                auth.credentialStore().get("github", "user-123").orElseThrow(),
                SessionOptions.builder().subject("s").withCredentials("github", token).build());

        for (ILoggingEvent event : logs.events()) {
            observed.add(event.getFormattedMessage());
            observed.add(String.valueOf(java.util.Arrays.toString(event.getArgumentArray())));
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                observed.add(t.getMessage());
            }
        }
        assertThat(logs.events()).as("the flow logs at debug level, so this test can see log lines").isNotEmpty();
        assertThat(observed).hasSizeGreaterThan(15);
        for (String text : observed) {
            for (String canary : canaries) {
                assertThat(text).as("a message or toString() leaked a secret").doesNotContain(canary);
            }
        }
    }

    @Test
    void deviceFlowTokenAdministrationAndDisconnectLeakNothing(GithubSandbox sandbox) {
        SandboxApp app = sandbox.registerApp(new SandboxApp("Iv1.canary-device", CANARY_SECRET, "http://127.0.0.1/callback"));
        sandbox.deviceFlow().enable(app);
        Map<String, String> env = new HashMap<>(sandbox.environment());
        env.put("GITHUB_CLIENT_ID", app.clientId());
        env.put("GITHUB_CLIENT_SECRET", CANARY_SECRET);
        AuthManager auth = AuthManager.builder().environment(env).clock(sandbox.clock()).build();
        dev.integrations.github.auth.GithubDeviceFlow device = auth.github().deviceFlow();
        dev.integrations.auth.oauth2.DeviceFlowOptions noWaiting = dev.integrations.auth.oauth2.DeviceFlowOptions.of(
                o -> o.sleeper(sandbox.clock()::advance));

        // The successful path: device flow, check, reset, disconnect.
        dev.integrations.auth.oauth2.DeviceAuthorization codes = device.start(o -> o.scopes("repo"));
        canaries.add(codes.deviceCode());
        sandbox.deviceFlow().approve(codes.userCode());
        GithubUserCredentials token = device.poll(codes, noWaiting);
        canaries.add(token.accessToken());
        dev.integrations.github.auth.TokenInfo info = auth.github().tokens().check(token.accessToken()).orElseThrow();
        dev.integrations.github.auth.TokenInfo reset = auth.github().tokens().reset(token.accessToken());
        canaries.add(reset.token());
        auth.storeCredentials("github", "user-1", reset.toCredentials());
        sandbox.enqueueResponse("/applications/" + app.clientId() + "/grant", SandboxResponse.json(503, "{\"message\":\""
                + CANARY_SECRET + "\"}"));
        capture(() -> auth.disconnect("github", "user-1"));                              // GitHub down: row kept
        dev.integrations.auth.DisconnectResult disconnected = auth.disconnect("github", "user-1");

        // Failing paths.
        capture(() -> auth.github().tokens().reset(token.accessToken()));                  // reset of a dead token
        Map<String, String> wrongSecret = new HashMap<>(env);
        wrongSecret.put("GITHUB_CLIENT_SECRET", "ghs_CANARYwrongsecret0000000000000000003");
        canaries.add(wrongSecret.get("GITHUB_CLIENT_SECRET"));
        capture(() -> AuthManager.builder().environment(wrongSecret).build().github().tokens().check(reset.token()));
        dev.integrations.auth.oauth2.DeviceAuthorization denied = device.start();
        canaries.add(denied.deviceCode());
        sandbox.deviceFlow().deny(denied.userCode());
        capture(() -> device.poll(denied, noWaiting));                                     // access_denied
        dev.integrations.auth.oauth2.DeviceAuthorization expired = device.start();
        canaries.add(expired.deviceCode());
        capture(() -> device.poll(expired, noWaiting));                                    // expiry
        sandbox.deviceFlow().disable(app);
        capture(() -> device.start());                                                     // device flow disabled

        observe(codes, denied, info, reset, disconnected, device, auth.github().tokens(), noWaiting);
        for (ILoggingEvent event : logs.events()) {
            observed.add(event.getFormattedMessage());
            observed.add(String.valueOf(java.util.Arrays.toString(event.getArgumentArray())));
            for (IThrowableProxy t = event.getThrowableProxy(); t != null; t = t.getCause()) {
                observed.add(t.getMessage());
            }
        }
        assertThat(logs.events()).as("the flows log at debug level, so this test can see log lines").isNotEmpty();
        assertThat(observed).hasSizeGreaterThan(15);
        for (String text : observed) {
            for (String canary : canaries) {
                assertThat(text).as("a message or toString() leaked a secret").doesNotContain(canary);
            }
        }
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
