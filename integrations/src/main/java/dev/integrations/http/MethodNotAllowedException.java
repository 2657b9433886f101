package dev.integrations.http;

/**
 * 405 Method Not Allowed: the endpoint exists but refuses this request in the resource's current
 * state. GitHub answers it, for example, to a merge of a pull request that cannot be merged (a
 * draft, blocked by branch protection or required checks); fix that state, or use a method the
 * endpoint allows.
 */
public class MethodNotAllowedException extends ApiException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception for one error response.
     *
     * @param message what failed and what to do
     * @param details what the response said
     */
    public MethodNotAllowedException(String message, ErrorDetails details) {
        super(message, details);
    }
}
