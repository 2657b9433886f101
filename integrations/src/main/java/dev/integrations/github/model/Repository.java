package dev.integrations.github.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.integrations.internal.json.ReadOnlyJson;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A repository, as returned by {@code GET /repos/{owner}/{repo}}, the repository listings, {@code POST /user/repos and its relatives}. The fields people use most are typed; everything GitHub sent
 * is in {@link #raw()}. Missing or null fields are null, 0 or false.
 *
 * @param id the numeric id
 * @param nodeId the GraphQL node id
 * @param name the name, e.g. {@code Hello-World}
 * @param fullName {@code owner/name}
 * @param ownerLogin the owner's login
 * @param isPrivate whether it is private
 * @param visibility {@code public}, {@code private} or {@code internal}, when GitHub says
 * @param description the description, or null
 * @param htmlUrl the web page
 * @param cloneUrl the HTTPS clone URL
 * @param defaultBranch the default branch, e.g. {@code main}
 * @param fork whether it is a fork
 * @param archived whether it is archived
 * @param isTemplate whether it is a template repository
 * @param createdAt when it was created
 * @param updatedAt when it was last updated
 * @param pushedAt when it was last pushed to
 * @param raw the whole JSON object
 */
public record Repository(
        long id,
        @Nullable String nodeId,
        @Nullable String name,
        @Nullable String fullName,
        @Nullable String ownerLogin,
        boolean isPrivate,
        @Nullable String visibility,
        @Nullable String description,
        @Nullable String htmlUrl,
        @Nullable String cloneUrl,
        @Nullable String defaultBranch,
        boolean fork,
        boolean archived,
        boolean isTemplate,
        @Nullable Instant createdAt,
        @Nullable Instant updatedAt,
        @Nullable Instant pushedAt,
        @Nullable JsonNode raw) {
    /**
     * Keeps {@code raw} read-only (a read-only tree is shared, any other is copied).
     *
     * @param id the numeric id
     * @param nodeId the GraphQL node id
     * @param name the name, e.g. {@code Hello-World}
     * @param fullName {@code owner/name}
     * @param ownerLogin the owner's login
     * @param isPrivate whether it is private
     * @param visibility {@code public}, {@code private} or {@code internal}, when GitHub says
     * @param description the description, or null
     * @param htmlUrl the web page
     * @param cloneUrl the HTTPS clone URL
     * @param defaultBranch the default branch, e.g. {@code main}
     * @param fork whether it is a fork
     * @param archived whether it is archived
     * @param isTemplate whether it is a template repository
     * @param createdAt when it was created
     * @param updatedAt when it was last updated
     * @param pushedAt when it was last pushed to
     * @param raw the whole JSON object
     */
    public Repository {
        raw = ReadOnlyJson.of(raw);
    }

    /**
     * Reads the JSON object leniently: 'id' and 'name' are required.
     *
     * @param json the JSON object GitHub sent
     * @return the value; fields GitHub left out are null, 0 or false
     * @throws IllegalArgumentException when {@code json} is not an object or lacks a required field
     */
    public static Repository fromJson(JsonNode json) {
        JsonFields.require(json, "repository", "id", "name");
        return new Repository(
                JsonFields.number(json, "id"),
                JsonFields.text(json, "node_id"),
                JsonFields.text(json, "name"),
                JsonFields.text(json, "full_name"),
                JsonFields.text(json, "owner", "login"),
                JsonFields.bool(json, "private"),
                JsonFields.text(json, "visibility"),
                JsonFields.text(json, "description"),
                JsonFields.text(json, "html_url"),
                JsonFields.text(json, "clone_url"),
                JsonFields.text(json, "default_branch"),
                JsonFields.bool(json, "fork"),
                JsonFields.bool(json, "archived"),
                JsonFields.bool(json, "is_template"),
                JsonFields.instant(json, "created_at"),
                JsonFields.instant(json, "updated_at"),
                JsonFields.instant(json, "pushed_at"),
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
        return "Repository[id=" + id + ", nodeId=" + nodeId + ", name=" + name + ", fullName=" + fullName + ", ownerLogin=" + ownerLogin + ", isPrivate=" + isPrivate + "]";
    }
}
