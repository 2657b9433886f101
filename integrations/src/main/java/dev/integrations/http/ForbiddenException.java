package dev.integrations.http;

/** 403 Forbidden: the credentials are valid but lack a permission or scope, or a policy blocks the request. */
public class ForbiddenException extends ApiException {
    private static final long serialVersionUID = 1L;

    public ForbiddenException(String message, ErrorDetails details) {
        super(message, details);
    }
}
