package dev.integrations.auth;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Something happened to stored credentials. Carries no token: safe to log, count and forward.
 *
 * @param type what happened
 * @param provider the provider name
 * @param subject the canonical subject
 * @param version the stored version after the event (0 when deleted or unknown)
 * @param expiresAt when the (new) access token expires, or null
 * @param error the error code for {@link Type#REFRESH_FAILED} (e.g. {@code bad_refresh_token},
 *     {@code invalid_response}, or the exception's simple class name), else null
 * @param requiresReauthorization for failures: whether the user must connect again
 * @param at when it happened
 */
public record CredentialEvent(Type type, String provider, String subject, long version, @Nullable Instant expiresAt,
                              @Nullable String error,
                              boolean requiresReauthorization, Instant at) {
    /** Kinds of events. */
    public enum Type {
        /** Credentials were stored by {@code storeCredentials}. */
        STORED,
        /** Credentials were refreshed and the new token set stored. */
        REFRESHED,
        /** A refresh failed; see {@code error} and {@code requiresReauthorization}. */
        REFRESH_FAILED,
        /** Credentials were deleted. */
        DELETED
    }
}
