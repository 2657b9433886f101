/**
 * Receiving GitHub webhooks: check that a delivery really comes from GitHub, read its event, and
 * skip deliveries already processed.
 *
 * <p>{@link dev.integrations.github.webhooks.WebhookVerifier} checks the {@code X-Hub-Signature-256}
 * header (HMAC-SHA256 of the raw body with the webhook secret, compared in constant time; old and
 * new secret both accepted during a rotation) and returns a
 * {@link dev.integrations.github.webhooks.WebhookEvent}: event name, action, delivery id, hook and
 * installation ids and the JSON payload. {@link dev.integrations.github.webhooks.WebhookReceiver}
 * adds duplicate detection through a {@link dev.integrations.github.webhooks.WebhookDeliveryStore}
 * ({@link dev.integrations.github.webhooks.InMemoryWebhookDeliveryStore} here, a JDBC one in
 * {@code integrations-jdbc}). Failures are
 * {@link dev.integrations.github.webhooks.WebhookVerificationException}s with a typed reason.
 *
 * <p>GitHub signs no timestamp, so a captured delivery stays validly signed: replays are stopped
 * by remembering delivery ids (the store), and a leaked secret is retired by rotating it. See
 * <a href="https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries">validating
 * webhook deliveries</a>.
 *
 * <p>Secrets and signatures never appear in logs, exception messages or {@code toString()}.
 * Types, parameters and results are non-null unless annotated {@code @Nullable} (JSpecify's
 * {@code @NullMarked}).
 */
@NullMarked
package dev.integrations.github.webhooks;

import org.jspecify.annotations.NullMarked;
