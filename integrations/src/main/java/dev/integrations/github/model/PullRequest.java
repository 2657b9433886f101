package dev.integrations.github.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.integrations.internal.json.ReadOnlyJson;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A pull request, as returned by {@code GET /repos/{owner}/{repo}/pulls/{pull_number}}, {@code POST and PATCH of pull requests}, the pull request listing. The fields people use most are typed; everything GitHub sent
 * is in {@link #raw()}. Missing or null fields are null, 0 or false.
 *
 * @param id the numeric id
 * @param nodeId the GraphQL node id
 * @param number the number in its repository
 * @param title the title
 * @param body the description, or null
 * @param state {@code open} or {@code closed} (a merged pull request is closed)
 * @param draft whether it is a draft
 * @param merged whether it has been merged (listings leave {@code merged} out; then {@code merged_at} tells)
 * @param htmlUrl the web page
 * @param userLogin the login of its author
 * @param headRef the branch with the changes
 * @param headSha the commit at the head of that branch
 * @param headLabel the head as {@code owner:branch}
 * @param baseRef the branch the changes go into
 * @param createdAt when it was opened
 * @param updatedAt when it was last updated
 * @param closedAt when it was closed, or null
 * @param mergedAt when it was merged, or null
 * @param raw the whole JSON object
 */
public record PullRequest(
        long id,
        @Nullable String nodeId,
        long number,
        @Nullable String title,
        @Nullable String body,
        @Nullable String state,
        boolean draft,
        boolean merged,
        @Nullable String htmlUrl,
        @Nullable String userLogin,
        @Nullable String headRef,
        @Nullable String headSha,
        @Nullable String headLabel,
        @Nullable String baseRef,
        @Nullable Instant createdAt,
        @Nullable Instant updatedAt,
        @Nullable Instant closedAt,
        @Nullable Instant mergedAt,
        @Nullable JsonNode raw) {
    /**
     * Keeps {@code raw} read-only (a read-only tree is shared, any other is copied).
     *
     * @param id the numeric id
     * @param nodeId the GraphQL node id
     * @param number the number in its repository
     * @param title the title
     * @param body the description, or null
     * @param state {@code open} or {@code closed} (a merged pull request is closed)
     * @param draft whether it is a draft
     * @param merged whether it has been merged (listings leave {@code merged} out; then {@code merged_at} tells)
     * @param htmlUrl the web page
     * @param userLogin the login of its author
     * @param headRef the branch with the changes
     * @param headSha the commit at the head of that branch
     * @param headLabel the head as {@code owner:branch}
     * @param baseRef the branch the changes go into
     * @param createdAt when it was opened
     * @param updatedAt when it was last updated
     * @param closedAt when it was closed, or null
     * @param mergedAt when it was merged, or null
     * @param raw the whole JSON object
     */
    public PullRequest {
        raw = ReadOnlyJson.of(raw);
    }

    /**
     * Reads the JSON object leniently: 'number' is required.
     *
     * @param json the JSON object GitHub sent
     * @return the value; fields GitHub left out are null, 0 or false
     * @throws IllegalArgumentException when {@code json} is not an object or lacks a required field
     */
    public static PullRequest fromJson(JsonNode json) {
        JsonFields.require(json, "pullRequest", "number");
        return new PullRequest(
                JsonFields.number(json, "id"),
                JsonFields.text(json, "node_id"),
                JsonFields.number(json, "number"),
                JsonFields.text(json, "title"),
                JsonFields.text(json, "body"),
                JsonFields.text(json, "state"),
                JsonFields.bool(json, "draft"),
                json.has("merged") ? JsonFields.bool(json, "merged") : json.hasNonNull("merged_at"),
                JsonFields.text(json, "html_url"),
                JsonFields.text(json, "user", "login"),
                JsonFields.text(json, "head", "ref"),
                JsonFields.text(json, "head", "sha"),
                JsonFields.text(json, "head", "label"),
                JsonFields.text(json, "base", "ref"),
                JsonFields.instant(json, "created_at"),
                JsonFields.instant(json, "updated_at"),
                JsonFields.instant(json, "closed_at"),
                JsonFields.instant(json, "merged_at"),
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
        return "PullRequest[id=" + id + ", nodeId=" + nodeId + ", number=" + number + ", title=" + title + ", body=" + body + ", state=" + state + "]";
    }
}
