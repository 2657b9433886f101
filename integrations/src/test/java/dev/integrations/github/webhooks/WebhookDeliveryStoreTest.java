package dev.integrations.github.webhooks;

import dev.integrations.github.sandbox.SandboxClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static dev.integrations.github.webhooks.WebhookSignatures.headers;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("InMemoryWebhookDeliveryStore and WebhookReceiver process each delivery once")
class WebhookDeliveryStoreTest {
    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");

    @Test
    @DisplayName("the first delivery of an id is new, a redelivery is a duplicate, and expires after the retention")
    void duplicatesUntilRetentionEnds() {
        InMemoryWebhookDeliveryStore store = InMemoryWebhookDeliveryStore.create(10, Duration.ofHours(1));
        assertThat(store.markProcessed("d-1", T0)).isTrue();
        assertThat(store.markProcessed("d-1", T0.plusSeconds(3599))).isFalse();
        assertThat(store.markProcessed("d-1", T0.plusSeconds(3600))).isTrue();
        assertThat(store.markProcessed("d-2", T0.plusSeconds(3600))).isTrue();
        assertThat(store.purgeExpired(T0.plusSeconds(7200))).isEqualTo(2);
        assertThat(store.size()).isZero();
    }

    @Test
    @DisplayName("a full store evicts the oldest ids first")
    void evictsOldest() {
        InMemoryWebhookDeliveryStore store = InMemoryWebhookDeliveryStore.create(2, Duration.ofDays(3));
        store.markProcessed("a", T0);
        store.markProcessed("b", T0.plusSeconds(1));
        store.markProcessed("c", T0.plusSeconds(2));
        assertThat(store.size()).isEqualTo(2);
        assertThat(store.markProcessed("b", T0.plusSeconds(3))).isFalse();
        assertThat(store.markProcessed("a", T0.plusSeconds(3))).as("evicted, so new again").isTrue();
    }

    @Test
    @DisplayName("forget makes a redelivery new again; bad ids are refused")
    void forgetAndBadIds() {
        InMemoryWebhookDeliveryStore store = InMemoryWebhookDeliveryStore.create();
        store.markProcessed("d-1", T0);
        assertThat(store.forget("d-1")).isTrue();
        assertThat(store.forget("d-1")).isFalse();
        assertThat(store.markProcessed("d-1", T0)).isTrue();
        assertThatThrownBy(() -> store.markProcessed(" ", T0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.markProcessed("x".repeat(129), T0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> InMemoryWebhookDeliveryStore.create(0, Duration.ofDays(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("of many concurrent copies of one delivery exactly one is new")
    void concurrentCopiesOneWins() throws Exception {
        InMemoryWebhookDeliveryStore store = InMemoryWebhookDeliveryStore.create();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Boolean>> copies = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                copies.add(() -> store.markProcessed("same", T0));
            }
            long winners = 0;
            for (Future<Boolean> f : pool.invokeAll(copies)) {
                winners += f.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    @DisplayName("the receiver verifies, then records: a redelivery is empty, a forged copy records nothing")
    void receiverSkipsDuplicatesAndRecordsOnlyVerified() {
        SandboxClock clock = SandboxClock.frozenAt(T0);
        InMemoryWebhookDeliveryStore store = InMemoryWebhookDeliveryStore.create();
        WebhookReceiver receiver = WebhookReceiver.of(WebhookVerifier.of("s3cret"), store, clock);
        byte[] body = "{\"action\":\"opened\"}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> receiver.receive(headers("forged", body, "issues", "d-1"), body))
                .isInstanceOf(WebhookVerificationException.class);
        assertThat(store.size()).isZero();

        WebhookEvent event = receiver.receive(headers("s3cret", body, "issues", "d-1"), body).orElseThrow();
        assertThat(receiver.receive(headers("s3cret", body, "issues", "d-1"), body)).isEmpty();
        assertThat(receiver.forget(event)).isTrue();
        assertThat(receiver.receive(name -> headers("s3cret", body, "issues", "d-1").get(name), body)).isPresent();
    }
}
