package dev.integrations.github.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.integrations.internal.json.ReadOnlyJson;
import org.jspecify.annotations.Nullable;


/**
 * The outcome of writing a file: the new file and the commit that wrote it, as returned by {@code PUT /repos/{owner}/{repo}/contents/{path}}. The fields people use most are typed; everything GitHub sent
 * is in {@link #raw()}. Missing or null fields are null, 0 or false.
 *
 * @param path the file's path
 * @param contentSha the blob SHA of the new content (pass it as {@code sha} to update the file again)
 * @param htmlUrl the file's web page
 * @param commitSha the SHA of the new commit
 * @param commitMessage the commit message
 * @param commitHtmlUrl the commit's web page
 * @param raw the whole JSON object
 */
public record FileCommit(
        @Nullable String path,
        @Nullable String contentSha,
        @Nullable String htmlUrl,
        @Nullable String commitSha,
        @Nullable String commitMessage,
        @Nullable String commitHtmlUrl,
        @Nullable JsonNode raw) {
    /**
     * Keeps {@code raw} read-only (a read-only tree is shared, any other is copied).
     *
     * @param path the file's path
     * @param contentSha the blob SHA of the new content (pass it as {@code sha} to update the file again)
     * @param htmlUrl the file's web page
     * @param commitSha the SHA of the new commit
     * @param commitMessage the commit message
     * @param commitHtmlUrl the commit's web page
     * @param raw the whole JSON object
     */
    public FileCommit {
        raw = ReadOnlyJson.of(raw);
    }

    /**
     * Reads the JSON object leniently.
     *
     * @param json the JSON object GitHub sent
     * @return the value; fields GitHub left out are null, 0 or false
     * @throws IllegalArgumentException when {@code json} is not an object or lacks a required field
     */
    public static FileCommit fromJson(JsonNode json) {
        JsonFields.require(json, "fileCommit");
        // "content" is null when the commit deleted the file.
        JsonNode content = json.path("content").isObject() ? json.get("content") : null;
        return new FileCommit(
                content == null ? null : JsonFields.text(content, "path"),
                content == null ? null : JsonFields.text(content, "sha"),
                content == null ? null : JsonFields.text(content, "html_url"),
                JsonFields.text(json, "commit", "sha"),
                JsonFields.text(json, "commit", "message"),
                JsonFields.text(json, "commit", "html_url"),
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
        return "FileCommit[path=" + path + ", contentSha=" + contentSha + ", htmlUrl=" + htmlUrl + ", commitSha=" + commitSha + ", commitMessage=" + commitMessage + ", commitHtmlUrl=" + commitHtmlUrl + "]";
    }
}
