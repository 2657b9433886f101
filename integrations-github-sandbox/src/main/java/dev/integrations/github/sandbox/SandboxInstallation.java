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

    /**
     * Copies the collections.
     *
     * @param id see the record component
     * @param app see the record component
     * @param account see the record component
     * @param permissions see the record component
     * @param repositoryIds see the record component
     * @param createdAt see the record component
     */
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

    /**
     * Whether the installation may reach a repository: one of its account's, and a selected one
     * when repositories were selected.
     *
     * @param repository the repository
     * @return true when the installation reaches it
     */
    public boolean reaches(SandboxRepository repository) {
        Set<Long> selected = repositoryIds;
        return repository.owner().id() == account.id() && (selected == null || selected.contains(repository.id()));
    }
}
