package dev.integrations.github.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A GitHub user account known to a {@link GithubSandbox}: who signs in on the consent page and
 * whom {@code GET /user} describes (https://docs.github.com/en/rest/users/users#get-the-authenticated-user, OpenAPI schema {@code private-user}).
 *
 * @param id        the numeric user id; GitHub ids are 64-bit
 * @param login     the user name, unique ignoring case
 * @param name      the display name, or {@code null}
 * @param email     the public email address, or {@code null}
 * @param createdAt when the account was created (also reported as {@code updated_at})
 */
public record SandboxUser(long id, String login, @Nullable String name, @Nullable String email, Instant createdAt) {

    /**
     * Checks the user's fields.
     *
     * @param id        the numeric user id; GitHub ids are 64-bit
     * @param login     the user name, unique ignoring case
     * @param name      the display name, or {@code null}
     * @param email     the public email address, or {@code null}
     * @param createdAt when the account was created (also reported as {@code updated_at})
     * @throws IllegalArgumentException if the login is not a valid GitHub login or the id is not positive
     */
    public SandboxUser {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(createdAt, "createdAt");
        checkLogin(login);
        if (id <= 0) {
            throw new IllegalArgumentException("id must be positive");
        }
    }

    /** Rejects what GitHub would not accept as a login: 1-39 letters, digits or hyphens, not starting with a hyphen. */
    static void checkLogin(String login) {
        if (!login.matches("[A-Za-z0-9][A-Za-z0-9-]{0,38}")) {
            throw new IllegalArgumentException(
                    "login must be 1-39 letters, digits or hyphens, starting with a letter or digit: " + login);
        }
    }

    /**
     * The legacy global node id GitHub derives from the numeric id ({@code MDQ6VXNlcjE=} for id 1).
     *
     * @return the node id
     */
    public String nodeId() {
        return Base64.getEncoder().encodeToString(("04:User" + id).getBytes(StandardCharsets.UTF_8));
    }
}
