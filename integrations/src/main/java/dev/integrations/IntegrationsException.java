package dev.integrations;

/**
 * The root of every exception this SDK throws on purpose.
 *
 * <p>Unchecked, so blocking calls stay readable; every subclass carries a message that says what
 * went wrong and what to do about it. Messages never contain tokens, secrets or authorization
 * codes: catch this type and log it freely.
 */
public class IntegrationsException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public IntegrationsException(String message) {
        super(message);
    }

    public IntegrationsException(String message, Throwable cause) {
        super(message, cause);
    }
}
