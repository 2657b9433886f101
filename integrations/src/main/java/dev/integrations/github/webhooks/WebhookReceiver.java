package dev.integrations.github.webhooks;

import org.jspecify.annotations.Nullable;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Verifies a webhook delivery and skips it when it was processed before, in one call:
 *
 * <pre>{@code
 * WebhookReceiver receiver = WebhookReceiver.of(WebhookVerifier.fromEnvironment(), InMemoryWebhookDeliveryStore.create());
 * Optional<WebhookEvent> event = receiver.receive(headers, body);   // empty: a duplicate, answer 2xx and skip it
 * }</pre>
 *
 * A delivery is recorded in the store only after its signature verified, so forged requests
 * cannot make the store refuse a real delivery. It is recorded as it is received, before the
 * application processes it, so that two concurrent copies are not both processed; when processing
 * fails, call {@link #forget(WebhookEvent)} and answer with an error, and a redelivery is processed
 * again.
 */
public final class WebhookReceiver {
    private final WebhookVerifier verifier;
    private final WebhookDeliveryStore store;
    private final Clock clock;

    private WebhookReceiver(WebhookVerifier verifier, WebhookDeliveryStore store, Clock clock) {
        this.verifier = Objects.requireNonNull(verifier, "verifier");
        this.store = Objects.requireNonNull(store, "store");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * A receiver on the system clock.
     *
     * @param verifier checks signatures
     * @param store remembers processed delivery ids
     * @return the receiver
     */
    public static WebhookReceiver of(WebhookVerifier verifier, WebhookDeliveryStore store) {
        return new WebhookReceiver(verifier, store, Clock.systemUTC());
    }

    /**
     * A receiver whose clock stamps the deliveries it records.
     *
     * @param verifier checks signatures
     * @param store remembers processed delivery ids
     * @param clock the time deliveries are recorded at
     * @return the receiver
     */
    public static WebhookReceiver of(WebhookVerifier verifier, WebhookDeliveryStore store, Clock clock) {
        return new WebhookReceiver(verifier, store, clock);
    }

    /**
     * Verifies a delivery (headers in a map, see {@link WebhookVerifier#verify(Map, byte[])}) and
     * records it.
     *
     * @param headers the request headers
     * @param body the raw request body
     * @return the event, or empty when this delivery id was processed before
     * @throws WebhookVerificationException when the delivery does not verify (nothing is recorded)
     */
    public Optional<WebhookEvent> receive(Map<String, ?> headers, byte[] body) {
        return record(verifier.verify(headers, body));
    }

    /**
     * Verifies a delivery (headers from a lookup, see {@link WebhookVerifier#verify(Function, byte[])})
     * and records it.
     *
     * @param headers returns a header's value, or null
     * @param body the raw request body
     * @return the event, or empty when this delivery id was processed before
     * @throws WebhookVerificationException when the delivery does not verify (nothing is recorded)
     */
    public Optional<WebhookEvent> receive(Function<String, @Nullable String> headers, byte[] body) {
        return record(verifier.verify(headers, body));
    }

    /**
     * Forgets a delivery so that its redelivery is processed again; for when processing it failed.
     *
     * @param event the event whose processing failed
     * @return whether the delivery was recorded
     */
    public boolean forget(WebhookEvent event) {
        return store.forget(event.deliveryId());
    }

    /**
     * The verifier.
     *
     * @return the verifier
     */
    public WebhookVerifier verifier() {
        return verifier;
    }

    private Optional<WebhookEvent> record(WebhookEvent event) {
        return store.markProcessed(event.deliveryId(), clock.instant()) ? Optional.of(event) : Optional.empty();
    }

    @Override
    public String toString() {
        return "WebhookReceiver[" + verifier + ", " + store + "]";
    }
}
