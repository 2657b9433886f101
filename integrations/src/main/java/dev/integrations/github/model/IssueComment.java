package dev.integrations.github.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.integrations.internal.json.ReadOnlyJson;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A comment on an issue or pull request conversation, as returned by {@code POST /repos/{owner}/{repo}/issues/{issue_number}/comments}. The fields people use most are typed; everything GitHub sent
 * is in {@link #raw()}. Missing or null fields are null, 0 or false.
 *
 * @param id the numeric id
 * @param body the text
 * @param htmlUrl the web page
 * @param userLogin the login of its author
 * @param createdAt when it was written
 * @param updatedAt when it was last edited
 * @param raw the whole JSON object
 */
public record IssueComment(
        long id,
        @Nullable String body,
        @Nullable String htmlUrl,
        @Nullable String userLogin,
        @Nullable Instant createdAt,
        @Nullable Instant updatedAt,
        @Nullable JsonNode raw) {
    /**
     * Keeps {@code raw} read-only (a read-only tree is shared, any other is copied).
     *
     * @param id the numeric id
     * @param body the text
     * @param htmlUrl the web page
     * @param userLogin the login of its author
     * @param createdAt when it was written
     * @param updatedAt when it was last edited
     * @param raw the whole JSON object
     */
    public IssueComment {
        raw = ReadOnlyJson.of(raw);
    }

    /**
     * Reads the JSON object leniently: 'id' is required.
     *
     * @param json the JSON object GitHub sent
     * @return the value; fields GitHub left out are null, 0 or false
     * @throws IllegalArgumentException when {@code json} is not an object or lacks a required field
     */
    public static IssueComment fromJson(JsonNode json) {
        JsonFields.require(json, "issueComment", "id");
        return new IssueComment(
                JsonFields.number(json, "id"),
                JsonFields.text(json, "body"),
                JsonFields.text(json, "html_url"),
                JsonFields.text(json, "user", "login"),
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

    /** The main fields, without the raw JSON. */
    @Override
    public String toString() {
        return "IssueComment[id=" + id + ", body=" + body + ", htmlUrl=" + htmlUrl + ", userLogin=" + userLogin + ", createdAt=" + createdAt + ", updatedAt=" + updatedAt + "]";
    }
}
