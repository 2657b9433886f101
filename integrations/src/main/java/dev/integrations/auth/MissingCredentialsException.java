package dev.integrations.auth;

import dev.integrations.core.IntegrationsException;

/**
 * A session needed credentials for a provider and found none: nothing passed with
 * {@code withCredentials}, nothing stored for the subject (or auto-load off), and no app-level
 * token that may serve the session (with OAuth configured, GitHub's app token serves a subject
 * only after an explicit opt-in). The message says which of these to configure.
 */
public class MissingCredentialsException extends IntegrationsException {
    private static final long serialVersionUID = 1L;

    /** The provider name. */
    private final String provider;

    /**
     * Reports that no credentials are stored.
     *
     * @param provider the provider name, e.g. {@code "github"}
     * @param message for which subject and what to do (authorize the user first)
     */
    public MissingCredentialsException(String provider, String message) {
        super(message);
        this.provider = provider;
    }

    /**
     * The provider that had no credentials.
     *
     * @return the provider name, e.g. {@code "github"}
     */
    public String provider() {
        return provider;
    }
}
