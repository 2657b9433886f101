package dev.integrations.auth.store;

import dev.integrations.auth.oauth2.PendingAuthorization;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link AuthorizationStateStore} must do, run against each implementation by a
 * subclass that supplies the store. Stores may share data across tests, so every test uses its
 * own random provider name and random states.
 */
public abstract class AuthorizationStateStoreContract {
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The store under test; a new one per test (it may share data with other instances). */
    protected abstract AuthorizationStateStore createStore();

    protected AuthorizationStateStore store;
    protected String provider;
    protected Instant now;

    @BeforeEach
    void createStoreAndProvider() {
        store = createStore();
        provider = "p" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextLong());
        now = Instant.now();
    }

    protected static String newState() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    protected PendingAuthorization pending(String state, Instant createdAt, Duration ttl) {
        return new PendingAuthorization(provider, state, "verifier-" + state, URI.create("https://app.example/callback?x=1"),
                "{\"user\":\"ü-42\"}", List.of("repo", "read:user"), createdAt, createdAt.plus(ttl));
    }

    @Test
    @DisplayName("save then consume returns the pending authorization exactly as saved")
    void roundTrip() {
        String state = newState();
        PendingAuthorization saved = new PendingAuthorization(provider, state, "v3rifier", URI.create("https://app.example/cb"),
                "user-1", List.of("repo"), now.plusNanos(123_456_789), now.plusSeconds(600).plusNanos(987_654_321));
        store.save(saved);

        assertThat(store.consume(provider, state, now)).contains(saved);
    }

    @Test
    @DisplayName("optional parts (verifier, redirect URI, subject, scopes) round-trip as absent")
    void optionalParts() {
        String state = newState();
        PendingAuthorization saved = new PendingAuthorization(provider, state, null, null, null, List.of(), now,
                now.plusSeconds(600));
        store.save(saved);

        assertThat(store.consume(provider, state, now)).contains(saved);
    }

    @Test
    @DisplayName("a state is consumed once: the second consume is empty")
    void singleUse() {
        String state = newState();
        store.save(pending(state, now, Duration.ofMinutes(10)));

        assertThat(store.consume(provider, state, now)).isPresent();
        assertThat(store.consume(provider, state, now)).isEmpty();
    }

    @Test
    @DisplayName("an unknown or forged state is empty and consumes nothing else")
    void unknownState() {
        String state = newState();
        store.save(pending(state, now, Duration.ofMinutes(10)));

        assertThat(store.consume(provider, newState(), now)).isEmpty();
        assertThat(store.consume(provider, state + "x", now)).isEmpty();
        assertThat(store.consume(provider, state.substring(1), now)).isEmpty();
        assertThat(store.consume(provider, state, now)).isPresent();
    }

    @Test
    @DisplayName("a state of another provider does not match and is not consumed by the attempt")
    void otherProvider() {
        String state = newState();
        store.save(pending(state, now, Duration.ofMinutes(10)));

        assertThat(store.consume(provider + "x", state, now)).isEmpty();
        assertThat(store.consume(provider, state, now)).isPresent();
    }

    @Test
    @DisplayName("an expired state is never returned")
    void expired() {
        String state = newState();
        PendingAuthorization p = pending(state, now, Duration.ofMinutes(10));
        store.save(p);

        assertThat(store.consume(provider, state, p.expiresAt())).isEmpty();
        assertThat(store.consume(provider, state, now)).as("an expired state is not kept for later either").isEmpty();

        String later = newState();
        PendingAuthorization q = pending(later, now, Duration.ofMinutes(10));
        store.save(q);
        assertThat(store.consume(provider, later, q.expiresAt().plusSeconds(3600))).isEmpty();
    }

    @Test
    @DisplayName("saving a state that is already pending is refused, and the first one stays usable")
    void duplicateRefused() {
        String state = newState();
        PendingAuthorization first = pending(state, now, Duration.ofMinutes(10));
        store.save(first);

        PendingAuthorization second = new PendingAuthorization(provider, state, "other-verifier", null, "attacker",
                List.of(), now, now.plusSeconds(600));
        assertThatThrownBy(() -> store.save(second)).isInstanceOf(IllegalStateException.class)
                .hasMessageNotContaining(state);
        assertThat(store.consume(provider, state, now)).contains(first);
    }

    @Test
    @DisplayName("the same state may be pending for two providers independently")
    void sameStateTwoProviders() {
        String state = newState();
        String other = provider + "x";
        store.save(pending(state, now, Duration.ofMinutes(10)));
        store.save(new PendingAuthorization(other, state, "v2", null, null, List.of(), now, now.plusSeconds(600)));

        assertThat(store.consume(other, state, now)).get().extracting(PendingAuthorization::codeVerifier).isEqualTo("v2");
        assertThat(store.consume(provider, state, now)).get().extracting(PendingAuthorization::codeVerifier)
                .isEqualTo("verifier-" + state);
    }

    @Test
    @DisplayName("purgeExpired removes expired states and keeps pending ones")
    void purge() {
        String live = newState();
        store.save(pending(live, now, Duration.ofMinutes(10)));
        List<String> expired = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            String state = newState();
            expired.add(state);
            store.save(pending(state, now.minus(Duration.ofHours(2)), Duration.ofHours(1)));
        }

        assertThat(store.purgeExpired(now)).isGreaterThanOrEqualTo(3);
        assertThat(store.purgeExpired(now)).isZero();
        for (String state : expired) {
            assertThat(store.consume(provider, state, now.minus(Duration.ofHours(2)))).as("purged").isEmpty();
        }
        assertThat(store.consume(provider, live, now)).isPresent();
    }

    @Test
    @DisplayName("32 concurrent consumers of one state: exactly one wins, every time")
    @Timeout(60)
    void concurrentConsume() throws Exception {
        int threads = 32;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            for (int round = 0; round < 3; round++) {
                String state = newState();
                store.save(pending(state, now, Duration.ofMinutes(10)));
                CyclicBarrier barrier = new CyclicBarrier(threads);
                List<Future<Optional<PendingAuthorization>>> results = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    results.add(pool.submit(() -> {
                        barrier.await(20, TimeUnit.SECONDS);
                        return store.consume(provider, state, now);
                    }));
                }
                int winners = 0;
                for (Future<Optional<PendingAuthorization>> f : results) {
                    if (f.get(30, TimeUnit.SECONDS).isPresent()) {
                        winners++;
                    }
                }
                assertThat(winners).as("winners in round " + round).isEqualTo(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("toString of a pending authorization never shows the state or verifier")
    void redacted() {
        String state = newState();
        PendingAuthorization p = pending(state, now, Duration.ofMinutes(10));
        store.save(p);
        PendingAuthorization back = store.consume(provider, state, now).orElseThrow();
        assertThat(back.toString()).doesNotContain(state).doesNotContain("verifier-");
        assertThat(store.toString()).doesNotContain(state);
    }
}
