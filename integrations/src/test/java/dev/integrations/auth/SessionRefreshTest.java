package dev.integrations.auth;

import dev.integrations.AuthManager;

import dev.integrations.Integrations;
import dev.integrations.auth.oauth2.OAuth2Flow;
import dev.integrations.auth.store.CredentialFilter;
import dev.integrations.auth.store.CredentialStatus;
import dev.integrations.auth.store.StoredCredentials;
import dev.integrations.github.auth.GithubUserCredentials;
import dev.integrations.github.sandbox.GithubSandbox;
import dev.integrations.github.sandbox.GithubSandboxExtension;
import dev.integrations.github.sandbox.SandboxApp;
import dev.integrations.github.sandbox.SandboxBrowser;
import dev.integrations.github.sandbox.SandboxClock;
import dev.integrations.github.sandbox.SandboxResponse;
import dev.integrations.http.TransportException;
import dev.integrations.testing.SandboxAuth;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Refresh of expiring GitHub App user tokens (8 h access, rotating single-use refresh tokens,
 * https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/refreshing-user-access-tokens) through sessions, with the in-memory store. The sandbox and the manager share
 * one controllable clock.
 */
@DisplayName("Sessions refresh expiring credentials without losing a rotated refresh token")
class SessionRefreshTest {
    private static final String TOKEN_PATH = "/login/oauth/access_token";
    private static final String SUBJECT = "user-123";

    @RegisterExtension
    final GithubSandboxExtension github = new GithubSandboxExtension(b -> b.clock(SandboxClock.frozenAt(
            Instant.parse("2026-11-26T12:00:00Z"))));

    private GithubSandbox sandbox;
    private final List<CredentialEvent> events = new CopyOnWriteArrayList<>();
    private AuthManager auth;

    @BeforeEach
    void connectUserWithExpiringTokens() {
        sandbox = github.sandbox();
        SandboxApp app = sandbox.registerApp(new SandboxApp("Iv1.expiring", "expiring-secret", "http://127.0.0.1/callback")
                .withExpiringTokens(true));
        auth = manager(app);
        OAuth2Flow<GithubUserCredentials> flow = auth.github().oauth2();
        GithubUserCredentials token = flow.exchange(e -> e.authorizationResponse(
                SandboxBrowser.approve(flow.authorize().authorizationUrl())));
        auth.storeCredentials("github", SUBJECT, token);
        sandbox.clearRequests();
        events.clear();
    }

    private AuthManager manager(SandboxApp app) {
        return SandboxAuth.builder(sandbox)
                .provider("github", Map.of("client_id", app.clientId(), "client_secret", app.clientSecret(),
                        "redirect_uri", SandboxAuth.REDIRECT_URI))
                .listener(events::add)
                .build();
    }

    private GithubUserCredentials stored() {
        return auth.loadCredentials("github", SUBJECT, GithubUserCredentials.class).orElseThrow();
    }

    @Test
    void aFreshTokenIsUsedAsIsWithoutAnyRequest() {
        try (Integrations integrations = auth.session(SUBJECT)) {
            assertThat(integrations.github().settings().token()).isEqualTo(stored().accessToken());
        }
        assertThat(sandbox.requests()).isEmpty();
    }

    @Test
    void aTokenThatExpiresWithinTheSkewIsRefreshedStoredAndThenUsed() {
        GithubUserCredentials before = stored();
        sandbox.clock().advance(Duration.ofHours(8).minusMinutes(4));

        try (Integrations integrations = auth.session(SUBJECT)) {
            GithubUserCredentials after = stored();
            assertThat(after.accessToken()).isNotEqualTo(before.accessToken());
            assertThat(after.refreshToken()).isNotEqualTo(before.refreshToken());
            assertThat(integrations.github().settings().token()).isEqualTo(after.accessToken());
            assertThat(integrations.github().getAuthenticatedUser().login()).isEqualTo(GithubSandbox.DEFAULT_LOGIN);
        }
        assertThat(sandbox.requests(TOKEN_PATH)).hasSize(1);
        assertThat(events).extracting(CredentialEvent::type).containsExactly(CredentialEvent.Type.REFRESHED);
        assertThat(events.get(0).version()).isEqualTo(2);
        assertThat(events.get(0).toString()).doesNotContain(stored().accessToken());
    }

    @Test
    void credentialsWithoutExpiryAreNeverRefreshed() {
        auth.storeCredentials("github", "pat-user", Map.of("access_token", sandbox.issueToken(sandbox.defaultUser())));
        sandbox.clock().advance(Duration.ofDays(400));

        try (Integrations integrations = auth.session("pat-user")) {
            integrations.github().getAuthenticatedUser();
        }
        assertThat(sandbox.requests(TOKEN_PATH)).isEmpty();
    }

