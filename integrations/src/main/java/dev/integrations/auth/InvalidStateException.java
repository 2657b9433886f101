package dev.integrations.auth;

/**
 * The callback's {@code state} does not match a pending authorization: it is forged, already
 * used, expired, or bound to another subject or redirect URI. The exchange was refused before
 * any network call; start the authorization again.
 */
public class InvalidStateException extends OAuthException {
    private static final long serialVersionUID = 1L;

    /** The error code of this exception. */
    public static final String INVALID_STATE = "invalid_state";

    /**
     * Refuses a callback whose state does not match; the error code is {@link #INVALID_STATE}.
     *
     * @param message which check failed and that the authorization must start again
     */
    public InvalidStateException(String message) {
        super(message, INVALID_STATE, null, null);
    }
}
