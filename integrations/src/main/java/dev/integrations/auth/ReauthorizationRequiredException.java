package dev.integrations.auth;

/**
 * The user must connect again: the stored credentials' refresh token was refused (used,
 * expired or revoked), or they were already marked as needing reauthorization. The stored row
 * is kept with status {@code NEEDS_REAUTHORIZATION} so the application can list and notify
 * affected users; storing new credentials for the subject clears it.
 */
public class ReauthorizationRequiredException extends OAuthException {
    private static final long serialVersionUID = 1L;

    private final String provider;
    private final String subject;

    public ReauthorizationRequiredException(String provider, String subject, String error, String message) {
        super(message, error, null, null);
        this.provider = provider;
        this.subject = subject;
    }

    /** The provider whose credentials are unusable. */
    public String provider() {
        return provider;
    }

    /** The canonical subject who must reconnect. */
    public String subject() {
        return subject;
    }

    @Override
    public boolean requiresReauthorization() {
        return true;
    }
}
