package dev.integrations.auth;

import dev.integrations.core.IntegrationsException;

/**
 * Credentials given as a map (or read back from a store) have a field of the wrong type or
 * lack a required one. The message names the field; it never quotes a token.
 */
public class InvalidCredentialsException extends IntegrationsException {
    private static final long serialVersionUID = 1L;

    /**
     * Reports credentials that cannot be used.
     *
     * @param message what is wrong with them and what to do; never a token
     */
    public InvalidCredentialsException(String message) {
        super(message);
    }
}
