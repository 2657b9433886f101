package dev.integrations.github.webhooks;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * What every {@link WebhookDeliveryStore} must do; each implementation's test extends this.
 * Delivery ids are random per test, so stores on a shared database do not see each other's rows.
 */
public abstract class WebhookDeliveryStoreContract {
    protected static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    /** A store that remembers ids for {@code retention}. */
    protected abstract WebhookDeliveryStore createStore(Duration retention);

    private static String id() {
        return UUID.randomUUID().toString();
    }

    @Test
    @DisplayName("contract: the first delivery of an id is new, every later one a duplicate")
    void firstIsNewLaterAreDuplicates() {
        WebhookDeliveryStore store = createStore(Duration.ofDays(3));
        String a = id();
        String b = id();
        assertThat(store.markProcessed(a, T0)).isTrue();
        assertThat(store.markProcessed(a, T0.plusSeconds(1))).isFalse();
        assertThat(store.markProcessed(a, T0.plus(Duration.ofDays(2)))).isFalse();
        assertThat(store.markProcessed(b, T0.plusSeconds(1))).as("another id is independent").isTrue();
    }

    @Test
    @DisplayName("contract: an id is new again once its retention has ended, and purgeExpired forgets it")
    void retentionEnds() {
        WebhookDeliveryStore store = createStore(Duration.ofHours(1));
        String a = id();
        String b = id();
        assertThat(store.markProcessed(a, T0)).isTrue();
        assertThat(store.markProcessed(b, T0.plusSeconds(10))).isTrue();
        assertThat(store.markProcessed(a, T0.plus(Duration.ofMinutes(59)))).isFalse();
        assertThat(store.markProcessed(a, T0.plus(Duration.ofHours(1)))).isTrue();
        assertThat(store.purgeExpired(T0.plus(Duration.ofHours(1)).plusSeconds(10))).isGreaterThanOrEqualTo(1);
        assertThat(store.markProcessed(b, T0.plus(Duration.ofHours(1)).plusSeconds(11))).as("purged, so new").isTrue();
        assertThat(store.markProcessed(a, T0.plus(Duration.ofHours(1)).plusSeconds(12))).as("re-recorded, still kept").isFalse();
    }

    @Test
    @DisplayName("contract: forget makes an id new again")
    void forget() {
        WebhookDeliveryStore store = createStore(Duration.ofDays(3));
        String a = id();
        store.markProcessed(a, T0);
        assertThat(store.forget(a)).isTrue();
        assertThat(store.forget(a)).isFalse();
        assertThat(store.markProcessed(a, T0.plusSeconds(1))).isTrue();
    }

    @Test
    @DisplayName("contract: blank and over-long ids are refused")
    void badIds() {
        WebhookDeliveryStore store = createStore(Duration.ofDays(3));
        assertThatThrownBy(() -> store.markProcessed("", T0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.markProcessed("x".repeat(129), T0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.markProcessed("x".repeat(128), T0)).isTrue();
        store.forget("x".repeat(128));
    }

    @Test
    @DisplayName("contract: of concurrent copies of one delivery exactly one is new")
    void concurrentCopies() throws Exception {
        WebhookDeliveryStore store = createStore(Duration.ofDays(3));
        String a = id();
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Callable<Boolean>> copies = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                copies.add(() -> store.markProcessed(a, T0));
            }
            int winners = 0;
            for (Future<Boolean> f : pool.invokeAll(copies)) {
                winners += f.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
