package dev.integrations.github.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.integrations.internal.json.ReadOnlyJson;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A codespace, as returned by {@code GET /user/codespaces/{codespace_name}}, its start, stop and create operations, the codespace listings. The fields people use most are typed; everything GitHub sent
 * is in {@link #raw()}. Missing or null fields are null, 0 or false.
 *
 * @param id the numeric id
 * @param name the unique name, used to address it
 * @param displayName the display name, or null
 * @param state the state, e.g. {@code Available}, {@code Shutdown}, {@code Starting}
 * @param ownerLogin the owner's login
 * @param repositoryFullName the repository, as {@code owner/name}
 * @param machineName the machine type, e.g. {@code standardLinux}
 * @param gitRef the checked-out ref, when known
 * @param webUrl the URL to open it in a browser
 * @param createdAt when it was created
 * @param updatedAt when it was last updated
 * @param lastUsedAt when it was last used
 * @param raw the whole JSON object
 */
public record Codespace(
        long id,
        @Nullable String name,
        @Nullable String displayName,
        @Nullable String state,
        @Nullable String ownerLogin,
        @Nullable String repositoryFullName,
        @Nullable String machineName,
        @Nullable String gitRef,
        @Nullable String webUrl,
        @Nullable Instant createdAt,
        @Nullable Instant updatedAt,
        @Nullable Instant lastUsedAt,
        @Nullable JsonNode raw) {
    /**
     * Keeps {@code raw} read-only (a read-only tree is shared, any other is copied).
     *
     * @param id the numeric id
     * @param name the unique name, used to address it
     * @param displayName the display name, or null
     * @param state the state, e.g. {@code Available}, {@code Shutdown}, {@code Starting}
     * @param ownerLogin the owner's login
     * @param repositoryFullName the repository, as {@code owner/name}
     * @param machineName the machine type, e.g. {@code standardLinux}
     * @param gitRef the checked-out ref, when known
     * @param webUrl the URL to open it in a browser
     * @param createdAt when it was created
     * @param updatedAt when it was last updated
     * @param lastUsedAt when it was last used
     * @param raw the whole JSON object
     */
    public Codespace {
        raw = ReadOnlyJson.of(raw);
    }

    /**
     * Reads the JSON object leniently: 'name' is required.
     *
     * @param json the JSON object GitHub sent
     * @return the value; fields GitHub left out are null, 0 or false
     * @throws IllegalArgumentException when {@code json} is not an object or lacks a required field
     */
    public static Codespace fromJson(JsonNode json) {
        JsonFields.require(json, "codespace", "name");
        return new Codespace(
                JsonFields.number(json, "id"),
                JsonFields.text(json, "name"),
                JsonFields.text(json, "display_name"),
                JsonFields.text(json, "state"),
                JsonFields.text(json, "owner", "login"),
                JsonFields.text(json, "repository", "full_name"),
                JsonFields.text(json, "machine", "name"),
                JsonFields.text(json, "git_status", "ref"),
                JsonFields.text(json, "web_url"),
                JsonFields.instant(json, "created_at"),
                JsonFields.instant(json, "updated_at"),
                JsonFields.instant(json, "last_used_at"),
                json);
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

    /** The main fields, without the raw JSON. */
    @Override
    public String toString() {
        return "Codespace[id=" + id + ", name=" + name + ", displayName=" + displayName + ", state=" + state + ", ownerLogin=" + ownerLogin + ", repositoryFullName=" + repositoryFullName + "]";
    }
}
