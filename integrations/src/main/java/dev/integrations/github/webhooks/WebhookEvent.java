package dev.integrations.github.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.integrations.core.IntegrationsException;
import dev.integrations.internal.json.Json;
import org.jspecify.annotations.Nullable;

import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A verified webhook delivery: what happened ({@link #name()}, {@link #action()}), which delivery
 * it is ({@link #deliveryId()}, the same on a redelivery), where it comes from ({@link #hookId()},
 * {@link #installationId()}) and the payload. Immutable; {@link #payload()} and {@link #body()}
 * return copies.
 *
 * <p>Only {@link WebhookVerifier} creates events, after the signature matched: everything here
 * came from GitHub unchanged (headers are not signed, but a forger without the secret cannot make
 * a body that verifies).
 */
public final class WebhookEvent {
    private final String name;
    private final String deliveryId;
    private final @Nullable String hookId;
    private final @Nullable String targetId;
    private final @Nullable String targetType;
    private final JsonNode payload;
    private final byte[] body;

    WebhookEvent(String name, String deliveryId, @Nullable String hookId, @Nullable String targetId,
                 @Nullable String targetType, JsonNode payload, byte[] body) {
        this.name = Objects.requireNonNull(name, "name");
        this.deliveryId = Objects.requireNonNull(deliveryId, "deliveryId");
        this.hookId = hookId;
        this.targetId = targetId;
        this.targetType = targetType;
        this.payload = payload.deepCopy();
        this.body = body.clone();
    }

    /**
     * The event name from {@code X-GitHub-Event}, e.g. {@code issues}, {@code issue_comment},
     * {@code pull_request}, {@code push}, {@code ping}.
     *
     * @return the event name
     */
    public String name() {
        return name;
    }

    /**
     * The payload's {@code action} (e.g. {@code opened}, {@code created}); events such as
     * {@code push} have none.
     *
     * @return the action, or empty
     */
    public Optional<String> action() {
        JsonNode action = payload.get("action");
        return action != null && action.isTextual() ? Optional.of(action.asText()) : Optional.empty();
    }

    /**
     * The delivery's GUID from {@code X-GitHub-Delivery}. GitHub keeps it on a redelivery, so it
     * identifies the event: use it to skip deliveries already processed.
     *
     * @return the delivery id
     */
    public String deliveryId() {
        return deliveryId;
    }

    /**
     * The webhook's id from {@code X-GitHub-Hook-ID}.
     *
     * @return the hook id, or empty when the header was absent
     */
    public Optional<String> hookId() {
        return Optional.ofNullable(hookId);
    }

    /**
     * The id of what the webhook is installed on, from {@code X-GitHub-Hook-Installation-Target-ID}
     * (a repository, organization or GitHub App id; see {@link #installationTargetType()}).
     *
     * @return the target id, or empty when the header was absent
     */
    public Optional<String> installationTargetId() {
        return Optional.ofNullable(targetId);
    }

    /**
     * The kind of thing the webhook is installed on, from {@code X-GitHub-Hook-Installation-Target-Type}:
     * {@code repository}, {@code organization}, {@code integration} (a GitHub App), ...
     *
     * @return the target type, or empty when the header was absent
     */
    public Optional<String> installationTargetType() {
        return Optional.ofNullable(targetType);
    }

    /**
     * The GitHub App installation the event belongs to, from the payload's {@code installation.id};
     * present only in deliveries to a GitHub App's webhook. Use it to get an installation token.
     *
     * @return the installation id, or empty
     */
    public OptionalLong installationId() {
        JsonNode id = payload.path("installation").path("id");
        return id.canConvertToLong() && id.isIntegralNumber() ? OptionalLong.of(id.asLong()) : OptionalLong.empty();
    }

    /**
     * The payload as a JSON tree (a copy: changing it changes nothing here).
     *
     * @return the payload, always a JSON object
     */
    public JsonNode payload() {
        return payload.deepCopy();
    }

    /**
     * The payload bound to a type of the application's (unknown properties are ignored).
     *
     * @param <T> the type
     * @param type the class to bind to, e.g. a record with the fields the application needs
     * @return the bound payload
     * @throws IntegrationsException when the payload does not fit the type; the message names the type, not the payload
     */
    public <T> T payload(Class<T> type) {
        Objects.requireNonNull(type, "type");
        try {
            T value = Json.reader().treeToValue(payload, type);
            if (value == null) {
                throw new IntegrationsException("The payload of the " + name + " delivery " + deliveryId
                        + " bound to null as " + type.getName());
            }
            return value;
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IntegrationsException("The payload of the " + name + " delivery " + deliveryId + " does not fit "
                    + type.getName() + " (" + e.getClass().getSimpleName() + "): check the type's fields against"
                    + " GitHub's payload documentation for this event", e);
        }
    }

    /**
     * The raw body exactly as signed (a copy).
     *
     * @return the body's bytes
     */
    public byte[] body() {
        return body.clone();
    }

    /**
     * The raw body as UTF-8 text, as GitHub sends it.
     *
     * @return the body's text
     */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** Names the event and its ids; never the payload, the secret or the signature. */
    @Override
    public String toString() {
        return "WebhookEvent[" + name + action().map(a -> "." + a).orElse("") + ", delivery=" + deliveryId
                + (hookId != null ? ", hook=" + hookId : "")
                + (installationId().isPresent() ? ", installation=" + installationId().getAsLong() : "") + "]";
    }
}
