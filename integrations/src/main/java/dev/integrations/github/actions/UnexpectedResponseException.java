package dev.integrations.github.actions;

import dev.integrations.core.IntegrationsException;

/**
 * GitHub answered an action with a success status but a body the action cannot read (not the
 * documented shape), or with a status the action does not handle (such as a redirect nobody
 * followed). Usually a wrong {@code base_url}, a proxy in the way, or an API change.
 */
public class UnexpectedResponseException extends IntegrationsException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception for an answer that does not fit GitHub's documentation.
     *
     * @param message what GitHub answered and what to do
     */
    public UnexpectedResponseException(String message) {
        super(message);
    }

    /**
     * An exception for an answer that does not fit GitHub's documentation, with the failure it caused.
     *
     * @param message what GitHub answered and what to do
     * @param cause the failure reading the answer
     */
    public UnexpectedResponseException(String message, Throwable cause) {
        super(message, cause);
    }
}
