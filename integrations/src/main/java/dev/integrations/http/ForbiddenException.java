package dev.integrations.http;

/** 403 Forbidden: the credentials are valid but lack a permission or scope, or a policy blocks the request. */
public class ForbiddenException extends ApiException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception for one error response.
     *
     * @param message what failed and what to do
     * @param details what the response said
     */
    public ForbiddenException(String message, ErrorDetails details) {
        super(message, details);
    }
}
