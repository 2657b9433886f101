package dev.integrations.http;

/** 5xx: the service failed; retrying later may succeed. */
public class ServerErrorException extends ApiException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception for one error response.
     *
     * @param message what failed and what to do
     * @param details what the response said
     */
    public ServerErrorException(String message, ErrorDetails details) {
        super(message, details);
    }
}
