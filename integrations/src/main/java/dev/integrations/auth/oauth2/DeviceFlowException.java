package dev.integrations.auth.oauth2;

import dev.integrations.auth.OAuthException;

import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A device flow (RFC 8628) ended without a token. {@link #reason()} says why; {@link #error()} is
 * the server's error code, or one of this SDK's ({@code deadline_exceeded}, {@code cancelled})
 * when the application stopped waiting. The message says what to do and never contains the
 * device code or a token.
 */
public class DeviceFlowException extends OAuthException {
    private static final long serialVersionUID = 1L;

    /** Why the flow ended. */
    public enum Reason {
        /** The device code expired before the user approved ({@code expired_token}): start again. */
        EXPIRED_TOKEN("expired_token"),
        /** The user declined ({@code access_denied}); the user code cannot be used again. */
        ACCESS_DENIED("access_denied"),
        /** The server does not know the device code ({@code incorrect_device_code}). */
        INCORRECT_DEVICE_CODE("incorrect_device_code"),
        /** The device flow is not enabled in the app's settings ({@code device_flow_disabled}). */
        DEVICE_FLOW_DISABLED("device_flow_disabled"),
        /** The server does not know the client id ({@code incorrect_client_credentials}). */
        INCORRECT_CLIENT_CREDENTIALS("incorrect_client_credentials"),
        /** The server refused the grant type ({@code unsupported_grant_type}). */
        UNSUPPORTED_GRANT_TYPE("unsupported_grant_type"),
        /** The application's overall deadline passed before the user approved. */
        DEADLINE_EXCEEDED("deadline_exceeded"),
        /** The application cancelled the flow (cancel handle or thread interrupt). */
        CANCELLED("cancelled"),
        /** Any other error code, or a response that was not a device-flow response. */
        OTHER("other");

        private final String code;

        Reason(String code) {
            this.code = code;
        }

        /**
         * The error code this reason stands for.
         *
         * @return the code, e.g. {@code expired_token}
         */
        public String code() {
            return code;
        }

        /**
         * The reason for a server error code. GitHub's documentation also spells the expiry
         * {@code token_expired} in one place; both map to {@link #EXPIRED_TOKEN}.
         *
         * @param code the error code
         * @return the matching reason, {@link #OTHER} when none matches
         */
        public static Reason of(String code) {
            String normalized = code.trim().toLowerCase(Locale.ROOT);
            if (normalized.equals("token_expired")) {
                return EXPIRED_TOKEN;
            }
            for (Reason reason : values()) {
                if (reason != OTHER && reason.code.equals(normalized)) {
                    return reason;
                }
            }
            return OTHER;
        }
    }

    /** Why the flow ended. */
    private final Reason reason;

    /**
     * An exception for a flow that ended.
     *
     * @param message what happened and what to do; never the device code or a token
     * @param reason why the flow ended
     * @param error the server's error code, or the reason's code
     * @param errorDescription the server's {@code error_description}, or null
     * @param errorUri the server's {@code error_uri}, or null
     */
    public DeviceFlowException(String message, Reason reason, String error, @Nullable String errorDescription,
                               @Nullable String errorUri) {
        super(message, error, errorDescription, errorUri);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * An exception with an underlying failure (an interrupt, an unreadable response).
     *
     * @param message what happened and what to do; never the device code or a token
     * @param reason why the flow ended
     * @param cause the underlying failure, or null
     */
    public DeviceFlowException(String message, Reason reason, @Nullable Throwable cause) {
        super(message, reason.code(), cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    /**
     * Why the flow ended.
     *
     * @return the reason
     */
    public Reason reason() {
        return reason;
    }

    /**
     * Whether starting a new device flow can succeed: true after an expiry, a denial, an unknown
     * device code, a deadline or a cancellation; false when the app's configuration must change
     * first (device flow disabled, wrong client id).
     *
     * @return true when the user may simply try again
     */
    public boolean canRestart() {
        return switch (reason) {
            case EXPIRED_TOKEN, ACCESS_DENIED, INCORRECT_DEVICE_CODE, DEADLINE_EXCEEDED, CANCELLED -> true;
            default -> false;
        };
    }
}
