package dev.integrations.http;

/** 404 Not Found. Services such as GitHub also answer 404 instead of 403 for private resources the credentials cannot see. */
public class NotFoundException extends ApiException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception for one error response.
     *
     * @param message what failed and what to do
     * @param details what the response said
     */
    public NotFoundException(String message, ErrorDetails details) {
        super(message, details);
    }
}
