package dev.integrations.github.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.integrations.internal.json.ReadOnlyJson;
import org.jspecify.annotations.Nullable;


/**
 * A branch, as returned by {@code GET /repos/{owner}/{repo}/branches/{branch}}. The fields people use most are typed; everything GitHub sent
 * is in {@link #raw()}. Missing or null fields are null, 0 or false.
 *
 * @param name the branch name
 * @param commitSha the SHA of the commit it points at
 * @param isProtected whether branch protection applies
 * @param raw the whole JSON object
 */
public record Branch(
        @Nullable String name,
        @Nullable String commitSha,
        boolean isProtected,
        @Nullable JsonNode raw) {
    /**
     * Keeps {@code raw} read-only (a read-only tree is shared, any other is copied).
     *
     * @param name the branch name
     * @param commitSha the SHA of the commit it points at
     * @param isProtected whether branch protection applies
     * @param raw the whole JSON object
     */
    public Branch {
        raw = ReadOnlyJson.of(raw);
    }

    /**
     * Reads the JSON object leniently: 'name' is required.
     *
     * @param json the JSON object GitHub sent
     * @return the value; fields GitHub left out are null, 0 or false
     * @throws IllegalArgumentException when {@code json} is not an object or lacks a required field
     */
    public static Branch fromJson(JsonNode json) {
        JsonFields.require(json, "branch", "name");
        return new Branch(
                JsonFields.text(json, "name"),
                JsonFields.text(json, "commit", "sha"),
                JsonFields.bool(json, "protected"),
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
        return "Branch[name=" + name + ", commitSha=" + commitSha + ", isProtected=" + isProtected + "]";
    }
}
