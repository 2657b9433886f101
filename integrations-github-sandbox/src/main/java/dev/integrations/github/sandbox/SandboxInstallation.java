package dev.integrations.github.sandbox;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * An installation of a {@link SandboxGithubApp} on a user or organization account.
 *
 * @param id the installation id
 * @param app the installed app
 * @param account the account it is installed on (an organization's account for organizations)
 * @param permissions what the installation may do, e.g. {@code {"issues":"write","metadata":"read"}}
 * @param repositoryIds the repositories it may reach, or null for all of the account's
 *     ({@code repository_selection} {@code all})
 * @param createdAt when it was installed, on the sandbox clock
 */
public record SandboxInstallation(long id, SandboxGithubApp app, SandboxUser account, Map<String, String> permissions,
                                  @Nullable Set<Long> repositoryIds, Instant createdAt) {

    /** Copies the collections. */
    public SandboxInstallation {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(createdAt, "createdAt");
        permissions = Map.copyOf(permissions);
        repositoryIds = repositoryIds == null ? null : Set.copyOf(repositoryIds);
    }

    /**
     * Whether the installation reaches every repository of its account.
     *
     * @return true for {@code repository_selection: all}
     */
    public boolean allRepositories() {
        return repositoryIds == null;
    }
}
