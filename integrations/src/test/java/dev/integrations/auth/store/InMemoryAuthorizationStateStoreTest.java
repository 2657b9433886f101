package dev.integrations.auth.store;

import dev.integrations.auth.oauth2.PendingAuthorization;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("InMemoryAuthorizationStateStore")
class InMemoryAuthorizationStateStoreTest {
    private static final Instant T0 = Instant.parse("2024-05-01T12:00:00Z");
    private static final Duration TTL = Duration.ofMinutes(10);

    private final InMemoryAuthorizationStateStore store = new InMemoryAuthorizationStateStore();

    private static PendingAuthorization pending(String provider, String state, Instant createdAt) {
        return new PendingAuthorization(provider, state, "verifier-" + state, URI.create("https://app.example.com/callback"),
                "user-1", List.of("repo"), createdAt, createdAt.plus(TTL));
    }

    @Test
    @DisplayName("consume returns the saved authorization with everything it was saved with")
    void consumeReturnsSaved() {
        PendingAuthorization saved = pending("github", "state-1", T0);
        store.save(saved);

        Optional<PendingAuthorization> consumed = store.consume("github", "state-1", T0.plusSeconds(5));

        assertThat(consumed).contains(saved);
        assertThat(consumed.orElseThrow().codeVerifier()).isEqualTo("verifier-state-1");
        assertThat(consumed.orElseThrow().subject()).isEqualTo("user-1");
    }

    @Test
    @DisplayName("a state is single use: a second consume finds nothing")
    void singleUse() {
        store.save(pending("github", "state-1", T0));

        assertThat(store.consume("github", "state-1", T0.plusSeconds(1))).isPresent();
        assertThat(store.consume("github", "state-1", T0.plusSeconds(2))).isEmpty();
        assertThat(store.size()).isZero();
    }

    @Test
    @DisplayName("an unknown or almost-right state finds nothing and leaves the real one in place")
    void unknownStateNotMatched() {
        store.save(pending("github", "state-1", T0));

        assertThat(store.consume("github", "state-2", T0)).isEmpty();
        assertThat(store.consume("github", "state-", T0)).isEmpty();
        assertThat(store.consume("github", "STATE-1", T0)).isEmpty();
        assertThat(store.consume("github", "state-1", T0)).isPresent();
    }

    @Test
    @DisplayName("the state of another provider is not matched, and stays usable by its own provider")
    void otherProviderNotMatched() {
        store.save(pending("github", "shared-state", T0));

        assertThat(store.consume("gitlab", "shared-state", T0)).isEmpty();
        assertThat(store.consume("github", "shared-state", T0)).isPresent();
    }

    @Test
    @DisplayName("the same state may be pending for two providers at once, each consumed separately")
    void sameStateDifferentProviders() {
        store.save(pending("github", "s", T0));
        store.save(pending("gitlab", "s", T0));

        assertThat(store.consume("gitlab", "s", T0)).get().extracting(PendingAuthorization::provider).isEqualTo("gitlab");
        assertThat(store.consume("github", "s", T0)).get().extracting(PendingAuthorization::provider).isEqualTo("github");
    }

    @Test
    @DisplayName("an expired authorization is not returned, at or after its expiry")
    void expiredNotReturned() {
        store.save(pending("github", "at-expiry", T0));
        store.save(pending("github", "after-expiry", T0));

        assertThat(store.consume("github", "at-expiry", T0.plus(TTL))).isEmpty();
        assertThat(store.consume("github", "after-expiry", T0.plus(TTL).plusSeconds(1))).isEmpty();
    }

    @Test
    @DisplayName("an expired authorization cannot be revived by consuming it later with an earlier clock")
    void expiredConsumeBurnsTheState() {
        store.save(pending("github", "s", T0));

        assertThat(store.consume("github", "s", T0.plus(TTL))).isEmpty();
        assertThat(store.consume("github", "s", T0)).isEmpty();
    }

