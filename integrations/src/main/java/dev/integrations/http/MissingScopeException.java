package dev.integrations.http;

import java.util.List;

/**
 * The token lacks the OAuth scope the endpoint needs: the service listed the scopes it accepts
 * (GitHub: {@code X-Accepted-OAuth-Scopes}) and the token carries none of them, nor a scope that
 * includes one (GitHub: {@code X-OAuth-Scopes}). The fix is to authorize the user again with one
 * of {@link #scopesToRequest()}.
 *
 * <p>A subclass of {@link ForbiddenException}, so existing handlers of 403 keep working. GitHub
 * answers some of these with 404 rather than 403 (so as not to reveal that a private resource
 * exists); for writes ({@code POST}, {@code PUT}, {@code PATCH}, {@code DELETE}) such a 404 is
 * reported as this exception too, with {@link #status()} 404. A 404 to a read stays a
 * {@link NotFoundException} (with the scopes on it and a hint in its message), because it may as
 * well mean that the resource does not exist.
 */
public class MissingScopeException extends ForbiddenException {
    private static final long serialVersionUID = 1L;

    /**
     * An exception for one error response.
     *
     * @param message what failed and which scope to request
     * @param details what the response said, with the accepted and granted scopes
     */
    public MissingScopeException(String message, ErrorDetails details) {
        super(message, details);
    }

    /**
     * The scopes to request: any one of them lets the token use the endpoint.
     *
     * @return the endpoint's accepted scopes, in the service's order
     */
    public List<String> scopesToRequest() {
        return acceptedScopes();
    }
}
