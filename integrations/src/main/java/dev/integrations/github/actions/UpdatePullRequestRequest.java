package dev.integrations.github.actions;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * The parameters of {@code updatePullRequest}, which changes a pull request; parameters left out stay as they are.
 * Required parameters are checked when the request is built, before anything is sent.
 *
 * @param owner Required. The account owner of the repository: a user or organization login (not case-sensitive).
 * @param repo Required. The name of the repository, without the .git extension (not case-sensitive).
 * @param pullNumber Required. The number that identifies the pull request in the repository.
 * @param title The new title.
 * @param body The new description (Markdown).
 * @param state Open or close the pull request.
 * @param base The branch to merge into instead.
 * @param maintainerCanModify Whether maintainers of the base repository may push to the head branch.
 */
public record UpdatePullRequestRequest(
        @ActionParameter(value = "The account owner of the repository: a user or organization login (not case-sensitive).", required = true)
        String owner,
        @ActionParameter(value = "The name of the repository, without the .git extension (not case-sensitive).", required = true)
        String repo,
        @ActionParameter(value = "The number that identifies the pull request in the repository.", required = true)
        long pullNumber,
        @ActionParameter(value = "The new title.")
        String title,
        @ActionParameter(value = "The new description (Markdown).")
        String body,
        @ActionParameter(value = "Open or close the pull request.")
        PullRequestState state,
        @ActionParameter(value = "The branch to merge into instead.")
        String base,
        @ActionParameter(value = "Whether maintainers of the base repository may push to the head branch.")
        Boolean maintainerCanModify) {
    private static final String ACTION = "updatePullRequest";

    public UpdatePullRequestRequest {
        Arguments.requireText(ACTION, "owner", owner);
        Arguments.requireText(ACTION, "repo", repo);
        Arguments.requirePositive(ACTION, "pullNumber", pullNumber);
        Arguments.optionalName(ACTION, "base", base);
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a request in one expression: {@code UpdatePullRequestRequest.of(r -> r.owner(...))}. */
    public static UpdatePullRequestRequest of(Consumer<Builder> spec) {
        Builder builder = new Builder();
        Objects.requireNonNull(spec, "spec").accept(builder);
        return builder.build();
    }

    /** Builds a {@link UpdatePullRequestRequest}; {@link #build()} checks the parameters. */
    public static final class Builder {
        private String owner;
        private String repo;
        private long pullNumber;
        private String title;
        private String body;
        private PullRequestState state;
        private String base;
        private Boolean maintainerCanModify;

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

        /** The number that identifies the pull request in the repository. */
        public Builder pullNumber(long pullNumber) {
            this.pullNumber = pullNumber;
            return this;
        }

        /** The new title. */
        public Builder title(String title) {
            this.title = title;
            return this;
        }

        /** The new description (Markdown). */
        public Builder body(String body) {
            this.body = body;
            return this;
        }

        /** Open or close the pull request. */
        public Builder state(PullRequestState state) {
            this.state = state;
            return this;
        }

        /** The branch to merge into instead. */
        public Builder base(String base) {
            this.base = base;
            return this;
        }

        /** Whether maintainers of the base repository may push to the head branch. */
        public Builder maintainerCanModify(Boolean maintainerCanModify) {
            this.maintainerCanModify = maintainerCanModify;
            return this;
        }

        /** The request; throws {@link InvalidActionArgumentsException} when a parameter is missing or invalid. */
        public UpdatePullRequestRequest build() {
            return new UpdatePullRequestRequest(owner, repo, pullNumber, title, body, state, base, maintainerCanModify);
        }
    }
}
