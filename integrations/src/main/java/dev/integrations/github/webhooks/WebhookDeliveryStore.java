package dev.integrations.github.webhooks;

import java.time.Instant;

/**
 * Remembers which webhook deliveries were processed, by their {@code X-GitHub-Delivery} id, so that
 * a redelivery (GitHub keeps the id; you may redeliver from the settings page or the API) or a
 * replayed request is processed once. Ids are forgotten after the store's retention period: keep
 * it at least as long as GitHub lets a delivery be redelivered (3 days).
 *
 * <p>Implementations: {@link InMemoryWebhookDeliveryStore} (one instance), and
 * {@code dev.integrations.jdbc.JdbcWebhookDeliveryStore} (several instances behind a load
 * balancer). Implementations are thread-safe; {@link #markProcessed} is atomic: of two concurrent
 * calls with the same id exactly one returns {@code true}.
 */
public interface WebhookDeliveryStore {
    /**
     * Records a delivery id unless it is already recorded (and not yet expired).
     *
     * @param deliveryId the delivery's {@code X-GitHub-Delivery} GUID
     * @param receivedAt when the delivery was received: the start of its retention
     * @return {@code true} the first time, {@code false} when the id was seen before (a duplicate: skip it)
     * @throws IllegalArgumentException when the delivery id is blank or longer than 128 characters
     * @throws dev.integrations.core.IntegrationsException when the store fails; nothing was recorded
     */
    boolean markProcessed(String deliveryId, Instant receivedAt);

    /**
     * Forgets one delivery id, so that its redelivery is processed again: call it when processing
     * a delivery failed after {@link #markProcessed} recorded it.
     *
     * @param deliveryId the delivery's id
     * @return whether the id was recorded
     * @throws dev.integrations.core.IntegrationsException when the store fails
     */
    boolean forget(String deliveryId);

    /**
     * Forgets the ids whose retention has ended by {@code now}. Implementations also purge on their
     * own from time to time; call this to purge at a time of your choosing.
     *
     * @param now the current time
     * @return how many ids were forgotten
     * @throws dev.integrations.core.IntegrationsException when the store fails
     */
    int purgeExpired(Instant now);

    /**
     * Checks a delivery id as every store requires: not blank, at most 128 characters.
     *
     * @param deliveryId the id
     * @return {@code deliveryId}
     * @throws IllegalArgumentException when it is blank or too long
     */
    static String checkDeliveryId(String deliveryId) {
        if (deliveryId == null || deliveryId.isBlank() || deliveryId.length() > 128) {
            throw new IllegalArgumentException("A webhook delivery id must be 1 to 128 characters (GitHub sends a GUID"
                    + " in X-GitHub-Delivery); got " + (deliveryId == null ? "null" : deliveryId.length() + " characters"));
        }
        return deliveryId;
    }
}
