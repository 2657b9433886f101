package dev.integrations.auth.store;

/** Whether stored credentials can be used, or the user must connect again. */
public enum CredentialStatus {
    /** Usable (possibly after a refresh). */
    ACTIVE,
    /**
     * The authorization server refused the refresh token (used, expired or revoked): the user must
     * go through authorization again. The row keeps its data so support can see what was there.
     */
    NEEDS_REAUTHORIZATION
}
