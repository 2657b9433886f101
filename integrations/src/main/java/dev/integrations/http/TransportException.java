package dev.integrations.http;

import dev.integrations.IntegrationsException;

/**
 * The request did not produce a usable HTTP response: connection refused or reset, timeout,
 * interruption, or a body larger than the allowed limit. Nothing was changed on our side.
 */
public class TransportException extends IntegrationsException {
    private static final long serialVersionUID = 1L;

    public TransportException(String message, Throwable cause) {
        super(message, cause);
    }

    public TransportException(String message) {
        super(message);
    }
}