    @Test
    void aRefusedRefreshTokenMarksTheCredentialsAndAsksTheUserToReconnect() {
        GithubUserCredentials original = stored();
        auth.github().oauth2().refresh(original);   // another party used the refresh token: it is now dead
        sandbox.clearRequests();
        sandbox.clock().advance(Duration.ofHours(9));

        try (Integrations integrations = auth.session(SUBJECT)) {
            assertThatThrownBy(integrations::github).isInstanceOfSatisfying(ReauthorizationRequiredException.class, e -> {
                assertThat(e.error()).isEqualTo("bad_refresh_token");
                assertThat(e.subject()).isEqualTo(SUBJECT);
                assertThat(e.getMessage()).contains("must connect again").doesNotContain(original.refreshToken());
            });
        }
        assertThat(auth.credentialStatus("github", SUBJECT)).contains(CredentialStatus.NEEDS_REAUTHORIZATION);
        assertThat(stored().refreshToken()).isEqualTo(original.refreshToken());
        assertThat(auth.listCredentials(CredentialFilter.needingReauthorization("github")))
                .extracting(StoredCredentials::subject).containsExactly(SUBJECT);
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(CredentialEvent.Type.REFRESH_FAILED);
            assertThat(e.requiresReauthorization()).isTrue();
        });

        // Later sessions fail fast, without asking GitHub again.
        assertThatThrownBy(() -> auth.session(s -> s.subject(SUBJECT).providers("github")))
                .isInstanceOf(ReauthorizationRequiredException.class);
        assertThat(sandbox.requests(TOKEN_PATH)).hasSize(1);
    }

    @Test
    void aServerErrorDuringRefreshLeavesTheStoredCredentialsExactlyAsTheyWere() {
        StoredCredentials before = auth.credentialStore().get("github", SUBJECT).orElseThrow();
        sandbox.clock().advance(Duration.ofHours(9));
        sandbox.enqueueResponse(TOKEN_PATH, SandboxResponse.of(500, "text/html", "<html>oops</html>"));

        assertThatThrownBy(() -> auth.session(s -> s.subject(SUBJECT).providers("github")))
                .isInstanceOfSatisfying(OAuthException.class, e -> assertThat(e.requiresReauthorization()).isFalse());
        StoredCredentials after = auth.credentialStore().get("github", SUBJECT).orElseThrow();
        assertThat(after.version()).isEqualTo(before.version());
        assertThat(after.data()).isEqualTo(before.data());
        assertThat(after.status()).isEqualTo(CredentialStatus.ACTIVE);

        try (Integrations integrations = auth.session(SUBJECT)) {   // the next attempt works
            assertThat(integrations.github().getAuthenticatedUser().login()).isEqualTo(GithubSandbox.DEFAULT_LOGIN);
        }
    }

    @Test
    void garbageAndTimeoutsDuringRefreshLeaveTheStoredCredentialsUnchanged() {
        StoredCredentials before = auth.credentialStore().get("github", SUBJECT).orElseThrow();
        sandbox.clock().advance(Duration.ofHours(9));
        sandbox.enqueueResponse(TOKEN_PATH, SandboxResponse.json(200, "{\"unexpected\":"));

        assertThatThrownBy(() -> auth.refreshCredentials("github", SUBJECT)).isInstanceOf(OAuthException.class);
        assertThat(auth.credentialStore().get("github", SUBJECT).orElseThrow().data()).isEqualTo(before.data());

        Map<String, String> impatientEnv = new java.util.HashMap<>(sandbox.environment());
        impatientEnv.put("GITHUB_TIMEOUT", "500ms");
        AuthManager impatient = AuthManager.builder().environment(impatientEnv).clock(sandbox.clock())
                .provider("github", Map.of("client_id", "Iv1.expiring", "client_secret", "expiring-secret"))
                .credentialStore(auth.credentialStore()).build();
        sandbox.enqueueResponse(TOKEN_PATH, SandboxResponse.delayed(Duration.ofSeconds(3), SandboxResponse.json(200, "{}")));
        assertThatThrownBy(() -> impatient.refreshCredentials("github", SUBJECT)).isInstanceOf(TransportException.class)
                .hasMessageContaining("timed out");
        assertThat(auth.credentialStore().get("github", SUBJECT).orElseThrow().version()).isEqualTo(before.version());
    }

    @Test
    void a401OnAnExpiringTokenRefreshesAndRetriesOnce() {
        // The manager's clock lags GitHub's: locally the token still looks valid, GitHub says 401.
        SandboxClock lagging = SandboxClock.frozenAt(sandbox.clock().instant());
        AuthManager behind = SandboxAuth.builder(sandbox).clock(lagging)
                .provider("github", Map.of("client_id", "Iv1.expiring", "client_secret", "expiring-secret"))
                .credentialStore(auth.credentialStore()).build();
        String rejected = stored().accessToken();
        sandbox.clock().advance(Duration.ofHours(8).plusMinutes(1));

        try (Integrations integrations = behind.session(SUBJECT)) {
            assertThat(integrations.github().getAuthenticatedUser().login()).isEqualTo(GithubSandbox.DEFAULT_LOGIN);
            assertThat(integrations.github().getAuthenticatedUser().login()).isEqualTo(GithubSandbox.DEFAULT_LOGIN);
        }
        String refreshed = stored().accessToken();
        assertThat(refreshed).isNotEqualTo(rejected);
        // Rejected once, retried with the refreshed token, which the session then keeps using.
        assertThat(sandbox.requests("/user")).extracting(r -> r.header("Authorization"))
                .containsExactly("Bearer " + rejected, "Bearer " + refreshed, "Bearer " + refreshed);
        assertThat(sandbox.requests(TOKEN_PATH)).hasSize(1);
    }

    @Test
    void twoHundredConcurrentSessionsCauseExactlyOneRefreshRequest() throws Exception {
        String oldRefresh = stored().refreshToken();
        sandbox.clock().advance(Duration.ofHours(9));
        ExecutorService pool = Executors.newFixedThreadPool(64);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> tokens = new ArrayList<>();
        try {
            for (int i = 0; i < 200; i++) {
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
                seen.add(token.get());
            }
            GithubUserCredentials now = stored();
            assertThat(seen).containsOnly(now.accessToken());
            assertThat(now.refreshToken()).isNotEqualTo(oldRefresh);
            assertThat(sandbox.requests(TOKEN_PATH)).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
