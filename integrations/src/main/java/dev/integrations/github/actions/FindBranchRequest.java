package dev.integrations.github.actions;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * The parameters of {@code findBranch}, which looks up one branch.
 * Required parameters are checked when the request is built, before anything is sent.
 *
 * @param owner Required. The account owner of the repository: a user or organization login (not case-sensitive).
 * @param repo Required. The name of the repository, without the .git extension (not case-sensitive).
 * @param branch Required. The name of the branch.
 */
public record FindBranchRequest(
        @ActionParameter(value = "The account owner of the repository: a user or organization login (not case-sensitive).", required = true)
        String owner,
        @ActionParameter(value = "The name of the repository, without the .git extension (not case-sensitive).", required = true)
        String repo,
        @ActionParameter(value = "The name of the branch.", required = true)
        String branch) {
    private static final String ACTION = "findBranch";

    public FindBranchRequest {
        Arguments.requireText(ACTION, "owner", owner);
        Arguments.requireText(ACTION, "repo", repo);
        Arguments.requireText(ACTION, "branch", branch);
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a request in one expression: {@code FindBranchRequest.of(r -> r.owner(...))}. */
    public static FindBranchRequest of(Consumer<Builder> spec) {
        Builder builder = new Builder();
        Objects.requireNonNull(spec, "spec").accept(builder);
        return builder.build();
    }

    /** Builds a {@link FindBranchRequest}; {@link #build()} checks the parameters. */
    public static final class Builder {
        private String owner;
        private String repo;
        private String branch;

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

        /** The name of the branch. */
        public Builder branch(String branch) {
            this.branch = branch;
            return this;
        }

        /** The request; throws {@link InvalidActionArgumentsException} when a parameter is missing or invalid. */
        public FindBranchRequest build() {
            return new FindBranchRequest(owner, repo, branch);
        }
    }
}
