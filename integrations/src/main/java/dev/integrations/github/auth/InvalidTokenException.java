package dev.integrations.github.auth;

import dev.integrations.core.IntegrationsException;

/**
 * GitHub does not know the token as one of this app's: it is mistyped, expired, revoked, or
 * belongs to another app (a personal access token never belongs to an app). The user must
 * connect again to get a new one.
 */
public class InvalidTokenException extends IntegrationsException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception for an unknown token.
     *
     * @param message what failed and what to do; never the token
     */
    public InvalidTokenException(String message) {
        super(message);
    }
}
