package dev.integrations.auth.store;

import dev.integrations.core.IntegrationsException;

import org.jspecify.annotations.Nullable;

/**
 * Another thread or instance held the refresh lease of the same credentials longer than the
 * configured bound ({@code refreshLockTimeout}) and stored no usable token meanwhile. The stored
 * credentials are unchanged; retry, or raise the timeout if the authorization server is slow.
 */
public class RefreshLockTimeoutException extends IntegrationsException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception without an underlying failure.
     *
     * @param message how long was waited, for which credentials, and what to do
     */
    public RefreshLockTimeoutException(String message) {
        super(message);
    }

    /**
     * An exception caused by another failure.
     *
     * @param message how long was waited, for which credentials, and what to do
     * @param cause the underlying failure, or null
     */
    public RefreshLockTimeoutException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
