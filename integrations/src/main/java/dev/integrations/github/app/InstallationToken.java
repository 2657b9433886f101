package dev.integrations.github.app;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An installation access token ({@code ghs_…}) as GitHub issued it. Treat the token as opaque
 * (its format changes in 2026 to a longer, stateless one). {@link #toString()} never shows it.
 *
 * @param token the token
 * @param expiresAt when GitHub stops accepting it (one hour after issue)
 * @param permissions what it may do
 * @param repositorySelection {@code all} or {@code selected}
 * @param repositories the full names of the repositories it was narrowed to; empty when not narrowed
 */
public record InstallationToken(String token, Instant expiresAt, Map<String, String> permissions,
                                String repositorySelection, List<String> repositories) {
    /**
     * Copies the collections.
     *
     * @param token see the record component
     * @param expiresAt see the record component
     * @param permissions see the record component
     * @param repositorySelection see the record component
     * @param repositories see the record component
     */
    public InstallationToken {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(repositorySelection, "repositorySelection");
        permissions = Map.copyOf(permissions);
        repositories = List.copyOf(repositories);
    }

    /**
     * Describes the token without its value.
     *
     * @return the expiry, permissions and repositories
     */
    @Override
    public String toString() {
        return "InstallationToken[token=<redacted>, expiresAt=" + expiresAt + ", permissions=" + permissions
                + ", repositorySelection=" + repositorySelection + ", repositories=" + repositories + "]";
    }
}
