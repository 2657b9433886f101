package dev.integrations.github.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.integrations.internal.json.ReadOnlyJson;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A GitHub user or organisation account, as returned by {@code GET /user} and
 * {@code GET /users/{username}}. Fields GitHub may leave out or null are null here; everything
 * else GitHub sent is in {@link #raw()}.
 *
 * @param id the numeric account id (a {@code long}: GitHub ids exceed 32 bits)
 * @param login the handle
 * @param nodeId the GraphQL node id
 * @param name the display name, or null
 * @param email the public (or, with the {@code user:email} scope, primary) email, or null
 * @param avatarUrl the avatar image URL
 * @param htmlUrl the profile page URL
 * @param type {@code User}, {@code Organization} or {@code Bot}
 * @param siteAdmin whether the account is a GitHub staff admin
 * @param company the company, or null
 * @param blog the blog URL, or null
 * @param location the location, or null
 * @param bio the bio, or null
 * @param publicRepos the number of public repositories
 * @param publicGists the number of public gists
 * @param followers the number of followers
 * @param following the number of accounts followed
 * @param createdAt when the account was created
 * @param updatedAt when the account was last updated
 * @param raw the whole JSON object
 */
public record GithubUser(long id, String login, @Nullable String nodeId, @Nullable String name, @Nullable String email,
                         @Nullable String avatarUrl, @Nullable String htmlUrl, @Nullable String type, boolean siteAdmin,
                         @Nullable String company, @Nullable String blog, @Nullable String location, @Nullable String bio,
                         long publicRepos, long publicGists, long followers, long following, @Nullable Instant createdAt,
                         @Nullable Instant updatedAt, @Nullable JsonNode raw) {
    /**
     * Checks that the login is given and keeps {@code raw} read-only (a read-only tree is shared, any other is copied).
     *
     * @param id the numeric account id (a {@code long}: GitHub ids exceed 32 bits)
     * @param login the handle
     * @param nodeId the GraphQL node id
     * @param name the display name, or null
     * @param email the public (or, with the {@code user:email} scope, primary) email, or null
     * @param avatarUrl the avatar image URL
     * @param htmlUrl the profile page URL
     * @param type {@code User}, {@code Organization} or {@code Bot}
     * @param siteAdmin whether the account is a GitHub staff admin
     * @param company the company, or null
     * @param blog the blog URL, or null
     * @param location the location, or null
     * @param bio the bio, or null
     * @param publicRepos the number of public repositories
     * @param publicGists the number of public gists
     * @param followers the number of followers
     * @param following the number of accounts followed
     * @param createdAt when the account was created
     * @param updatedAt when the account was last updated
     * @param raw the whole JSON object
     * @throws NullPointerException when {@code login} is null
     */
    public GithubUser {
        Objects.requireNonNull(login, "login");
        raw = ReadOnlyJson.of(raw);
    }

    /**
     * Reads a user object leniently: unknown fields are ignored, missing ones become null or 0.
     *
     * @param json the JSON object GitHub sent
     * @return the value; fields GitHub left out are null, 0 or false
     * @throws IllegalArgumentException when {@code json} is not an object or lacks a required field
     */
    public static GithubUser fromJson(JsonNode json) {
        if (json == null || !json.isObject() || !json.hasNonNull("login") || !json.hasNonNull("id")) {
            throw new IllegalArgumentException("not a GitHub user object: 'login' and 'id' are required");
        }
        return new GithubUser(json.get("id").asLong(), json.get("login").asText(), text(json, "node_id"),
                text(json, "name"), text(json, "email"), text(json, "avatar_url"), text(json, "html_url"),
                text(json, "type"), json.path("site_admin").asBoolean(false), text(json, "company"), text(json, "blog"),
                text(json, "location"), text(json, "bio"), json.path("public_repos").asLong(0),
                json.path("public_gists").asLong(0), json.path("followers").asLong(0), json.path("following").asLong(0),
                instant(json, "created_at"), instant(json, "updated_at"), json);
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

    private static @Nullable String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static @Nullable Instant instant(JsonNode json, String field) {
        String value = text(json, field);
        if (value == null) {
            return null;
        }
        try {
            return dev.integrations.internal.json.Timestamps.parse(value);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Override
    public String toString() {
        return "GithubUser[id=" + id + ", login=" + login + ", name=" + name + ", type=" + type + "]";
    }
}
