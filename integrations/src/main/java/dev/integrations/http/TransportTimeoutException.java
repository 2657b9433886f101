package dev.integrations.http;

import java.time.Duration;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * A request did not complete within its deadline. The deadline is one budget for the whole
 * exchange: connecting, waiting for the response headers and reading the entire body; when it
 * runs out the exchange is cancelled (the connection is closed), so a server that stalls or
 * trickles its body can never block the caller longer than the configured timeout.
 */
public class TransportTimeoutException extends TransportException {
    private static final long serialVersionUID = 1L;

    /** The deadline that ran out. */
    private final Duration timeout;

    /**
     * Creates the exception.
     *
     * @param message what timed out and which setting bounds it
     * @param timeout the deadline that ran out
     * @param cause the underlying timeout, or null
     */
    public TransportTimeoutException(String message, Duration timeout, @Nullable Throwable cause) {
        super(message, cause);
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * The deadline that ran out.
     *
     * @return the request's timeout
     */
    public Duration timeout() {
        return timeout;
    }
}
