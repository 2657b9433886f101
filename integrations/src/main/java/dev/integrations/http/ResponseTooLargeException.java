package dev.integrations.http;

/** A response body exceeded the size limit; it was not read further. */
public class ResponseTooLargeException extends TransportException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception for one oversized response.
     *
     * @param message what failed and what to do
     */
    public ResponseTooLargeException(String message) {
        super(message);
    }
}
