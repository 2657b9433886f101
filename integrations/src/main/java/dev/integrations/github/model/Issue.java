package dev.integrations.github.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.integrations.internal.json.ReadOnlyJson;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An issue (GitHub's issue endpoints also return pull requests, see {@link #isPullRequest()}), as returned by {@code GET /repos/{owner}/{repo}/issues/{issue_number}}, {@code POST and PATCH of issues}, the issue search. The fields people use most are typed; everything GitHub sent
 * is in {@link #raw()}. Missing or null fields are null, 0 or false.
 *
 * @param id the numeric id
 * @param nodeId the GraphQL node id
 * @param number the number in its repository
 * @param title the title
 * @param body the text, or null
 * @param state {@code open} or {@code closed}
 * @param stateReason why it is closed or was reopened, or null
 * @param htmlUrl the web page
 * @param userLogin the login of its author
 * @param labels the names of its labels
 * @param assignees the logins of its assignees
 * @param comments the number of comments
 * @param isPullRequest whether it is in fact a pull request
 * @param createdAt when it was opened
 * @param updatedAt when it was last updated
 * @param closedAt when it was closed, or null
 * @param raw the whole JSON object
 */
public record Issue(
        long id,
        @Nullable String nodeId,
        long number,
        @Nullable String title,
        @Nullable String body,
        @Nullable String state,
        @Nullable String stateReason,
        @Nullable String htmlUrl,
        @Nullable String userLogin,
        List<String> labels,
        List<String> assignees,
        long comments,
        boolean isPullRequest,
        @Nullable Instant createdAt,
        @Nullable Instant updatedAt,
        @Nullable Instant closedAt,
        @Nullable JsonNode raw) {
    /**
     * Copies the label and assignee lists (null as empty) and keeps {@code raw} read-only (a read-only tree is shared, any other is copied).
     *
     * @param id the numeric id
     * @param nodeId the GraphQL node id
     * @param number the number in its repository
     * @param title the title
     * @param body the text, or null
     * @param state {@code open} or {@code closed}
     * @param stateReason why it is closed or was reopened, or null
     * @param htmlUrl the web page
     * @param userLogin the login of its author
     * @param labels the names of its labels
     * @param assignees the logins of its assignees
     * @param comments the number of comments
     * @param isPullRequest whether it is in fact a pull request
     * @param createdAt when it was opened
     * @param updatedAt when it was last updated
     * @param closedAt when it was closed, or null
     * @param raw the whole JSON object
     */
    public Issue {
        labels = labels == null ? List.of() : List.copyOf(labels);
        assignees = assignees == null ? List.of() : List.copyOf(assignees);
        raw = ReadOnlyJson.of(raw);
    }

    /**
     * Reads the JSON object leniently: 'number' is required.
     *
     * @param json the JSON object GitHub sent
     * @return the value; fields GitHub left out are null, 0 or false
     * @throws IllegalArgumentException when {@code json} is not an object or lacks a required field
     */
    public static Issue fromJson(JsonNode json) {
        JsonFields.require(json, "issue", "number");
        return new Issue(
                JsonFields.number(json, "id"),
                JsonFields.text(json, "node_id"),
                JsonFields.number(json, "number"),
                JsonFields.text(json, "title"),
                JsonFields.text(json, "body"),
                JsonFields.text(json, "state"),
                JsonFields.text(json, "state_reason"),
                JsonFields.text(json, "html_url"),
                JsonFields.text(json, "user", "login"),
                JsonFields.texts(json, "labels", "name"),
                JsonFields.texts(json, "assignees", "login"),
                JsonFields.number(json, "comments"),
                json.hasNonNull("pull_request"),
                JsonFields.instant(json, "created_at"),
                JsonFields.instant(json, "updated_at"),
                JsonFields.instant(json, "closed_at"),
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
        return "Issue[id=" + id + ", nodeId=" + nodeId + ", number=" + number + ", title=" + title + ", body=" + body + ", state=" + state + "]";
    }
}
