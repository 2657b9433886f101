package dev.integrations.http;

/**
 * 401 Unauthorized: the credentials are missing, invalid, expired or revoked. When the request
 * went out without credentials because none are configured, the message says so and names the
 * setting to configure, rather than blaming a token.
 */
public class UnauthorizedException extends ApiException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception for one error response.
     *
     * @param message what failed and what to do
     * @param details what the response said
     */
    public UnauthorizedException(String message, ErrorDetails details) {
        super(message, details);
    }
}
