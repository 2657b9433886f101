package dev.integrations.github.sandbox;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Repository attributes beyond {@link SandboxRepository}'s, set when a repository is created
 * through the API ({@code POST /user/repos}, {@code /orgs/{org}/repos}, {@code /generate}):
 * homepage, template flag and feature switches. Repositories without an entry have GitHub's
 * defaults. Thread-safe.
 */
final class RepositorySettings {

    /** One repository's attributes. */
    record Settings(@Nullable String homepage, boolean isTemplate, boolean hasIssues, boolean hasProjects,
                    boolean hasWiki) {
        static final Settings DEFAULT = new Settings(null, false, true, true, true);
    }

    private final Map<Long, Settings> byId = new ConcurrentHashMap<>();

    Settings of(SandboxRepository repository) {
        return byId.getOrDefault(repository.id(), Settings.DEFAULT);
    }

    void put(SandboxRepository repository, Settings settings) {
        byId.put(repository.id(), settings);
    }
}
