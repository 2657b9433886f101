package dev.integrations.auth.store;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

/**
 * Which rows {@link CredentialStore#list} returns: every condition that is set must hold.
 *
 * @param provider only this provider (lower case), or null for all
 * @param status only this status, or null for all
 * @param expiringBefore only rows whose access token expires before this instant, or null
 * @param limit at most this many rows (positive)
 */
public record CredentialFilter(@Nullable String provider, @Nullable CredentialStatus status,
                               @Nullable Instant expiringBefore, int limit) {
    /**
     * Checks the limit.
     *
     * @param provider only this provider (lower case), or null for all
     * @param status only this status, or null for all
     * @param expiringBefore only rows whose access token expires before this instant, or null
     * @param limit at most this many rows (positive)
     * @throws IllegalArgumentException when {@code limit} is not positive
     */
    public CredentialFilter {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive");
        }
    }

    /**
     * Rows of one provider whose user must reconnect.
     *
     * @param provider the provider name, lower case
     * @return a filter for that provider's {@link CredentialStatus#NEEDS_REAUTHORIZATION} rows, at
     *     most 1000
     */
    public static CredentialFilter needingReauthorization(String provider) {
        return new CredentialFilter(provider, CredentialStatus.NEEDS_REAUTHORIZATION, null, 1000);
    }

    /**
     * Whether a row matches.
     *
     * @param row the stored row
     * @return true when every condition that is set holds for {@code row} (the limit is not
     *     considered); a row without an expiry never matches {@code expiringBefore}
     */
    public boolean matches(StoredCredentials row) {
        return (provider == null || provider.equals(row.provider()))
                && (status == null || status == row.status())
                && (expiringBefore == null || (row.expiresAt() != null && row.expiresAt().isBefore(expiringBefore)));
    }
}
