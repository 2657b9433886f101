package dev.integrations.auth.store;

import dev.integrations.IntegrationsException;

/**
 * Another thread or instance held the refresh lease of the same credentials longer than the
 * configured bound ({@code refreshLockTimeout}) and stored no usable token meanwhile. The stored
 * credentials are unchanged; retry, or raise the timeout if the authorization server is slow.
 */
public class RefreshLockTimeoutException extends IntegrationsException {
    private static final long serialVersionUID = 1L;

    /** An exception with a message that says what to do. */
    public RefreshLockTimeoutException(String message) {
        super(message);
    }

    /** An exception with a message that says what to do, and its cause. */
    public RefreshLockTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
