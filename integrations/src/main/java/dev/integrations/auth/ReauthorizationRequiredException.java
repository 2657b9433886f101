package dev.integrations.auth;

/**
 * The user must connect again: the stored credentials' refresh token was refused (used,
 * expired or revoked), or they were already marked as needing reauthorization. The stored row
 * is kept with status {@code NEEDS_REAUTHORIZATION} so the application can list and notify
 * affected users; storing new credentials for the subject clears it.
 */
public class ReauthorizationRequiredException extends OAuthException {
    private static final long serialVersionUID = 1L;

    /** The provider name. */
    private final String provider;
    /** The canonical subject. */
    private final String subject;

    /**
     * Reports that a subject's stored credentials can only be replaced by a new authorization.
     *
     * @param provider the provider name, e.g. {@code "github"}
     * @param subject the canonical subject who must reconnect
     * @param error the server's error code (e.g. {@code bad_refresh_token}), or
     *     {@code needs_reauthorization} when the stored row was already marked
     * @param message what happened and that the user must connect again; never a token
     */
    public ReauthorizationRequiredException(String provider, String subject, String error, String message) {
        super(message, error, null, null);
        this.provider = provider;
        this.subject = subject;
    }

    /**
     * The provider whose credentials are unusable.
     *
     * @return the provider name, e.g. {@code "github"}
     */
    public String provider() {
        return provider;
    }

    /**
     * The subject who must reconnect.
     *
     * @return the canonical subject
     */
    public String subject() {
        return subject;
    }

    /**
     * Always true: the stored grant is gone.
     *
     * @return true
     */
    @Override
    public boolean requiresReauthorization() {
        return true;
    }
}
