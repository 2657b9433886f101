package dev.integrations.github.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.integrations.internal.json.ReadOnlyJson;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A gist, as returned by {@code POST /gists}. The fields people use most are typed; everything GitHub sent
 * is in {@link #raw()}. Missing or null fields are null, 0 or false.
 *
 * @param id the id (a hex string, not a number)
 * @param description the description, or null
 * @param isPublic whether it is public
 * @param files the file names
 * @param ownerLogin the owner's login
 * @param htmlUrl the web page
 * @param createdAt when it was created
 * @param updatedAt when it was last updated
 * @param raw the whole JSON object
 */
public record Gist(
        @Nullable String id,
        @Nullable String description,
        boolean isPublic,
        List<String> files,
        @Nullable String ownerLogin,
        @Nullable String htmlUrl,
        @Nullable Instant createdAt,
        @Nullable Instant updatedAt,
        @Nullable JsonNode raw) {
    /**
     * Copies the file names (null as none) and keeps {@code raw} read-only (a read-only tree is shared, any other is copied).
     *
     * @param id the id (a hex string, not a number)
     * @param description the description, or null
     * @param isPublic whether it is public
     * @param files the file names
     * @param ownerLogin the owner's login
     * @param htmlUrl the web page
     * @param createdAt when it was created
     * @param updatedAt when it was last updated
     * @param raw the whole JSON object
     */
    public Gist {
        files = files == null ? List.of() : List.copyOf(files);
        raw = ReadOnlyJson.of(raw);
    }

    /**
     * Reads the JSON object leniently: 'id' is required.
     *
     * @param json the JSON object GitHub sent
     * @return the value; fields GitHub left out are null, 0 or false
     * @throws IllegalArgumentException when {@code json} is not an object or lacks a required field
     */
    public static Gist fromJson(JsonNode json) {
        JsonFields.require(json, "gist", "id");
        return new Gist(
                JsonFields.text(json, "id"),
                JsonFields.text(json, "description"),
                JsonFields.bool(json, "public"),
                fileNames(json.path("files")),
                JsonFields.text(json, "owner", "login"),
                JsonFields.text(json, "html_url"),
                JsonFields.instant(json, "created_at"),
                JsonFields.instant(json, "updated_at"),
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

    private static List<String> fileNames(JsonNode files) {
        List<String> names = new ArrayList<>();
        files.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The main fields, without the raw JSON. */
    @Override
    public String toString() {
        return "Gist[id=" + id + ", description=" + description + ", isPublic=" + isPublic + ", files=" + files + ", ownerLogin=" + ownerLogin + ", htmlUrl=" + htmlUrl + "]";
    }
}
