package dev.integrations.auth;

import java.time.Instant;
import java.util.Map;

/**
 * A user's token set for one provider, as stored and as bound into sessions. Implementations are
 * immutable, redact secrets in {@code toString()}, and serialise to a JSON-like map with
 * snake_case keys that other implementations of the same seed can read.
 */
public interface UserCredentials {
    /** The access token, or null. */
    String accessToken();

    /** When the access token expires, or null when it does not (or is not known to). */
    Instant expiresAt();

    /** The credentials as a JSON-like map with snake_case keys. */
    Map<String, Object> toMap();
}
