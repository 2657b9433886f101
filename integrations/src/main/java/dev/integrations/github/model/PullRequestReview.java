package dev.integrations.github.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.integrations.internal.json.ReadOnlyJson;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A pull request review, as returned by {@code POST /repos/{owner}/{repo}/pulls/{pull_number}/reviews}. The fields people use most are typed; everything GitHub sent
 * is in {@link #raw()}. Missing or null fields are null, 0 or false.
 *
 * @param id the numeric id
 * @param nodeId the GraphQL node id
 * @param state e.g. {@code APPROVED}, {@code CHANGES_REQUESTED}, {@code COMMENTED}, {@code PENDING}
 * @param body the review text
 * @param htmlUrl the web page
 * @param userLogin the login of the reviewer
 * @param commitId the reviewed commit
 * @param submittedAt when it was submitted
 * @param raw the whole JSON object
 */
public record PullRequestReview(
        long id,
        @Nullable String nodeId,
        @Nullable String state,
        @Nullable String body,
        @Nullable String htmlUrl,
        @Nullable String userLogin,
        @Nullable String commitId,
        @Nullable Instant submittedAt,
        @Nullable JsonNode raw) {
    /**
     * Keeps {@code raw} read-only (a read-only tree is shared, any other is copied).
     *
     * @param id the numeric id
     * @param nodeId the GraphQL node id
     * @param state e.g. {@code APPROVED}, {@code CHANGES_REQUESTED}, {@code COMMENTED}, {@code PENDING}
     * @param body the review text
     * @param htmlUrl the web page
     * @param userLogin the login of the reviewer
     * @param commitId the reviewed commit
     * @param submittedAt when it was submitted
     * @param raw the whole JSON object
     */
    public PullRequestReview {
        raw = ReadOnlyJson.of(raw);
    }

    /**
     * Reads the JSON object leniently: 'id' is required.
     *
     * @param json the JSON object GitHub sent
     * @return the value; fields GitHub left out are null, 0 or false
     * @throws IllegalArgumentException when {@code json} is not an object or lacks a required field
     */
    public static PullRequestReview fromJson(JsonNode json) {
        JsonFields.require(json, "pullRequestReview", "id");
        return new PullRequestReview(
                JsonFields.number(json, "id"),
                JsonFields.text(json, "node_id"),
                JsonFields.text(json, "state"),
                JsonFields.text(json, "body"),
                JsonFields.text(json, "html_url"),
                JsonFields.text(json, "user", "login"),
                JsonFields.text(json, "commit_id"),
                JsonFields.instant(json, "submitted_at"),
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
        return "PullRequestReview[id=" + id + ", nodeId=" + nodeId + ", state=" + state + ", body=" + body + ", htmlUrl=" + htmlUrl + ", userLogin=" + userLogin + "]";
    }
}
