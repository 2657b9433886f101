package dev.integrations.auth;

import dev.integrations.core.IntegrationsException;

import org.jspecify.annotations.Nullable;

/**
 * The authorization server issued a new token set, but the credential store failed every attempt
 * to write it. The provider may already have rotated the refresh token, in which case the stored
 * one no longer works and the user has to connect again once the stored access token expires.
 * The stored credentials are unchanged. The cause is the store's last error; check that the store
 * is reachable.
 */
public class RefreshNotStoredException extends IntegrationsException {
    private static final long serialVersionUID = 1L;

    /** The provider name. */
    private final String provider;
    /** The canonical subject. */
    private final String subject;

    /**
     * An exception for the credentials of {@code subject} with {@code provider}.
     *
     * @param provider the provider name, e.g. {@code "github"}
     * @param subject the canonical subject whose credentials were refreshed
     * @param message what happened and what to do; never a token
     * @param cause the store's last error, or null when none was caught
     */
    public RefreshNotStoredException(String provider, String subject, String message, @Nullable Throwable cause) {
        super(message, cause);
        this.provider = provider;
        this.subject = subject;
    }

    /**
     * The provider whose credentials were refreshed.
     *
     * @return the provider name, e.g. {@code "github"}
     */
    public String provider() {
        return provider;
    }

    /**
     * The subject whose credentials were refreshed.
     *
     * @return the canonical subject
     */
    public String subject() {
        return subject;
    }
}
