package dev.integrations.http;

/** 404 Not Found. Services such as GitHub also answer 404 instead of 403 for private resources the credentials cannot see. */
public class NotFoundException extends ApiException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String message, ErrorDetails details) {
        super(message, details);
    }
}
