package dev.integrations.auth;

import org.jspecify.annotations.Nullable;

/**
 * Where a session's API client gets its access token, so that a token refreshed after a 401
 * replaces the rejected one for the rest of the session.
 */
public interface TokenSource {
    /**
     * The token to send now.
     *
     * @return the current access token
     */
    String currentToken();

    /**
     * Called when the service answered 401 to {@code rejectedToken}.
     *
     * @param rejectedToken the token the service refused
     * @return a new token to retry with (refreshed and stored atomically), or null when there is
     *     none to try
     */
    @Nullable String refreshAfterUnauthorized(String rejectedToken);
}
