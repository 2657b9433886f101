package dev.integrations.github.actions;

import java.time.Instant;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The parameters of {@code setProfileStatus}, which sets the authenticated user's profile status (GraphQL {@code changeUserStatus}; GitHub has no REST endpoint for it). With neither message nor emoji the status is cleared.
 * Required parameters are checked when the request is built, before anything is sent.
 *
 * @param message The status text, e.g. On vacation.
 * @param emoji An emoji, as :name: (e.g. :palm_tree:) or the character itself.
 * @param expiresAt When the status clears itself (ISO 8601); default: never.
 * @param limitedAvailability Whether to show as busy (limited availability).
 * @param organizationId The GraphQL node id of an organization the status is visible to; default: everyone.
 */
public record SetProfileStatusRequest(
        @ActionParameter(value = "The status text, e.g. On vacation.")
        String message,
        @ActionParameter(value = "An emoji, as :name: (e.g. :palm_tree:) or the character itself.")
        String emoji,
        @ActionParameter(value = "When the status clears itself (ISO 8601); default: never.")
        Instant expiresAt,
        @ActionParameter(value = "Whether to show as busy (limited availability).")
        Boolean limitedAvailability,
        @ActionParameter(value = "The GraphQL node id of an organization the status is visible to; default: everyone.")
        String organizationId) {
    private static final String ACTION = "setProfileStatus";

    public SetProfileStatusRequest {
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a request in one expression: {@code SetProfileStatusRequest.of(r -> r.message(...))}. */
    public static SetProfileStatusRequest of(Consumer<Builder> spec) {
        Builder builder = new Builder();
        Objects.requireNonNull(spec, "spec").accept(builder);
        return builder.build();
    }

    /** Builds a {@link SetProfileStatusRequest}; {@link #build()} checks the parameters. */
    public static final class Builder {
        private String message;
        private String emoji;
        private Instant expiresAt;
        private Boolean limitedAvailability;
        private String organizationId;

        private Builder() {
        }

        /** The status text, e.g. On vacation. */
        public Builder message(String message) {
            this.message = message;
            return this;
        }

        /** An emoji, as :name: (e.g. :palm_tree:) or the character itself. */
        public Builder emoji(String emoji) {
            this.emoji = emoji;
            return this;
        }

        /** When the status clears itself (ISO 8601); default: never. */
        public Builder expiresAt(Instant expiresAt) {
            this.expiresAt = expiresAt;
            return this;
        }

        /** Whether to show as busy (limited availability). */
        public Builder limitedAvailability(Boolean limitedAvailability) {
            this.limitedAvailability = limitedAvailability;
            return this;
        }

        /** The GraphQL node id of an organization the status is visible to; default: everyone. */
        public Builder organizationId(String organizationId) {
            this.organizationId = organizationId;
            return this;
        }

        /** The request; throws {@link InvalidActionArgumentsException} when a parameter is missing or invalid. */
        public SetProfileStatusRequest build() {
            return new SetProfileStatusRequest(message, emoji, expiresAt, limitedAvailability, organizationId);
        }
    }
}
