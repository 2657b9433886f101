package dev.integrations.github.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.integrations.internal.json.ReadOnlyJson;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * An organization, as returned by {@code GET /orgs/{org}}. The fields people use most are typed; everything GitHub sent
 * is in {@link #raw()}. Missing or null fields are null, 0 or false.
 *
 * @param id the numeric id
 * @param login the login
 * @param nodeId the GraphQL node id
 * @param name the display name, or null
 * @param description the description, or null
 * @param htmlUrl the web page
 * @param blog the blog URL, or null
 * @param location the location, or null
 * @param email the public email, or null
 * @param publicRepos the number of public repositories
 * @param followers the number of followers
 * @param createdAt when it was created
 * @param raw the whole JSON object
 */
public record Organization(
        long id,
        @Nullable String login,
        @Nullable String nodeId,
        @Nullable String name,
        @Nullable String description,
        @Nullable String htmlUrl,
        @Nullable String blog,
        @Nullable String location,
        @Nullable String email,
        long publicRepos,
        long followers,
        @Nullable Instant createdAt,
        @Nullable JsonNode raw) {
    /**
     * Keeps {@code raw} read-only (a read-only tree is shared, any other is copied).
     *
     * @param id the numeric id
     * @param login the login
     * @param nodeId the GraphQL node id
     * @param name the display name, or null
     * @param description the description, or null
     * @param htmlUrl the web page
     * @param blog the blog URL, or null
     * @param location the location, or null
     * @param email the public email, or null
     * @param publicRepos the number of public repositories
     * @param followers the number of followers
     * @param createdAt when it was created
     * @param raw the whole JSON object
     */
    public Organization {
        raw = ReadOnlyJson.of(raw);
    }

    /**
     * Reads the JSON object leniently: 'login' and 'id' are required.
     *
     * @param json the JSON object GitHub sent
     * @return the value; fields GitHub left out are null, 0 or false
     * @throws IllegalArgumentException when {@code json} is not an object or lacks a required field
     */
    public static Organization fromJson(JsonNode json) {
        JsonFields.require(json, "organization", "login", "id");
        return new Organization(
                JsonFields.number(json, "id"),
                JsonFields.text(json, "login"),
                JsonFields.text(json, "node_id"),
                JsonFields.text(json, "name"),
                JsonFields.text(json, "description"),
                JsonFields.text(json, "html_url"),
                JsonFields.text(json, "blog"),
                JsonFields.text(json, "location"),
                JsonFields.text(json, "email"),
                JsonFields.number(json, "public_repos"),
                JsonFields.number(json, "followers"),
                JsonFields.instant(json, "created_at"),
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
        return "Organization[id=" + id + ", login=" + login + ", nodeId=" + nodeId + ", name=" + name + ", description=" + description + ", htmlUrl=" + htmlUrl + "]";
    }
}
