package dev.integrations.auth;

/**
 * Where a session's API client gets its access token, so that a token refreshed after a 401
 * replaces the rejected one for the rest of the session.
 */
public interface TokenSource {
    /** The token to send now. */
    String currentToken();

    /**
     * Called when the service answered 401 to {@code rejectedToken}. Returns a new token to retry
     * with (refreshed and stored atomically), or null when there is none to try.
     */
    String refreshAfterUnauthorized(String rejectedToken);
}
