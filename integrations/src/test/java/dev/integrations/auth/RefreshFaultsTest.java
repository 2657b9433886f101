package dev.integrations.auth;

import dev.integrations.AuthManager;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.integrations.core.IntegrationsException;
import dev.integrations.Integrations;
import dev.integrations.auth.store.CredentialStatus;
import dev.integrations.auth.store.InMemoryCredentialStore;
import dev.integrations.auth.store.StoredCredentials;
import dev.integrations.github.auth.GithubUserCredentials;
import dev.integrations.testing.TokenEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Refreshes against a token endpoint that fails, with the in-memory store (the JDBC module runs
 * the same faults against each database).
 */
@DisplayName("Refresh under faults: in-memory store")
class RefreshFaultsTest {
    private static final String SEED_ACCESS = "gho_canarySeedAccess";
    private static final String SEED_REFRESH = "ghr_canarySeedRefresh";

    private TokenEndpoint endpoint;
    private InMemoryCredentialStore store;
    private AuthManager auth;
    private final List<CredentialEvent> events = new CopyOnWriteArrayList<>();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeEach
    void start() {
        endpoint = TokenEndpoint.start();
        store = new InMemoryCredentialStore();
        auth = AuthManager.builder().environment(endpoint.environment()).credentialStore(store).listener(events::add).build();
        logs.start();
        ((Logger) LoggerFactory.getLogger("dev.integrations")).addAppender(logs);
    }

    @AfterEach
    void stop() {
        ((Logger) LoggerFactory.getLogger("dev.integrations")).detachAppender(logs);
        endpoint.close();
    }

    private static Map<String, Object> seed(Instant expiresAt) {
        return Map.of("access_token", SEED_ACCESS, "refresh_token", SEED_REFRESH, "token_type", "bearer",
                "expires_at", expiresAt.getEpochSecond());
    }

