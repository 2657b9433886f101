package dev.integrations.github.actions;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * The parameters of {@code createBranch}, which creates a branch pointing at a commit: {@code sha} if given, else the head of {@code fromBranch}, else the head of the repository's default branch.
 * Required parameters are checked when the request is built, before anything is sent.
 *
 * @param owner Required. The account owner of the repository: a user or organization login (not case-sensitive).
 * @param repo Required. The name of the repository, without the .git extension (not case-sensitive).
 * @param branch Required. The name of the new branch, e.g. feature/login (without refs/heads/).
 * @param fromBranch The branch to start from; default: the repository's default branch.
 * @param sha The commit to point the branch at; overrides fromBranch.
 */
public record CreateBranchRequest(
        @ActionParameter(value = "The account owner of the repository: a user or organization login (not case-sensitive).", required = true)
        String owner,
        @ActionParameter(value = "The name of the repository, without the .git extension (not case-sensitive).", required = true)
        String repo,
        @ActionParameter(value = "The name of the new branch, e.g. feature/login (without refs/heads/).", required = true)
        String branch,
        @ActionParameter(value = "The branch to start from; default: the repository's default branch.")
        String fromBranch,
        @ActionParameter(value = "The commit to point the branch at; overrides fromBranch.")
        String sha) {
    private static final String ACTION = "createBranch";

    public CreateBranchRequest {
        Arguments.requireText(ACTION, "owner", owner);
        Arguments.requireText(ACTION, "repo", repo);
        Arguments.requireText(ACTION, "branch", branch);
        Arguments.optionalName(ACTION, "fromBranch", fromBranch);
        Arguments.optionalName(ACTION, "sha", sha);
        Arguments.check(fromBranch == null || sha == null, ACTION, "sha", "give either 'fromBranch' or 'sha', not both");
        Arguments.check(!branch.startsWith("refs/"), ACTION, "branch", "'branch' is a branch name such as feature/login, without refs/heads/");
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a request in one expression: {@code CreateBranchRequest.of(r -> r.owner(...))}. */
    public static CreateBranchRequest of(Consumer<Builder> spec) {
        Builder builder = new Builder();
        Objects.requireNonNull(spec, "spec").accept(builder);
        return builder.build();
    }

    /** Builds a {@link CreateBranchRequest}; {@link #build()} checks the parameters. */
    public static final class Builder {
        private String owner;
        private String repo;
        private String branch;
        private String fromBranch;
        private String sha;

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

        /** The name of the new branch, e.g. feature/login (without refs/heads/). */
        public Builder branch(String branch) {
            this.branch = branch;
            return this;
        }

        /** The branch to start from; default: the repository's default branch. */
        public Builder fromBranch(String fromBranch) {
            this.fromBranch = fromBranch;
            return this;
        }

        /** The commit to point the branch at; overrides fromBranch. */
        public Builder sha(String sha) {
            this.sha = sha;
            return this;
        }

        /** The request; throws {@link InvalidActionArgumentsException} when a parameter is missing or invalid. */
        public CreateBranchRequest build() {
            return new CreateBranchRequest(owner, repo, branch, fromBranch, sha);
        }
    }
}
