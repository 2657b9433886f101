package dev.integrations.auth.store;

import java.time.Instant;

/**
 * Which rows {@link CredentialStore#list} returns: every condition that is set must hold.
 *
 * @param provider only this provider (lower case), or null for all
 * @param status only this status, or null for all
 * @param expiringBefore only rows whose access token expires before this instant, or null
 * @param limit at most this many rows (positive)
 */
public record CredentialFilter(String provider, CredentialStatus status, Instant expiringBefore, int limit) {
    public CredentialFilter {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive");
        }
    }

    /** Rows of one provider whose user must reconnect. */
    public static CredentialFilter needingReauthorization(String provider) {
        return new CredentialFilter(provider, CredentialStatus.NEEDS_REAUTHORIZATION, null, 1000);
    }

    /** Whether {@code row} matches. */
    public boolean matches(StoredCredentials row) {
        return (provider == null || provider.equals(row.provider()))
                && (status == null || status == row.status())
                && (expiringBefore == null || (row.expiresAt() != null && row.expiresAt().isBefore(expiringBefore)));
    }
}