    @Test
    @DisplayName("purgeExpired removes only expired authorizations and returns how many")
    void purgeExpired() {
        store.save(pending("github", "old-1", T0));
        store.save(pending("github", "old-2", T0.plusSeconds(1)));
        store.save(pending("github", "fresh", T0.plus(Duration.ofMinutes(5))));

        int purged = store.purgeExpired(T0.plus(TTL).plusSeconds(1));

        assertThat(purged).isEqualTo(2);
        assertThat(store.size()).isEqualTo(1);
        assertThat(store.consume("github", "fresh", T0.plus(TTL).plusSeconds(2))).isPresent();
        assertThat(store.purgeExpired(T0.plus(Duration.ofDays(1)))).isZero();
    }

    @Test
    @DisplayName("saving purges authorizations that expired before the new one was created")
    void savePurgesExpired() {
        store.save(pending("github", "old", T0));
        store.save(pending("github", "new", T0.plus(TTL).plusSeconds(1)));

        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    @DisplayName("saving a state that is already pending for the provider is refused and keeps the first")
    void duplicateStateRefused() {
        PendingAuthorization first = pending("github", "dup", T0);
        store.save(first);
        PendingAuthorization second = new PendingAuthorization("github", "dup", "attacker-verifier", null, "user-2",
                List.of(), T0.plusSeconds(1), T0.plus(TTL));

        assertThatThrownBy(() -> store.save(second))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("github")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("dup"));
        assertThat(store.consume("github", "dup", T0.plusSeconds(2))).contains(first);
    }

    @Test
    @Timeout(60)
    @DisplayName("64 threads consuming the same state at once: exactly one wins")
    void concurrentConsumeHasOneWinner() throws Exception {
        int threads = 64;
        for (int round = 0; round < 20; round++) {
            String state = "race-" + round;
            store.save(pending("github", state, T0));
            CountDownLatch start = new CountDownLatch(1);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<Optional<PendingAuthorization>>> results = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    results.add(pool.submit(() -> {
                        start.await();
                        return store.consume("github", state, T0.plusSeconds(1));
                    }));
                }
                start.countDown();
                int winners = 0;
                for (Future<Optional<PendingAuthorization>> result : results) {
                    if (result.get(30, TimeUnit.SECONDS).isPresent()) {
                        winners++;
                    }
                }
                assertThat(winners).as("winners in round %d", round).isEqualTo(1);
            } finally {
                pool.shutdownNow();
            }
        }
        assertThat(store.size()).isZero();
    }

    @Test
    @DisplayName("PendingAuthorization.toString never prints the state or the PKCE verifier")
    void pendingToStringRedacts() {
        String stateCanary = "state-CANARY-5b2e1f";
        String verifierCanary = "verifier-CANARY-9d8c7b";
        PendingAuthorization pending = new PendingAuthorization("github", stateCanary, verifierCanary,
                URI.create("https://app.example.com/callback"), "user-1", List.of("repo"), T0, T0.plus(TTL));

        assertThat(pending.toString())
                .doesNotContain(stateCanary)
                .doesNotContain(verifierCanary)
                .contains("github")
                .contains("user-1");
    }

    @Test
    @DisplayName("PendingAuthorization requires provider, state and times, and copies its scopes")
    void pendingValidation() {
        assertThatThrownBy(() -> new PendingAuthorization("github", null, null, null, null, null, T0, T0))
                .isInstanceOf(NullPointerException.class);
        List<String> scopes = new ArrayList<>(List.of("repo"));
        PendingAuthorization p = new PendingAuthorization("github", "s", null, null, null, scopes, T0, T0.plus(TTL));
        scopes.add("admin:org");
        assertThat(p.scopes()).containsExactly("repo");
        assertThat(new PendingAuthorization("github", "s", null, null, null, null, T0, T0.plus(TTL)).scopes()).isEmpty();
    }
}
