package dev.integrations.core;

import org.jspecify.annotations.Nullable;

/**
 * The root of every exception this SDK throws on purpose.
 *
 * <p>Unchecked, so blocking calls stay readable; every subclass carries a message that says what
 * went wrong and what to do about it. Messages never contain tokens, secrets or authorization
 * codes: catch this type and log it freely.
 */
public class IntegrationsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception without an underlying failure.
     *
     * @param message what went wrong and what to do about it; never a token or secret
     */
    public IntegrationsException(String message) {
        super(message);
    }

    /**
     * An exception caused by another failure.
     *
     * @param message what went wrong and what to do about it; never a token or secret
     * @param cause the underlying failure, or null when there is none
     */
    public IntegrationsException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
