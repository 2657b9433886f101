package dev.integrations.github.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.integrations.internal.json.ReadOnlyJson;
import org.jspecify.annotations.Nullable;


/**
 * A Git reference such as {@code refs/heads/main}, as returned by {@code GET /repos/{owner}/{repo}/git/ref/{ref}}, {@code POST /repos/{owner}/{repo}/git/refs}. The fields people use most are typed; everything GitHub sent
 * is in {@link #raw()}. Missing or null fields are null, 0 or false.
 *
 * @param ref the full reference, e.g. {@code refs/heads/feature}
 * @param nodeId the GraphQL node id
 * @param objectSha the SHA of the object it points at
 * @param objectType the type of that object, usually {@code commit}
 * @param url the API URL of the reference
 * @param raw the whole JSON object
 */
public record GitReference(
        @Nullable String ref,
        @Nullable String nodeId,
        @Nullable String objectSha,
        @Nullable String objectType,
        @Nullable String url,
        @Nullable JsonNode raw) {
    /**
     * Keeps {@code raw} read-only (a read-only tree is shared, any other is copied).
     *
     * @param ref the full reference, e.g. {@code refs/heads/feature}
     * @param nodeId the GraphQL node id
     * @param objectSha the SHA of the object it points at
     * @param objectType the type of that object, usually {@code commit}
     * @param url the API URL of the reference
     * @param raw the whole JSON object
     */
    public GitReference {
        raw = ReadOnlyJson.of(raw);
    }

    /**
     * Reads the JSON object leniently: 'ref' is required.
     *
     * @param json the JSON object GitHub sent
     * @return the value; fields GitHub left out are null, 0 or false
     * @throws IllegalArgumentException when {@code json} is not an object or lacks a required field
     */
    public static GitReference fromJson(JsonNode json) {
        JsonFields.require(json, "gitReference", "ref");
        return new GitReference(
                JsonFields.text(json, "ref"),
                JsonFields.text(json, "node_id"),
                JsonFields.text(json, "object", "sha"),
                JsonFields.text(json, "object", "type"),
                JsonFields.text(json, "url"),
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
        return "GitReference[ref=" + ref + ", nodeId=" + nodeId + ", objectSha=" + objectSha + ", objectType=" + objectType + ", url=" + url + "]";
    }
}
