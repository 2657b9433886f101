package dev.integrations.github.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.integrations.internal.json.ReadOnlyJson;
import org.jspecify.annotations.Nullable;


/**
 * A label, as returned by {@code POST /repos/{owner}/{repo}/issues/{issue_number}/labels}. The fields people use most are typed; everything GitHub sent
 * is in {@link #raw()}. Missing or null fields are null, 0 or false.
 *
 * @param id the numeric id
 * @param name the name
 * @param color the color as six hex digits, without {@code #}
 * @param description the description, or null
 * @param isDefault whether it is one of GitHub's default labels
 * @param raw the whole JSON object
 */
public record Label(
        long id,
        @Nullable String name,
        @Nullable String color,
        @Nullable String description,
        boolean isDefault,
        @Nullable JsonNode raw) {
    /**
     * Keeps {@code raw} read-only (a read-only tree is shared, any other is copied).
     *
     * @param id the numeric id
     * @param name the name
     * @param color the color as six hex digits, without {@code #}
     * @param description the description, or null
     * @param isDefault whether it is one of GitHub's default labels
     * @param raw the whole JSON object
     */
    public Label {
        raw = ReadOnlyJson.of(raw);
    }

    /**
     * Reads the JSON object leniently: 'name' is required.
     *
     * @param json the JSON object GitHub sent
     * @return the value; fields GitHub left out are null, 0 or false
     * @throws IllegalArgumentException when {@code json} is not an object or lacks a required field
     */
    public static Label fromJson(JsonNode json) {
        JsonFields.require(json, "label", "name");
        return new Label(
                JsonFields.number(json, "id"),
                JsonFields.text(json, "name"),
                JsonFields.text(json, "color"),
                JsonFields.text(json, "description"),
                JsonFields.bool(json, "default"),
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
        return "Label[id=" + id + ", name=" + name + ", color=" + color + ", description=" + description + ", isDefault=" + isDefault + "]";
    }
}
