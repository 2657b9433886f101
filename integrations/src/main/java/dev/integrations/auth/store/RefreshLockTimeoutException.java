package dev.integrations.auth.store;

import dev.integrations.IntegrationsException;

/**
 * Another thread or instance held the refresh lock for the same credentials longer than the
 * configured bound. The stored credentials are unchanged; retry, or raise the lock timeout if
 * the authorization server is slow.
 */
public class RefreshLockTimeoutException extends IntegrationsException {
    private static final long serialVersionUID = 1L;

    public RefreshLockTimeoutException(String message) {
        super(message);
    }

    public RefreshLockTimeoutException(String message, Throwable cause) {
        super(message, cause);
    }
}
