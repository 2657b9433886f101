package dev.integrations.auth.store;

import dev.integrations.internal.json.EpochSeconds;
import dev.integrations.internal.json.Json;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * One row of a {@link CredentialStore}: a user's credentials for one provider, as a JSON-like
 * map with snake_case keys ({@code access_token}, {@code expires_at}, ...), plus bookkeeping.
 *
 * @param provider the provider name, lower case
 * @param subject the canonical subject (see {@link dev.integrations.auth.Subject})
 * @param data the credentials as written by {@code UserCredentials.toMap()}; an unmodifiable deep copy
 * @param version increases by one on every write, starting at 1; the basis for compare-and-set
 * @param status whether the credentials are usable
 * @param expiresAt when the access token expires (from {@code data}'s {@code expires_at}), or null
 * @param createdAt when the row was first written
 * @param updatedAt when the row was last written
 */
public record StoredCredentials(String provider, String subject, Map<String, Object> data, long version,
                                CredentialStatus status, @Nullable Instant expiresAt, Instant createdAt,
                                Instant updatedAt) {
    /**
     * Checks the required parts and deep-copies {@code data}.
     *
     * @param provider the provider name, lower case
     * @param subject the canonical subject (see {@link dev.integrations.auth.Subject})
     * @param data the credentials as written by {@code UserCredentials.toMap()}; an unmodifiable deep copy
     * @param version increases by one on every write, starting at 1; the basis for compare-and-set
     * @param status whether the credentials are usable
     * @param expiresAt when the access token expires (from {@code data}'s {@code expires_at}), or null
     * @param createdAt when the row was first written
     * @param updatedAt when the row was last written
     * @throws NullPointerException when a part other than {@code expiresAt} is null
     */
    public StoredCredentials {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(subject, "subject");
        data = Json.deepCopy(data);
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /**
     * The access token's expiry as stores index it: the {@code expires_at} entry of the
     * credential map (epoch seconds).
     *
     * @param data the credential map
     * @return the expiry, or null when absent or not a number of epoch seconds
     */
    public static @Nullable Instant expiresAtOf(Map<String, ?> data) {
        try {
            return EpochSeconds.parse(data.get("expires_at"), "expires_at");
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Describes the row without its data.
     *
     * @return the provider, subject, version, status and times; never {@code data}, which holds tokens
     */
    @Override
    public String toString() {
        return "StoredCredentials[provider=" + provider + ", subject=" + subject + ", version=" + version + ", status="
                + status + ", expiresAt=" + expiresAt + ", updatedAt=" + updatedAt + ", data=<redacted>]";
    }
}
