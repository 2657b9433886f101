package dev.integrations.auth;

/**
 * How {@code AuthManager.disconnect} revokes. By default it revokes the user's whole grant for
 * the app (every token the app holds for that user at the provider) and keeps the stored
 * credentials when revocation fails. Immutable.
 */
public final class DisconnectOptions {
    private static final DisconnectOptions DEFAULTS = new DisconnectOptions(false, true);
    private static final DisconnectOptions FORCE_LOCAL = new DisconnectOptions(true, true);

    private final boolean forceLocal;
    private final boolean revokeGrant;

    private DisconnectOptions(boolean forceLocal, boolean revokeGrant) {
        this.forceLocal = forceLocal;
        this.revokeGrant = revokeGrant;
    }

    /**
     * Revoke the grant; keep the stored credentials if that fails.
     *
     * @return the default options
     */
    public static DisconnectOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Revoke the grant, and delete the stored credentials even if revoking fails (the result's
     * outcome is then {@link DisconnectResult.Outcome#NOT_REVOKED}: the token may keep working at
     * the provider until the user revokes it there).
     *
     * @return options that always delete locally
     */
    public static DisconnectOptions forceLocal() {
        return FORCE_LOCAL;
    }

    /**
     * These options, revoking only the stored token instead of the whole grant (other tokens the
     * app holds for the same user, e.g. on another device, keep working).
     *
     * @return new options
     */
    public DisconnectOptions tokenOnly() {
        return new DisconnectOptions(forceLocal, false);
    }

    /**
     * Whether the stored credentials are deleted even when revocation fails.
     *
     * @return true for {@link #forceLocal()}
     */
    public boolean isForceLocal() {
        return forceLocal;
    }

    /**
     * Whether the whole grant is revoked rather than the stored token only.
     *
     * @return true unless {@link #tokenOnly()}
     */
    public boolean revokesGrant() {
        return revokeGrant;
    }

    @Override
    public String toString() {
        return "DisconnectOptions[forceLocal=" + forceLocal + ", revokeGrant=" + revokeGrant + "]";
    }
}
