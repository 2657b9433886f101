package dev.integrations.auth;

import dev.integrations.core.IntegrationsException;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * An OAuth step failed. {@link #error()} is the authorization server's error code when it sent
 * one ({@code bad_verification_code}, {@code incorrect_client_credentials},
 * {@code redirect_uri_mismatch}, {@code access_denied}, {@code bad_refresh_token}, ...), or one
 * of this SDK's codes for responses that could not be used:
 * <ul>
 *   <li>{@code invalid_response}: not a token response (HTML page, empty or oversized body,
 *       unparseable, no {@code access_token});</li>
 *   <li>{@code invalid_state}: the callback's state is unknown, used, expired or bound to
 *       another subject or redirect URI (see {@link InvalidStateException});</li>
 *   <li>{@code missing_refresh_token}: refresh was asked for credentials that have none.</li>
 * </ul>
 */
public class OAuthException extends IntegrationsException {
    private static final long serialVersionUID = 1L;

    /** Error code for responses that were not usable token responses. */
    public static final String INVALID_RESPONSE = "invalid_response";
    /** Error code for a refresh attempted without a refresh token. */
    public static final String MISSING_REFRESH_TOKEN = "missing_refresh_token";

    /** The error code. */
    private final String error;
    /** The server's {@code error_description}, or null. */
    private final @Nullable String errorDescription;
    /** The server's {@code error_uri}, or null. */
    private final @Nullable String errorUri;

    /**
     * An error the authorization server reported, or one found in its response.
     *
     * @param message what failed and what to do; never a token or secret
     * @param error the server's error code, or one of this class's codes
     * @param errorDescription the server's {@code error_description}, or null when it sent none
     * @param errorUri the server's {@code error_uri}, or null when it sent none
     */
    public OAuthException(String message, String error, @Nullable String errorDescription,
            @Nullable String errorUri) {
        super(message);
        this.error = error;
        this.errorDescription = errorDescription;
        this.errorUri = errorUri;
    }

    /**
     * A failure with an underlying cause (a malformed response, an I/O error) and no server
     * description.
     *
     * @param message what failed and what to do; never a token or secret
     * @param error the error code, usually {@link #INVALID_RESPONSE}
     * @param cause the underlying failure, or null
     */
    public OAuthException(String message, String error, @Nullable Throwable cause) {
        super(message, cause);
        this.error = error;
        this.errorDescription = null;
        this.errorUri = null;
    }

    /**
     * The error code.
     *
     * @return the server's error code, or one of this class's codes; never null
     */
    public String error() {
        return error;
    }

    /**
     * The server's human-readable description.
     *
     * @return the {@code error_description} it sent, or empty when it sent none
     */
    public Optional<String> errorDescription() {
        return Optional.ofNullable(errorDescription);
    }

    /**
     * The server's link explaining the error.
     *
     * @return the {@code error_uri} it sent, or empty when it sent none
     */
    public Optional<String> errorUri() {
        return Optional.ofNullable(errorUri);
    }

    /**
     * Whether the only way forward is to send the user through authorization again (the grant
     * is gone: refresh token used, expired or revoked; code used or expired; access denied).
     *
     * @return true when only a new authorization can help; false when retrying or fixing the
     *     configuration may
     */
    public boolean requiresReauthorization() {
        return switch (error) {
            case "bad_refresh_token", "invalid_grant", "bad_verification_code", "access_denied",
                 "expired_token", MISSING_REFRESH_TOKEN -> true;
            default -> false;
        };
    }
}