    @Test
    @DisplayName("defect 3: while the token endpoint answers 503, a session opens with the stored token that is still valid")
    void defect3_sessionOpensWithValidTokenWhileTokenEndpointIsDown() {
        auth.storeCredentials("github", "user-1", seed(Instant.now().plusSeconds(180)));
        StoredCredentials before = store.get("github", "user-1").orElseThrow();
        events.clear();
        endpoint.nextStatus(503);

        try (Integrations integrations = auth.session(s -> s.subject("user-1").providers("github"))) {
            assertThat(integrations.github().settings().token()).isEqualTo(SEED_ACCESS);
        }
        assertThat(endpoint.presentedRefreshTokens()).containsExactly(SEED_REFRESH);
        StoredCredentials after = store.get("github", "user-1").orElseThrow();
        assertThat(after.version()).isEqualTo(before.version());
        assertThat(after.data()).isEqualTo(before.data());
        assertThat(events).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(CredentialEvent.Type.REFRESH_FAILED);
            assertThat(e.requiresReauthorization()).isFalse();
        });
        assertThat(logs.list).anySatisfy(e -> {
            assertThat(e.getLevel()).isEqualTo(Level.WARN);
            assertThat(e.getFormattedMessage()).contains("user-1").contains("using the stored access token");
        });
        assertThat(logs.list).allSatisfy(e -> assertThat(e.getFormattedMessage() + e.getThrowableProxy())
                .doesNotContain("canary"));

        // The endpoint is back: the next session refreshes.
        try (Integrations integrations = auth.session("user-1")) {
            assertThat(integrations.github().settings().token()).isEqualTo("gho_canaryAccess1");
        }
        assertThat(store.get("github", "user-1").orElseThrow().data()).containsEntry("refresh_token", "ghr_canaryRefresh1");
    }

    @Test
    @DisplayName("defect 3: once the stored token has actually expired, a failed refresh still fails the session")
    void defect3_expiredTokenStillFailsTheSession() {
        auth.storeCredentials("github", "user-1", seed(Instant.now().minusSeconds(5)));
        endpoint.nextStatus(503);

        assertThatThrownBy(() -> auth.session(s -> s.subject("user-1").providers("github")))
                .isInstanceOf(IntegrationsException.class).isNotInstanceOf(ReauthorizationRequiredException.class);
        assertThat(store.get("github", "user-1").orElseThrow().data()).containsEntry("access_token", SEED_ACCESS);
    }

    @Test
    @DisplayName("defect 5: after refreshes of many distinct subjects no refresh lease is left in the in-memory store")
    void defect5_noLeaseLeftAfterRefreshes() {
        for (int i = 0; i < 25; i++) {
            Map<String, Object> token = new java.util.HashMap<>(seed(Instant.now().plusSeconds(60)));
            token.put("refresh_token", SEED_REFRESH + i);
            auth.storeCredentials("github", "user-" + i, token);
            auth.refreshCredentials("github", "user-" + i);
        }
        endpoint.nextStatus(503);
        assertThatThrownBy(() -> auth.refreshCredentials("github", "user-0")).isInstanceOf(IntegrationsException.class);
        assertThat(store.leaseCount()).isZero();
    }

    @Test
    @DisplayName("bad_refresh_token after another instance rotated and stored meanwhile: the newer token is used, nothing is marked")
    void refusedStaleRefreshTokenUsesNewerStoredToken() {
        auth.storeCredentials("github", "user-1", seed(Instant.now().plusSeconds(60)));
        Map<String, Object> other = Map.of("access_token", "gho_canaryOther", "refresh_token", "ghr_canaryOther",
                "token_type", "bearer", "expires_at", Instant.now().plusSeconds(28_800).getEpochSecond());
        // Another instance (e.g. one whose lease expired, or an older version) refreshes with the
        // same refresh token while this one's request is in flight, and stores first.
        endpoint.next(() -> {
            endpoint.consume(SEED_REFRESH);
            assertThat(store.compareAndSet("github", "user-1", 1, other)).isTrue();
            return 0;
        });
        events.clear();

        GithubUserCredentials used = (GithubUserCredentials) auth.refreshCredentials("github", "user-1");

        assertThat(used.accessToken()).isEqualTo("gho_canaryOther");
        StoredCredentials row = store.get("github", "user-1").orElseThrow();
        assertThat(row.status()).isEqualTo(CredentialStatus.ACTIVE);
        assertThat(row.version()).isEqualTo(2);
        assertThat(events).noneMatch(CredentialEvent::requiresReauthorization);
    }

    @Test
    @DisplayName("bad_refresh_token on an unchanged row marks it as needing reauthorization (version fence)")
    void refusedRefreshTokenOnUnchangedRowMarksIt() {
        auth.storeCredentials("github", "user-1", seed(Instant.now().plusSeconds(60)));
        endpoint.consume(SEED_REFRESH);

        assertThatThrownBy(() -> auth.refreshCredentials("github", "user-1"))
                .isInstanceOf(ReauthorizationRequiredException.class);
        assertThat(store.get("github", "user-1").orElseThrow().status()).isEqualTo(CredentialStatus.NEEDS_REAUTHORIZATION);
        assertThat(store.leaseCount()).isZero();
    }

    @Test
    @DisplayName("a lease held by another instance: the waiter polls and uses the token that instance stores, with no request")
    void waiterUsesTokenStoredByLeaseHolder() throws Exception {
        auth.storeCredentials("github", "user-1", seed(Instant.now().plusSeconds(60)));
        assertThat(store.tryAcquireRefreshLease("github", "user-1", "other-instance", Duration.ofSeconds(30))).isTrue();
        Thread writer = new Thread(() -> {
            try {
                Thread.sleep(300);
            } catch (InterruptedException e) {
                return;
            }
            store.compareAndSet("github", "user-1", 1, Map.of("access_token", "gho_canaryOther", "token_type", "bearer",
                    "refresh_token", "ghr_canaryOther", "expires_at", Instant.now().plusSeconds(28_800).getEpochSecond()));
            store.releaseRefreshLease("github", "user-1", "other-instance");
        });
        writer.start();

        UserCredentials used = auth.refreshCredentials("github", "user-1");
        writer.join();

        assertThat(used.accessToken()).isEqualTo("gho_canaryOther");
        assertThat(endpoint.presentedRefreshTokens()).isEmpty();
        assertThat(store.leaseCount()).isZero();
    }
}
