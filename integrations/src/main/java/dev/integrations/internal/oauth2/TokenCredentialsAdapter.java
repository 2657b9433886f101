package dev.integrations.internal.oauth2;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a provider's token-endpoint responses into its credentials type, and back as far as the
 * refresh grant needs.
 *
 * @param <C> the credentials type
 */
public interface TokenCredentialsAdapter<C> {
    /**
     * Builds credentials from a successful token response.
     *
     * @param response the response parameters (JSON values or form strings), without {@code error}
     * @param requestedAt when the token request was sent; expiry is computed from it, so it can
     *     only err early, never late
     */
    public C fromTokenResponse(Map<String, Object> response, Instant requestedAt);

    /** The refresh token held by {@code credentials}, if any. */
    public Optional<String> refreshToken(C credentials);

    /** {@code refreshed} with {@code refreshToken} put back, for servers that do not rotate. */
    public C withRefreshToken(C refreshed, String refreshToken);
}
