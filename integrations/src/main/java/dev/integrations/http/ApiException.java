package dev.integrations.http;

import dev.integrations.IntegrationsException;

import java.util.List;
import java.util.Optional;

/**
 * An API answered with an error status. Carries what the service said (its message, its
 * documentation link, its request id for support) and never the token that was used.
 *
 * <p>Subclasses name the common cases so callers can catch exactly what they handle:
 * {@link UnauthorizedException} (401), {@link ForbiddenException} (403),
 * {@link NotFoundException} (404), {@link MethodNotAllowedException} (405),
 * {@link ConflictException} (409), {@link GoneException} (410), {@link ValidationException} (422),
 * {@code dev.integrations.github.RateLimitException} (429, or 403 once a rate limit is exhausted) and
 * {@link ServerErrorException} (5xx).
 */
public class ApiException extends IntegrationsException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String method;
    private final String path;
    private final String apiMessage;
    private final String documentationUrl;
    private final String requestId;
    private final List<String> acceptedScopes;
    private final List<String> grantedScopes;

    /**
     * An exception for one error response.
     *
     * @param message what failed and what to do
     * @param details what the response said
     */
    public ApiException(String message, ErrorDetails details) {
        super(message);
        this.status = details.status();
        this.method = details.method();
        this.path = details.path();
        this.apiMessage = details.apiMessage();
        this.documentationUrl = details.documentationUrl();
        this.requestId = details.requestId();
        this.acceptedScopes = details.acceptedScopes();
        this.grantedScopes = details.grantedScopes();
    }

    /** The HTTP status code. */
    public int status() {
        return status;
    }

    /** The request method, e.g. {@code GET}. */
    public String method() {
        return method;
    }

    /** The request path, without query string. */
    public String path() {
        return path;
    }

    /** The service's own error message, e.g. GitHub's {@code "Bad credentials"}. */
    public Optional<String> apiMessage() {
        return Optional.ofNullable(apiMessage);
    }

    /** The service's documentation link for this error ({@code documentation_url}). */
    public Optional<String> documentationUrl() {
        return Optional.ofNullable(documentationUrl);
    }

    /** The service's request id (GitHub: {@code X-GitHub-Request-Id}), to quote to its support. */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /**
     * The OAuth scopes the endpoint accepts, as the service listed them (GitHub:
     * {@code X-Accepted-OAuth-Scopes}); empty when it listed none or did not say.
     *
     * @return the accepted scopes, in the service's order
     */
    public List<String> acceptedScopes() {
        return acceptedScopes;
    }

    /**
     * The OAuth scopes the token that was used carries, as the service listed them (GitHub:
     * {@code X-OAuth-Scopes}); empty when it has none or the service did not say.
     *
     * @return the token's scopes, in the service's order
     */
    public List<String> grantedScopes() {
        return grantedScopes;
    }

    /**
     * What an error response said, gathered once so each exception type is built the same way.
     *
     * @param status the HTTP status
     * @param method the request method
     * @param path the request path
     * @param apiMessage the service's message, or null
     * @param documentationUrl the service's documentation link, or null
     * @param requestId the service's request id, or null
     * @param acceptedScopes the OAuth scopes the endpoint accepts; null is read as none
     * @param grantedScopes the OAuth scopes the token carries; null is read as none
     */
    public record ErrorDetails(int status, String method, String path, String apiMessage,
                               String documentationUrl, String requestId,
                               List<String> acceptedScopes, List<String> grantedScopes) {
        /** Copies the scope lists, so the details stay immutable. */
        public ErrorDetails {
            acceptedScopes = acceptedScopes == null ? List.of() : List.copyOf(acceptedScopes);
            grantedScopes = grantedScopes == null ? List.of() : List.copyOf(grantedScopes);
        }

        /**
         * Details of a response that said nothing about OAuth scopes.
         *
         * @param status the HTTP status
         * @param method the request method
         * @param path the request path
         * @param apiMessage the service's message, or null
         * @param documentationUrl the service's documentation link, or null
         * @param requestId the service's request id, or null
         */
        public ErrorDetails(int status, String method, String path, String apiMessage,
                            String documentationUrl, String requestId) {
            this(status, method, path, apiMessage, documentationUrl, requestId, List.of(), List.of());
        }
    }
}
