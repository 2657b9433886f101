package dev.integrations.http;

/** 5xx: the service failed; retrying later may succeed. */
public class ServerErrorException extends ApiException {
    private static final long serialVersionUID = 1L;

    public ServerErrorException(String message, ErrorDetails details) {
        super(message, details);
    }
}
