package dev.integrations.auth;

import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * What {@code AuthManager.disconnect(provider, subject)} did: whether the provider revoked the
 * user's authorization, and whether the stored credentials were deleted. Never holds a token.
 */
public final class DisconnectResult {
    /** What happened at the provider. */
    public enum Outcome {
        /** The provider revoked the token or the whole grant. */
        REVOKED,
        /** The provider no longer knew the token (already revoked, expired, or deleted there). */
        ALREADY_INVALID,
        /** The credentials cannot be revoked by the app (e.g. a personal access token); the user must. */
        NOT_REVOCABLE,
        /** Revocation failed and the caller forced the local delete anyway; the token may still work. */
        NOT_REVOKED,
        /** Nothing was stored for the subject. */
        NOTHING_STORED
    }

    private final Outcome outcome;
    private final boolean deletedLocally;
    private final @Nullable String detail;

    private DisconnectResult(Outcome outcome, boolean deletedLocally, @Nullable String detail) {
        this.outcome = Objects.requireNonNull(outcome, "outcome");
        this.deletedLocally = deletedLocally;
        this.detail = detail;
    }

    /**
     * A result.
     *
     * @param outcome what happened at the provider
     * @param deletedLocally whether the stored credentials were deleted
     * @param detail a sentence for logs or the user (never a token), or null
     * @return the result
     */
    public static DisconnectResult of(Outcome outcome, boolean deletedLocally, @Nullable String detail) {
        return new DisconnectResult(outcome, deletedLocally, detail);
    }

    /**
     * This result with the local deletion recorded.
     *
     * @param deleted whether the stored credentials were deleted
     * @return a new result
     */
    public DisconnectResult withDeletedLocally(boolean deleted) {
        return new DisconnectResult(outcome, deleted, detail);
    }

    /**
     * What happened at the provider.
     *
     * @return the outcome
     */
    public Outcome outcome() {
        return outcome;
    }

    /**
     * Whether the app's access is gone at the provider: revoked now or already invalid.
     *
     * @return true for {@link Outcome#REVOKED} and {@link Outcome#ALREADY_INVALID}
     */
    public boolean revokedAtProvider() {
        return outcome == Outcome.REVOKED || outcome == Outcome.ALREADY_INVALID;
    }

    /**
     * Whether the stored credentials were deleted.
     *
     * @return true when a stored row was deleted
     */
    public boolean deletedLocally() {
        return deletedLocally;
    }

    /**
     * Why, in a sentence: what was revoked, or what the user must do themselves.
     *
     * @return the detail, or empty
     */
    public Optional<String> detail() {
        return Optional.ofNullable(detail);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DisconnectResult other && outcome == other.outcome && deletedLocally == other.deletedLocally
                && Objects.equals(detail, other.detail);
    }

    @Override
    public int hashCode() {
        return Objects.hash(outcome, deletedLocally, detail);
    }

    @Override
    public String toString() {
        return "DisconnectResult[outcome=" + outcome + ", deletedLocally=" + deletedLocally
                + (detail == null ? "" : ", detail=" + detail) + "]";
    }
}
