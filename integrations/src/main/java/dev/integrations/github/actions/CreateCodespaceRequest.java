package dev.integrations.github.actions;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * The parameters of {@code createCodespace}, which creates a codespace for the authenticated user in a repository.
 * Required parameters are checked when the request is built, before anything is sent.
 *
 * @param owner Required. The account owner of the repository: a user or organization login (not case-sensitive).
 * @param repo Required. The name of the repository, without the .git extension (not case-sensitive).
 * @param ref The branch (or other Git ref) to open; default: the default branch.
 * @param machine The machine type, e.g. standardLinux32gb.
 * @param geo The geographic area; default: chosen by IP address.
 * @param devcontainerPath The path of the devcontainer.json to use.
 * @param displayName A display name for the codespace.
 * @param workingDirectory The working directory.
 * @param idleTimeoutMinutes Minutes of inactivity before the codespace stops.
 * @param retentionPeriodMinutes Minutes after stopping before an idle codespace is deleted, 0 to 43200.
 */
public record CreateCodespaceRequest(
        @ActionParameter(value = "The account owner of the repository: a user or organization login (not case-sensitive).", required = true)
        String owner,
        @ActionParameter(value = "The name of the repository, without the .git extension (not case-sensitive).", required = true)
        String repo,
        @ActionParameter(value = "The branch (or other Git ref) to open; default: the default branch.")
        String ref,
        @ActionParameter(value = "The machine type, e.g. standardLinux32gb.")
        String machine,
        @ActionParameter(value = "The geographic area; default: chosen by IP address.")
        CodespaceGeo geo,
        @ActionParameter(value = "The path of the devcontainer.json to use.")
        String devcontainerPath,
        @ActionParameter(value = "A display name for the codespace.")
        String displayName,
        @ActionParameter(value = "The working directory.")
        String workingDirectory,
        @ActionParameter(value = "Minutes of inactivity before the codespace stops.", minimum = 1)
        Integer idleTimeoutMinutes,
        @ActionParameter(value = "Minutes after stopping before an idle codespace is deleted, 0 to 43200.", minimum = 0, maximum = 43200)
        Integer retentionPeriodMinutes) {
    private static final String ACTION = "createCodespace";

    public CreateCodespaceRequest {
        Arguments.requireText(ACTION, "owner", owner);
        Arguments.requireText(ACTION, "repo", repo);
        Arguments.range(ACTION, "idleTimeoutMinutes", idleTimeoutMinutes, 1L, Long.MAX_VALUE);
        Arguments.range(ACTION, "retentionPeriodMinutes", retentionPeriodMinutes, 0L, 43200L);
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a request in one expression: {@code CreateCodespaceRequest.of(r -> r.owner(...))}. */
    public static CreateCodespaceRequest of(Consumer<Builder> spec) {
        Builder builder = new Builder();
        Objects.requireNonNull(spec, "spec").accept(builder);
        return builder.build();
    }

    /** Builds a {@link CreateCodespaceRequest}; {@link #build()} checks the parameters. */
    public static final class Builder {
        private String owner;
        private String repo;
        private String ref;
        private String machine;
        private CodespaceGeo geo;
        private String devcontainerPath;
        private String displayName;
        private String workingDirectory;
        private Integer idleTimeoutMinutes;
        private Integer retentionPeriodMinutes;

        private Builder() {
        }

        /** The account owner of the repository: a user or organization login (not case-sensitive). */
        public Builder owner(String owner) {
            this.owner = owner;
            return this;
        }

        /** The name of the repository, without the .git extension (not case-sensitive). */
        public Builder repo(String repo) {
            this.repo = repo;
            return this;
        }

        /** The branch (or other Git ref) to open; default: the default branch. */
        public Builder ref(String ref) {
            this.ref = ref;
            return this;
        }

        /** The machine type, e.g. standardLinux32gb. */
        public Builder machine(String machine) {
            this.machine = machine;
            return this;
        }

        /** The geographic area; default: chosen by IP address. */
        public Builder geo(CodespaceGeo geo) {
            this.geo = geo;
            return this;
        }

        /** The path of the devcontainer.json to use. */
        public Builder devcontainerPath(String devcontainerPath) {
            this.devcontainerPath = devcontainerPath;
            return this;
        }

        /** A display name for the codespace. */
        public Builder displayName(String displayName) {
            this.displayName = displayName;
            return this;
        }

        /** The working directory. */
        public Builder workingDirectory(String workingDirectory) {
            this.workingDirectory = workingDirectory;
            return this;
        }

        /** Minutes of inactivity before the codespace stops. */
        public Builder idleTimeoutMinutes(Integer idleTimeoutMinutes) {
            this.idleTimeoutMinutes = idleTimeoutMinutes;
            return this;
        }

        /** Minutes after stopping before an idle codespace is deleted, 0 to 43200. */
        public Builder retentionPeriodMinutes(Integer retentionPeriodMinutes) {
            this.retentionPeriodMinutes = retentionPeriodMinutes;
            return this;
        }

        /** The request; throws {@link InvalidActionArgumentsException} when a parameter is missing or invalid. */
        public CreateCodespaceRequest build() {
            return new CreateCodespaceRequest(owner, repo, ref, machine, geo, devcontainerPath, displayName, workingDirectory, idleTimeoutMinutes, retentionPeriodMinutes);
        }
    }
}
