package dev.integrations.jdbc;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.integrations.core.IntegrationsException;
import dev.integrations.Integrations;
import dev.integrations.AuthManager;
import dev.integrations.auth.CredentialEvent;
import dev.integrations.auth.RefreshNotStoredException;
import dev.integrations.auth.ReauthorizationRequiredException;
import dev.integrations.auth.UserCredentials;
import dev.integrations.auth.store.CredentialStatus;
import dev.integrations.auth.store.StoredCredentials;
import dev.integrations.testing.TokenEndpoint;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * Refreshes against a misbehaving token endpoint (a real loopback HTTP server) and a database
 * whose connections break, on each database: one subclass per database supplies {@link #db()}.
 * Every test uses tables of its own prefix.
 */
abstract class RefreshFaultsBehaviour {
    private static final String SEED_ACCESS = "gho_canarySeedAccess";
    private static final String SEED_REFRESH = "ghr_canarySeedRefresh";
    private static final String REFRESHER_LOGGER = "dev.integrations.CredentialRefresher";

    abstract TestDatabase db();

    private TokenEndpoint endpoint;
    private String prefix;
    private final List<CredentialEvent> events = new CopyOnWriteArrayList<>();
    private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

    @BeforeEach
    void start() {
        endpoint = TokenEndpoint.start();
        prefix = db().newPrefix();
        logs.start();
        ((Logger) LoggerFactory.getLogger("dev.integrations")).addAppender(logs);
    }

    @AfterEach
    void stop() {
        ((Logger) LoggerFactory.getLogger("dev.integrations")).detachAppender(logs);
        endpoint.close();
    }

    private JdbcCredentialStore store(DataSource ds) {
        return db().credentials(ds, prefix).build();
    }

    private AuthManager manager(JdbcCredentialStore store, JdbcAuthorizationStateStore states) {
        AuthManager.Builder builder = AuthManager.builder().environment(endpoint.environment()).credentialStore(store)
                .listener(events::add);
        if (states != null) {
            builder.authorizationStateStore(states);
        }
        return builder.build();
    }

    private static Map<String, Object> seed(Instant expiresAt) {
        return Map.of("access_token", SEED_ACCESS, "refresh_token", SEED_REFRESH, "token_type", "bearer",
                "expires_at", expiresAt.getEpochSecond());
    }

    private void assertNoCanaryLogged() {
        assertThat(logs.list).allSatisfy(e -> assertThat(e.getFormattedMessage() + " " + e.getThrowableProxy())
                .doesNotContain("canary"));
    }

    private static void assertNoCanary(Throwable e) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            all.append(t).append('\n');
            for (Throwable s : t.getSuppressed()) {
                all.append(s).append('\n');
            }
        }
        assertThat(all.toString()).doesNotContain("canary");
    }

    @Test
    @DisplayName("defect 1: a stalled token endpoint during a refresh no longer delays another user's store or authorize call")
    @Timeout(60)
    void defect1_stalledTokenEndpointDoesNotDelayOtherUsers() throws Exception {
        JdbcCredentialStore store = store(db().dataSource());
        JdbcAuthorizationStateStore states = db().states(db().dataSource(), prefix).build();
        AuthManager auth = manager(store, states);
        auth.storeCredentials("github", "user-a", seed(Instant.now().plusSeconds(60)));
        CountDownLatch arrived = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        endpoint.nextStall(arrived, release, Duration.ofSeconds(10));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<UserCredentials> refresh = pool.submit(() -> auth.refreshCredentials("github", "user-a"));
            assertThat(arrived.await(10, TimeUnit.SECONDS)).as("the refresh request reached the endpoint").isTrue();

            long start = System.nanoTime();
            auth.storeCredentials("github", "user-b", Map.of("access_token", "gho_canaryUserB", "token_type", "bearer"));
            long storeMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            start = System.nanoTime();
            auth.github().oauth2().authorize(a -> a.subject("user-b"));
            long authorizeMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            start = System.nanoTime();
            try (Integrations integrations = auth.session("user-b")) {
                assertThat(integrations.github().settings().token()).isEqualTo("gho_canaryUserB");
            }
            long sessionMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);

            assertThat(refresh.isDone()).as("the refresh is still in flight").isFalse();
            assertThat(storeMillis).as("storeCredentials for another user").isLessThan(1_000);
            assertThat(authorizeMillis).as("authorize for another user").isLessThan(1_000);
            assertThat(sessionMillis).as("session of another user").isLessThan(1_000);

            release.countDown();
            Throwable failure = catchThrowable(() -> refresh.get(30, TimeUnit.SECONDS));
            assertThat(failure).isNotNull();
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
        StoredCredentials row = store.get("github", "user-a").orElseThrow();
        assertThat(row.version()).isEqualTo(1);
        assertThat(row.data()).containsEntry("refresh_token", SEED_REFRESH);
        assertThat(db().leaseCount(prefix, "github")).isZero();
    }

    @Test
    @DisplayName("defect 2: the store's connection killed during the token call: the rotated token is stored on a fresh one")
    @Timeout(60)
    void defect2_connectionKilledDuringTokenCallLosesNoRotatedToken() throws Exception {
        BreakableDataSource breakable = new BreakableDataSource(db().unpooled());
        JdbcCredentialStore store = store(breakable);
        AuthManager auth = manager(store, null);
        auth.storeCredentials("github", "user-1", seed(Instant.now().plusSeconds(60)));
        endpoint.next(() -> {
            db().kill(breakable.physical()); // GitHub rotates the token while the connection dies
            return 0;
        });

        UserCredentials refreshed = auth.refreshCredentials("github", "user-1");

        assertThat(refreshed.accessToken()).isEqualTo("gho_canaryAccess1");
        StoredCredentials row = store(db().dataSource()).get("github", "user-1").orElseThrow();
        assertThat(row.version()).isEqualTo(2);
        assertThat(row.status()).isEqualTo(CredentialStatus.ACTIVE);
        assertThat(row.data()).containsEntry("access_token", "gho_canaryAccess1")
                .containsEntry("refresh_token", "ghr_canaryRefresh1");
        assertThat(endpoint.presentedRefreshTokens()).containsExactly(SEED_REFRESH);
        assertThat(logs.list).as("the first write failed on the killed connection and was retried").anySatisfy(e -> {
            assertThat(e.getLoggerName()).isEqualTo(REFRESHER_LOGGER);
            assertThat(e.getLevel()).isEqualTo(Level.WARN);
            assertThat(e.getFormattedMessage()).contains("attempt 1 of");
        });
        assertNoCanaryLogged();
        assertThat(events).extracting(CredentialEvent::type).contains(CredentialEvent.Type.REFRESHED);

        // The rotated refresh token is the live one: the next refresh works.
        assertThat(auth.refreshCredentials("github", "user-1").accessToken()).isEqualTo("gho_canaryAccess2");
        assertThat(db().leaseCount(prefix, "github")).isZero();
    }

    @Test
    @DisplayName("defect 2: a database that stays down after the rotation: bounded retries, a typed error and a clear log, no secret")
    @Timeout(60)
    void defect2_databaseDownAfterRotationIsReportedClearly() throws Exception {
        BreakableDataSource breakable = new BreakableDataSource(db().unpooled());
        JdbcCredentialStore store = store(breakable);
        AuthManager auth = manager(store, null);
        auth.storeCredentials("github", "user-1", seed(Instant.now().plusSeconds(60)));
        endpoint.next(() -> {
            db().kill(breakable.physical());
            breakable.refuse(true);
            return 0;
        });

        Throwable e = catchThrowable(() -> auth.refreshCredentials("github", "user-1"));

        assertThat(e).isInstanceOf(RefreshNotStoredException.class).hasMessageContaining("user-1")
                .hasCauseInstanceOf(CredentialStoreException.class);
        assertNoCanary(e);
        assertThat(logs.list).anySatisfy(event -> {
            assertThat(event.getLevel()).isEqualTo(Level.ERROR);
            assertThat(event.getFormattedMessage()).contains("LOST TOKEN SET").contains("user-1");
        });
        assertNoCanaryLogged();
        assertThat(events).anySatisfy(event -> {
            assertThat(event.type()).isEqualTo(CredentialEvent.Type.REFRESH_FAILED);
            assertThat(event.error()).isEqualTo("store_failed");
        });
        breakable.refuse(false);
        StoredCredentials row = store(db().dataSource()).get("github", "user-1").orElseThrow();
        assertThat(row.version()).isEqualTo(1);
        assertThat(row.data()).containsEntry("refresh_token", SEED_REFRESH);
    }

    @Test
    @DisplayName("defect 3: while the token endpoint answers 503, a session opens with the stored token that is still valid")
    @Timeout(60)
    void defect3_sessionOpensWithValidTokenWhileTokenEndpointIsDown() {
        JdbcCredentialStore store = store(db().dataSource());
        AuthManager auth = manager(store, null);
        auth.storeCredentials("github", "user-1", seed(Instant.now().plusSeconds(180)));
        events.clear();
        endpoint.nextStatus(503);

        try (Integrations integrations = auth.session(s -> s.subject("user-1").providers("github"))) {
            assertThat(integrations.github().settings().token()).isEqualTo(SEED_ACCESS);
        }
        assertThat(endpoint.presentedRefreshTokens()).containsExactly(SEED_REFRESH);
        assertThat(store.get("github", "user-1").orElseThrow().version()).isEqualTo(1);
        assertThat(events).singleElement().extracting(CredentialEvent::type).isEqualTo(CredentialEvent.Type.REFRESH_FAILED);
        assertThat(logs.list).anySatisfy(e -> assertThat(e.getLevel()).isEqualTo(Level.WARN));
        assertNoCanaryLogged();

        // Expired: the failure propagates.
        auth.storeCredentials("github", "user-2", Map.of("access_token", "gho_canaryExpired", "refresh_token", "ghr_canaryExpired",
                "token_type", "bearer", "expires_at", Instant.now().minusSeconds(1).getEpochSecond()));
        endpoint.nextStatus(503);
        assertThatThrownBy(() -> auth.session(s -> s.subject("user-2").providers("github")))
                .isInstanceOf(IntegrationsException.class).isNotInstanceOf(ReauthorizationRequiredException.class);
    }

    @Test
    @DisplayName("defect 5: after refreshes of many distinct subjects the refresh lease table is empty")
    @Timeout(120)
    void defect5_leaseTableEmptyAfterRefreshes() {
        JdbcCredentialStore store = store(db().dataSource());
        AuthManager auth = manager(store, null);
        for (int i = 0; i < 20; i++) {
            Map<String, Object> token = new HashMap<>(seed(Instant.now().plusSeconds(60)));
            token.put("refresh_token", SEED_REFRESH + i);
            auth.storeCredentials("github", "user-" + i, token);
            auth.refreshCredentials("github", "user-" + i);
        }
        assertThat(db().leaseCount(prefix, "github")).isZero();
    }
}
