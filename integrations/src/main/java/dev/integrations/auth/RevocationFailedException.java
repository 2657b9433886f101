package dev.integrations.auth;

import dev.integrations.core.IntegrationsException;

import org.jspecify.annotations.Nullable;

/**
 * {@code AuthManager.disconnect} could not revoke the user's authorization at the provider (the
 * provider failed, timed out or refused the app's credentials), so the stored credentials were
 * kept: deleting them would leave a live token nobody can revoke any more. Retry later, or pass
 * {@link DisconnectOptions#forceLocal()} to delete them anyway.
 */
public class RevocationFailedException extends IntegrationsException {
    private static final long serialVersionUID = 1L;

    /** The provider name. */
    private final String provider;
    /** The canonical subject. */
    private final String subject;

    /**
     * An exception for a failed revocation.
     *
     * @param message what failed and what to do; never a token
     * @param provider the provider name
     * @param subject the canonical subject
     * @param cause the failure, or null
     */
    public RevocationFailedException(String message, String provider, String subject, @Nullable Throwable cause) {
        super(message, cause);
        this.provider = provider;
        this.subject = subject;
    }

    /**
     * The provider whose revocation failed.
     *
     * @return the provider name, e.g. {@code github}
     */
    public String provider() {
        return provider;
    }

    /**
     * The subject whose credentials were kept.
     *
     * @return the canonical subject
     */
    public String subject() {
        return subject;
    }
}
