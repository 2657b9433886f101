package dev.integrations.github.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.integrations.internal.json.ReadOnlyJson;
import org.jspecify.annotations.Nullable;


/**
 * The outcome of merging a pull request, as returned by {@code PUT /repos/{owner}/{repo}/pulls/{pull_number}/merge}. The fields people use most are typed; everything GitHub sent
 * is in {@link #raw()}. Missing or null fields are null, 0 or false.
 *
 * @param merged whether it was merged
 * @param sha the SHA of the merge commit
 * @param message GitHub's message, e.g. {@code Pull Request successfully merged}
 * @param raw the whole JSON object
 */
public record MergeResult(
        boolean merged,
        @Nullable String sha,
        @Nullable String message,
        @Nullable JsonNode raw) {
    /**
     * Keeps {@code raw} read-only (a read-only tree is shared, any other is copied).
     *
     * @param merged whether it was merged
     * @param sha the SHA of the merge commit
     * @param message GitHub's message, e.g. {@code Pull Request successfully merged}
     * @param raw the whole JSON object
     */
    public MergeResult {
        raw = ReadOnlyJson.of(raw);
    }

    /**
     * Reads the JSON object leniently.
     *
     * @param json the JSON object GitHub sent
     * @return the value; fields GitHub left out are null, 0 or false
     * @throws IllegalArgumentException when {@code json} is not an object or lacks a required field
     */
    public static MergeResult fromJson(JsonNode json) {
        JsonFields.require(json, "mergeResult");
        return new MergeResult(
                JsonFields.bool(json, "merged"),
                JsonFields.text(json, "sha"),
                JsonFields.text(json, "message"),
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
        return "MergeResult[merged=" + merged + ", sha=" + sha + ", message=" + message + "]";
    }
}
