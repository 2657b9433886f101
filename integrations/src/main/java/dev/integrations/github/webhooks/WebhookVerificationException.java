package dev.integrations.github.webhooks;

import dev.integrations.core.IntegrationsException;

import java.util.Objects;

/**
 * A webhook delivery that cannot be trusted or read: answer it with {@code 401} (bad or missing
 * signature) or {@code 400} (malformed delivery) and do not act on it. {@link #reason()} says
 * which check failed; the message says what to check. Neither ever contains the secret or the
 * signature.
 */
public final class WebhookVerificationException extends IntegrationsException {
    private static final long serialVersionUID = 1L;

    /** Which check a delivery failed. */
    public enum Reason {
        /** No {@code X-Hub-Signature-256} header at all: the webhook has no secret on GitHub, or the request is not from GitHub. */
        MISSING_SIGNATURE,
        /** Only the legacy SHA-1 {@code X-Hub-Signature} header: SHA-1 signatures are not accepted. */
        SHA1_ONLY,
        /** The {@code X-Hub-Signature-256} header is not {@code sha256=} followed by 64 hex digits, or appears more than once. */
        MALFORMED_SIGNATURE,
        /** The signature matches none of the configured secrets, or the body was changed after signing. */
        SIGNATURE_MISMATCH,
        /** The signature was made with a secret that has been retired: update the secret on GitHub. */
        RETIRED_SECRET,
        /** The body is larger than the verifier's limit (GitHub caps payloads at 25 MB). */
        BODY_TOO_LARGE,
        /** The {@code X-GitHub-Event} header is missing. */
        MISSING_EVENT,
        /** The {@code X-GitHub-Delivery} header is missing. */
        MISSING_DELIVERY_ID,
        /** The signature is valid but the body is not a JSON object (a webhook with content type form instead of JSON?). */
        MALFORMED_PAYLOAD
    }

    /** Which check failed (an enum, so serializable). */
    private final Reason reason;

    /**
     * A failed check.
     *
     * @param reason which check failed
     * @param message what failed and what to check; never a secret or signature
     */
    public WebhookVerificationException(Reason reason, String message) {
        super(message);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * Which check failed.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }

    /**
     * The HTTP status a receiver should answer with: {@code 413} for a body too large, {@code 400}
     * for a delivery without event or delivery id or with a payload that is not JSON, {@code 401}
     * for every signature problem.
     *
     * @return the suggested status code
     */
    public int suggestedStatus() {
        return switch (reason) {
            case BODY_TOO_LARGE -> 413;
            case MISSING_EVENT, MISSING_DELIVERY_ID, MALFORMED_PAYLOAD -> 400;
            default -> 401;
        };
    }
}
