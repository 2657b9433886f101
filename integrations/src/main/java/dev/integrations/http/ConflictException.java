package dev.integrations.http;

/**
 * 409 Conflict: the request conflicts with the resource's current state, for example a merge
 * whose {@code sha} is no longer the pull request's head, a file update with a stale {@code sha},
 * or a write to an empty repository. Re-read the resource and decide again; repeating the same
 * request fails the same way.
 */
public class ConflictException extends ApiException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception for one error response.
     *
     * @param message what failed and what to do
     * @param details what the response said
     */
    public ConflictException(String message, ErrorDetails details) {
        super(message, details);
    }
}
