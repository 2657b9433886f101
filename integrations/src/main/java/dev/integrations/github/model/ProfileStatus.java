package dev.integrations.github.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.integrations.internal.json.ReadOnlyJson;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A user's profile status, from GitHub's GraphQL {@code UserStatus} object.
 *
 * @param message the status text, or null
 * @param emoji the emoji as {@code :name:}, or null
 * @param expiresAt when it clears itself, or null for never
 * @param limitedAvailability whether the user shows as busy
 * @param updatedAt when it was last set, when asked for
 * @param raw the whole JSON object
 */
public record ProfileStatus(@Nullable String message, @Nullable String emoji, @Nullable Instant expiresAt,
                            boolean limitedAvailability, @Nullable Instant updatedAt, @Nullable JsonNode raw) {
    /**
     * Keeps {@code raw} read-only (a read-only tree is shared, any other is copied).
     *
     * @param message the status text, or null
     * @param emoji the emoji as {@code :name:}, or null
     * @param expiresAt when it clears itself, or null for never
     * @param limitedAvailability whether the user shows as busy
     * @param updatedAt when it was last set, when asked for
     * @param raw the whole JSON object
     */
    public ProfileStatus {
        raw = ReadOnlyJson.of(raw);
    }

    /**
     * Reads a GraphQL {@code UserStatus} object (camelCase fields).
     *
     * @param json the JSON object GitHub sent
     * @return the value; fields GitHub left out are null, 0 or false
     * @throws IllegalArgumentException when {@code json} is not an object or lacks a required field
     */
    public static ProfileStatus fromJson(JsonNode json) {
        JsonFields.require(json, "user status");
        return new ProfileStatus(JsonFields.text(json, "message"), JsonFields.text(json, "emoji"),
                JsonFields.instant(json, "expiresAt"), JsonFields.bool(json, "indicatesLimitedAvailability"),
                JsonFields.instant(json, "updatedAt"), json);
    }

    /**
     * The JSON as GitHub sent it, read-only: {@code deepCopy()} it to change it.
     *
     * @return the whole JSON object, read-only, or null when the value was created without one
     */
    @Override
    public @Nullable JsonNode raw() {
        return raw;
    }
}
