package dev.integrations.github.sandbox;

import org.jspecify.annotations.Nullable;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * One attempt to deliver a webhook event: what was sent (headers, body) and how the receiver
 * answered. A {@linkplain WebhookDeliveries#redeliver redelivery} is a new attempt with the same
 * {@link #guid()}.
 *
 * @param guid the {@code X-GitHub-Delivery} GUID, the same on a redelivery
 * @param hookId the webhook's id
 * @param event the {@code X-GitHub-Event} name
 * @param action the payload's {@code action}, or null
 * @param headers the request headers sent, by name (signatures included: the test's own secret signed them)
 * @param body the raw body sent
 * @param redelivery whether this attempt is a redelivery
 * @param status the receiver's HTTP status, or 0 when no response came (see {@code error})
 * @param error why no response came (connection refused, timeout), or null
 * @param deliveredAt when the attempt was made, on the sandbox's clock
 */
public record SandboxWebhookDelivery(String guid, long hookId, String event, @Nullable String action,
                                     Map<String, String> headers, byte[] body, boolean redelivery, int status,
                                     @Nullable String error, Instant deliveredAt) {
    /**
     * Copies the headers and body.
     *
     * @param guid the delivery GUID
     * @param hookId the webhook's id
     * @param event the event name
     * @param action the action, or null
     * @param headers the headers sent
     * @param body the body sent
     * @param redelivery whether this is a redelivery
     * @param status the receiver's status, or 0
     * @param error the failure, or null
     * @param deliveredAt when it was attempted
     */
    public SandboxWebhookDelivery {
        headers = Map.copyOf(headers);
        body = body.clone();
    }

    /**
     * The raw body sent (a copy).
     *
     * @return the body's bytes
     */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /**
     * The body as UTF-8 text.
     *
     * @return the body's text
     */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * Whether the receiver answered 2xx, which GitHub counts as delivered.
     *
     * @return true for a 2xx answer
     */
    public boolean succeeded() {
        return status >= 200 && status < 300;
    }

    /**
     * Why no response came, if none did.
     *
     * @return the failure, or empty
     */
    public Optional<String> failure() {
        return Optional.ofNullable(error);
    }

    /** The delivery's ids and outcome; not its headers (they carry signatures) nor its body. */
    @Override
    public String toString() {
        return "SandboxWebhookDelivery[" + event + (action != null ? "." + action : "") + ", guid=" + guid + ", hook=" + hookId
                + (redelivery ? ", redelivery" : "") + ", status=" + status + (error != null ? ", error=" + error : "") + "]";
    }
}
