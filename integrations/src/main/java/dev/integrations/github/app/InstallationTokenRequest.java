package dev.integrations.github.app;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * What installation token to ask for: the installation, and optionally fewer repositories (by
 * name or id; at most 500) and fewer permissions than the installation has. GitHub only narrows:
 * asking for a repository or permission the installation lacks fails with 422.
 *
 * <p>Repositories and permissions are kept sorted, so two requests for the same token are equal
 * and share one cached token.
 *
 * @param installationId the installation
 * @param repositories repository names (without owner), sorted; empty for no narrowing by name
 * @param repositoryIds repository ids, sorted; empty for no narrowing by id
 * @param permissions permission name to level ({@code read}, {@code write} or {@code admin}),
 *     sorted; empty for the installation's own
 */
public record InstallationTokenRequest(long installationId, List<String> repositories, List<Long> repositoryIds,
                                       Map<String, String> permissions) {
    /** GitHub's limit on repositories per token. */
    public static final int MAX_REPOSITORIES = 500;

    /**
     * Checks and normalises the values.
     *
     * @param installationId see the record component
     * @param repositories see the record component
     * @param repositoryIds see the record component
     * @param permissions see the record component
     * @throws IllegalArgumentException when the id is not positive, a level is not read, write or
     *     admin, a name is blank, or more than {@value #MAX_REPOSITORIES} repositories are named
     */
    public InstallationTokenRequest {
        if (installationId <= 0) {
            throw new IllegalArgumentException("installationId must be positive");
        }
        TreeSet<String> names = new TreeSet<>();
        for (String name : repositories) {
            if (name == null || name.isBlank() || name.contains("/")) {
                throw new IllegalArgumentException("Repository names are given without owner (the installation's"
                        + " account owns them) and must not be blank: '" + name + "'");
            }
            names.add(name.trim());
        }
        repositories = List.copyOf(names);
        repositoryIds = List.copyOf(new TreeSet<>(repositoryIds));
        TreeMap<String, String> sorted = new TreeMap<>();
        for (Map.Entry<String, String> p : permissions.entrySet()) {
            String level = Objects.requireNonNull(p.getValue(), "permission level");
            if (!level.equals("read") && !level.equals("write") && !level.equals("admin")) {
                throw new IllegalArgumentException("Permission " + p.getKey() + " must be read, write or admin, got '"
                        + level + "'");
            }
            sorted.put(Objects.requireNonNull(p.getKey(), "permission"), level);
        }
        permissions = java.util.Collections.unmodifiableMap(sorted);
        if (repositories.size() + repositoryIds.size() > MAX_REPOSITORIES) {
            throw new IllegalArgumentException("At most " + MAX_REPOSITORIES + " repositories per installation token");
        }
    }

    /**
     * A request for the installation's full token (no narrowing).
     *
     * @param installationId the installation
     * @return the request
     */
    public static InstallationTokenRequest of(long installationId) {
        return new InstallationTokenRequest(installationId, List.of(), List.of(), Map.of());
    }

    /**
     * Starts building a request.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds a request with a consumer: {@code InstallationTokenRequest.of(b -> b.installationId(42).repositories("api"))}.
     *
     * @param request receives the builder
     * @return the request
     * @throws IllegalArgumentException when the values are invalid (see the record's constructor)
     */
    public static InstallationTokenRequest of(Consumer<Builder> request) {
        Builder builder = builder();
        request.accept(builder);
        return builder.build();
    }

    /**
     * Whether the token is narrowed to repositories or permissions.
     *
     * @return true when any narrowing is asked for
     */
    public boolean narrowed() {
        return !repositories.isEmpty() || !repositoryIds.isEmpty() || !permissions.isEmpty();
    }

    /** Builds an {@link InstallationTokenRequest}. */
    public static final class Builder {
        private long installationId;
        private final List<String> repositories = new ArrayList<>();
        private final List<Long> repositoryIds = new ArrayList<>();
        private final Map<String, String> permissions = new TreeMap<>();

        private Builder() {
        }

        /**
         * Sets the installation.
         *
         * @param installationId the installation id
         * @return this builder
         */
        public Builder installationId(long installationId) {
            this.installationId = installationId;
            return this;
        }

        /**
         * Narrows the token to these repositories, by name.
         *
         * @param names repository names without owner
         * @return this builder
         */
        public Builder repositories(String... names) {
            return repositories(List.of(names));
        }

        /**
         * Narrows the token to these repositories, by name.
         *
         * @param names repository names without owner
         * @return this builder
         */
        public Builder repositories(Collection<String> names) {
            repositories.addAll(names);
            return this;
        }

        /**
         * Narrows the token to these repositories, by id.
         *
         * @param ids repository ids
         * @return this builder
         */
        public Builder repositoryIds(long... ids) {
            for (long id : ids) {
                repositoryIds.add(id);
            }
            return this;
        }

        /**
         * Narrows the token to a permission at a level.
         *
         * @param name the permission, e.g. {@code issues}
         * @param level {@code read}, {@code write} or {@code admin}
         * @return this builder
         */
        public Builder permission(String name, String level) {
            permissions.put(name, level);
            return this;
        }

        /**
         * Narrows the token to these permissions.
         *
         * @param permissions permission name to level
         * @return this builder
         */
        public Builder permissions(Map<String, String> permissions) {
            this.permissions.putAll(permissions);
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the request
         * @throws IllegalArgumentException when the values are invalid (see the record's constructor)
         */
        public InstallationTokenRequest build() {
            return new InstallationTokenRequest(installationId, repositories, repositoryIds, permissions);
        }
    }
}
