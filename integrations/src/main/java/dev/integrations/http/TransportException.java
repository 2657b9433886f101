package dev.integrations.http;

import dev.integrations.core.IntegrationsException;

import org.jspecify.annotations.Nullable;

/**
 * The request did not produce a usable HTTP response: connection refused or reset, timeout,
 * interruption, or a body larger than the allowed limit. Nothing was changed on our side.
 */
public class TransportException extends IntegrationsException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception with the failure that caused it.
     *
     * @param message what failed and what to do
     * @param cause the underlying failure, or null when there is none
     */
    public TransportException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }

    /**
     * An exception without an underlying failure.
     *
     * @param message what failed and what to do
     */
    public TransportException(String message) {
        super(message);
    }
}
