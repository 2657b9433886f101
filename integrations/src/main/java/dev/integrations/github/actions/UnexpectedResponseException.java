package dev.integrations.github.actions;

import dev.integrations.IntegrationsException;

/**
 * GitHub answered an action with a success status but a body the action cannot read (not the
 * documented shape), or with a status the action does not handle (such as a redirect nobody
 * followed). Usually a wrong {@code base_url}, a proxy in the way, or an API change.
 */
public class UnexpectedResponseException extends IntegrationsException {
    private static final long serialVersionUID = 1L;

    public UnexpectedResponseException(String message) {
        super(message);
    }

    public UnexpectedResponseException(String message, Throwable cause) {
        super(message, cause);
    }
}
