package dev.integrations.http;

import dev.integrations.core.IntegrationsException;

import java.util.List;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

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

    /** The HTTP status code. */
    private final int status;
    /** The request method. */
    private final String method;
    /** The request path, without query string. */
    private final String path;
    /** The service's own error message, or null. */
    private final @Nullable String apiMessage;
    /** The service's documentation link for this error, or null. */
    private final @Nullable String documentationUrl;
    /** The service's request id, or null. */
    private final @Nullable String requestId;
    /** The OAuth scopes the endpoint accepts. */
    private final List<String> acceptedScopes;
    /** The OAuth scopes the token carries. */
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

    /**
     * The HTTP status code.
     *
     * @return the status of the error response, e.g. 404
     */
    public int status() {
        return status;
    }

    /**
     * The request method.
     *
     * @return the method, e.g. {@code GET}
     */
    public String method() {
        return method;
    }

    /**
     * The request path, without query string (which may carry secrets).
     *
     * @return the path, e.g. {@code /repos/octo/hello}
     */
    public String path() {
        return path;
    }

    /**
     * The service's own error message.
     *
     * @return the message, e.g. GitHub's {@code "Bad credentials"}, or empty when the body had none
     */
    public Optional<String> apiMessage() {
        return Optional.ofNullable(apiMessage);
    }

    /**
     * The service's documentation link for this error.
     *
     * @return the {@code documentation_url} of the body, or empty when it had none
     */
    public Optional<String> documentationUrl() {
        return Optional.ofNullable(documentationUrl);
    }

    /**
     * The service's request id, to quote to its support.
     *
     * @return the id (GitHub: {@code X-GitHub-Request-Id}), or empty when the response had none
     */
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
    public record ErrorDetails(int status, String method, String path, @Nullable String apiMessage,
                               @Nullable String documentationUrl, @Nullable String requestId,
                               List<String> acceptedScopes, List<String> grantedScopes) {
        /**
         * Copies the scope lists, so the details stay immutable.
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
        public ErrorDetails(int status, String method, String path, @Nullable String apiMessage,
                            @Nullable String documentationUrl, @Nullable String requestId) {
            this(status, method, path, apiMessage, documentationUrl, requestId, List.of(), List.of());
        }
    }
}
