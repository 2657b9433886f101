package dev.integrations.github;

import dev.integrations.core.ConfigurationException;

/**
 * A request would have carried GitHub credentials to a host other than the one they were issued
 * for (typically because a session or scope override changed {@code base_url}). Nothing was
 * sent. The message names the host and how to allow it explicitly ({@code trusted_hosts}).
 */
public class UntrustedHostException extends ConfigurationException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message which host was refused, for which credentials, and how to opt in
     */
    public UntrustedHostException(String message) {
        super(message);
    }
}
