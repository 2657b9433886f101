package dev.integrations.auth;

import dev.integrations.AuthManager;

import dev.integrations.Integrations;
import dev.integrations.auth.oauth2.OAuth2Flow;
import dev.integrations.auth.store.CredentialStore;
import dev.integrations.github.auth.GithubUserCredentials;
import dev.integrations.github.sandbox.GithubSandbox;
import dev.integrations.github.sandbox.SandboxApp;
import dev.integrations.github.sandbox.SandboxBrowser;
import dev.integrations.github.sandbox.SandboxClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The refresh storm: several {@link AuthManager}s (standing in for application instances) share
 * one store; 200 sessions for one subject whose token has expired open at once. Exactly one
 * refresh request may reach GitHub, every session must end up with the new token, and the stored
 * refresh token must be the rotated one. Subclasses supply a store per instance over the same
 * storage (one database, one file, or one in-memory store).
 */
public abstract class RefreshStormContract {
    private static final String TOKEN_PATH = "/login/oauth/access_token";
    private static final String SUBJECT = "storm-user";
    protected static final int INSTANCES = 4;
    protected static final int SESSIONS = 200;

    private GithubSandbox sandbox;
    private SandboxApp app;

    /** A store over the shared storage, as instance {@code index} of {@link #INSTANCES} would open it. */
    protected abstract CredentialStore storeForInstance(int index);

    @BeforeEach
    void startSandbox() {
        sandbox = GithubSandbox.builder().clock(SandboxClock.frozenAt(Instant.parse("2026-11-26T12:00:00Z"))).build();
        app = sandbox.registerApp(new SandboxApp("Iv1.storm", "storm-secret", "http://127.0.0.1/callback")
                .withExpiringTokens(true));
    }

    @AfterEach
    void stopSandbox() {
        sandbox.close();
    }

    private AuthManager instance(int index) {
        return AuthManager.builder().environment(sandbox.environment()).clock(sandbox.clock())
                .provider("github", Map.of("client_id", app.clientId(), "client_secret", app.clientSecret()))
                .credentialStore(storeForInstance(index))
                .refreshLockTimeout(Duration.ofSeconds(20))
                .build();
    }

    @Test
    void exactlyOneRefreshReachesGithubAndEverySessionGetsTheRotatedToken() throws Exception {
        List<AuthManager> instances = new ArrayList<>();
        for (int i = 0; i < INSTANCES; i++) {
            instances.add(instance(i));
        }
        OAuth2Flow<GithubUserCredentials> flow = instances.get(0).github().oauth2();
        GithubUserCredentials original = flow.exchange(e -> e.authorizationResponse(
                SandboxBrowser.approve(flow.authorize().authorizationUrl())));
        instances.get(0).storeCredentials("github", SUBJECT, original);
        sandbox.clearRequests();
        sandbox.clock().advance(Duration.ofHours(9));

        ExecutorService pool = Executors.newFixedThreadPool(64);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> tokens = new ArrayList<>();
        try {
            for (int i = 0; i < SESSIONS; i++) {
                AuthManager auth = instances.get(i % INSTANCES);
                tokens.add(pool.submit(() -> {
                    start.await();
                    try (Integrations integrations = auth.session(SUBJECT)) {
                        return integrations.github().settings().token();
                    }
                }));
            }
            start.countDown();
            List<String> seen = new ArrayList<>();
            for (Future<String> token : tokens) {
                seen.add(token.get(60, TimeUnit.SECONDS));
            }

            GithubUserCredentials stored = instances.get(INSTANCES - 1)
                    .loadCredentials("github", SUBJECT, GithubUserCredentials.class).orElseThrow();
            assertThat(sandbox.requests(TOKEN_PATH)).as("refresh requests that reached GitHub").hasSize(1);
            assertThat(seen).hasSize(SESSIONS).containsOnly(stored.accessToken());
            assertThat(stored.accessToken()).isNotEqualTo(original.accessToken());
            assertThat(stored.refreshToken()).isNotEqualTo(original.refreshToken());
            // The rotated refresh token is the live one: it refreshes again.
            sandbox.clock().advance(Duration.ofHours(9));
            try (Integrations integrations = instances.get(1).session(SUBJECT)) {
                assertThat(integrations.github().getAuthenticatedUser().login()).isEqualTo(GithubSandbox.DEFAULT_LOGIN);
            }
            assertThat(sandbox.requests(TOKEN_PATH)).hasSize(2);
        } finally {
            pool.shutdownNow();
        }
    }
}
