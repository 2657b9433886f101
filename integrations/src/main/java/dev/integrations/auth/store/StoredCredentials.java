package dev.integrations.auth.store;

import dev.integrations.json.Json;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * One row of a {@link CredentialStore}: a user's credentials for one provider, as a JSON-like
 * map with the seed's snake_case keys, plus bookkeeping.
 *
 * @param provider the provider name, lower case
 * @param subject the canonical subject (see {@link dev.integrations.auth.Subject})
 * @param data the credentials as written by {@code UserCredentials.toMap()}; an unmodifiable deep copy
 * @param version increases by one on every write; the basis for compare-and-set
 * @param updatedAt when the row was last written
 */
public record StoredCredentials(String provider, String subject, Map<String, Object> data, long version,
                                Instant updatedAt) {
    public StoredCredentials {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(subject, "subject");
        data = Json.deepCopy(data);
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** Never prints {@code data}: it holds tokens. */
    @Override
    public String toString() {
        return "StoredCredentials[provider=" + provider + ", subject=" + subject + ", version=" + version
                + ", updatedAt=" + updatedAt + ", data=<redacted>]";
    }
}
