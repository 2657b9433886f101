package dev.integrations.auth;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A user's token set for one provider, as stored and as bound into sessions. Implementations are
 * immutable, redact secrets in {@code toString()}, and serialise to a JSON-like map with
 * snake_case keys that other implementations of the same seed can read.
 */
public interface UserCredentials {
    /**
     * The access token.
     *
     * @return the token, or null when these credentials have none (they are then refused for
     *     storing and for sessions)
     */
    @Nullable String accessToken();

    /**
     * When the access token expires.
     *
     * @return the expiry, or null when the token does not expire (or its expiry is not known)
     */
    @Nullable Instant expiresAt();

    /**
     * The credentials in the form stores keep.
     *
     * @return a JSON-like map with snake_case keys ({@code access_token}, {@code expires_at}, ...)
     */
    Map<String, Object> toMap();
}
