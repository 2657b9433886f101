package dev.integrations.github.sandbox;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * An organization known to a {@link GithubSandbox}, created with
 * {@link GithubSandbox#createOrganization}. Its login shares the namespace (and id sequence) of
 * user logins, as on GitHub, and it can own repositories. Served by {@code GET /orgs/{org}} in the
 * {@code organization-full} shape; members are added with {@link GithubSandbox#addMember}.
 *
 * @param id          the numeric id (from the same sequence as user ids)
 * @param login       the organization's login, unique among users and organizations ignoring case
 * @param name        the display name, or {@code null}
 * @param description the description, or {@code null}
 * @param createdAt   when it was created
 */
public record SandboxOrganization(long id, String login, @Nullable String name, @Nullable String description,
                                  Instant createdAt) {

    /**
     * Checks the organization's fields.
     *
     * @param id          the numeric id (from the same sequence as user ids)
     * @param login       the organization's login, unique among users and organizations ignoring case
     * @param name        the display name, or {@code null}
     * @param description the description, or {@code null}
     * @param createdAt   when it was created
     * @throws IllegalArgumentException if the login is not a valid GitHub login
     */
    public SandboxOrganization {
        Objects.requireNonNull(login, "login");
        Objects.requireNonNull(createdAt, "createdAt");
        SandboxUser.checkLogin(login);
    }

    /**
     * The legacy global node id, e.g. {@code MDEyOk9yZ2FuaXphdGlvbjE=} for id 1.
     *
     * @return the node id
     */
    public String nodeId() {
        return Base64.getEncoder().encodeToString(("012:Organization" + id).getBytes(StandardCharsets.UTF_8));
    }
}
