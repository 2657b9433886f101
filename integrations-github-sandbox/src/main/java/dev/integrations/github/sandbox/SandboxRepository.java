package dev.integrations.github.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A repository known to a {@link GithubSandbox}, owned by a {@link SandboxUser}. Served by
 * {@code GET /user/repos}, {@code GET /repos/{owner}/{repo}} and {@code GET /repositories/{id}}
 * in the shapes of GitHub's OpenAPI description ({@code repository}, {@code full-repository}).
 * Values are snapshots: {@link GithubSandbox#renameRepository} returns the renamed one.
 *
 * @param id          the numeric repository id, stable across renames
 * @param owner       the owning user
 * @param name        the current name, unique per owner ignoring case
 * @param description the description, or {@code null}
 * @param isPrivate   whether only the owner (with the {@code repo} scope) can see it
 * @param createdAt   when it was created (also reported as {@code updated_at} and {@code pushed_at})
 */
public record SandboxRepository(long id, SandboxUser owner, String name, @Nullable String description, boolean isPrivate,
                                Instant createdAt) {

    /**
     * Checks the repository's fields.
     *
     * @param id          the numeric repository id, stable across renames
     * @param owner       the owning user
     * @param name        the current name, unique per owner ignoring case
     * @param description the description, or {@code null}
     * @param isPrivate   whether only the owner (with the {@code repo} scope) can see it
     * @param createdAt   when it was created (also reported as {@code updated_at} and {@code pushed_at})
     * @throws IllegalArgumentException if the name is not a valid repository name or the id is not positive
     */
    public SandboxRepository {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdAt, "createdAt");
        checkName(name);
        if (id <= 0) {
            throw new IllegalArgumentException("id must be positive");
        }
    }

    /** Rejects what GitHub would not accept as a repository name: 1-100 letters, digits, '.', '-' or '_', not "." or "..". */
    static void checkName(String name) {
        if (!name.matches("[A-Za-z0-9._-]{1,100}") || name.equals(".") || name.equals("..")) {
            throw new IllegalArgumentException(
                    "repository name must be 1-100 letters, digits, '.', '-' or '_': " + name);
        }
    }

    /**
     * {@code owner/name}.
     *
     * @return the full name
     */
    public String fullName() {
        return owner.login() + "/" + name;
    }

    /**
     * The legacy global node id GitHub derives from the numeric id ({@code MDEwOlJlcG9zaXRvcnkxMjk2MjY5} for 1296269).
     *
     * @return the node id
     */
    public String nodeId() {
        return Base64.getEncoder().encodeToString(("010:Repository" + id).getBytes(StandardCharsets.UTF_8));
    }

    SandboxRepository withName(String newName) {
        return new SandboxRepository(id, owner, newName, description, isPrivate, createdAt);
    }

    SandboxRepository withDescription(@Nullable String newDescription) {
        return new SandboxRepository(id, owner, name, newDescription, isPrivate, createdAt);
    }
}
