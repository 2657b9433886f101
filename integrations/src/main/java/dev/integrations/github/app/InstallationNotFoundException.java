package dev.integrations.github.app;

import dev.integrations.core.IntegrationsException;

/**
 * GitHub answered 404 to an installation lookup or token request: the app is not installed there,
 * the installation was removed, or the repository is not one the installation may reach.
 */
public class InstallationNotFoundException extends IntegrationsException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was looked up and what to do
     */
    public InstallationNotFoundException(String message) {
        super(message);
    }
}
