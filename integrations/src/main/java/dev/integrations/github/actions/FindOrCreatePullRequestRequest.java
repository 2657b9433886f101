package dev.integrations.github.actions;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * The parameters of {@code findOrCreatePullRequest}, which finds the open pull request from {@code head} into {@code base}, or opens one.
 * Required parameters are checked when the request is built, before anything is sent.
 *
 * @param owner Required. The account owner of the repository: a user or organization login (not case-sensitive).
 * @param repo Required. The name of the repository, without the .git extension (not case-sensitive).
 * @param head Required. The branch with the changes: branch, or owner:branch for a branch in a fork.
 * @param base Required. The branch to merge the changes into.
 * @param title Required. The title of the new pull request, if one is created.
 * @param body The description of the new pull request, if one is created.
 * @param draft Whether a new pull request is a draft.
 * @param maintainerCanModify Whether maintainers of the base repository may push to the head branch.
 */
public record FindOrCreatePullRequestRequest(
        @ActionParameter(value = "The account owner of the repository: a user or organization login (not case-sensitive).", required = true)
        String owner,
        @ActionParameter(value = "The name of the repository, without the .git extension (not case-sensitive).", required = true)
        String repo,
        @ActionParameter(value = "The branch with the changes: branch, or owner:branch for a branch in a fork.", required = true)
        String head,
        @ActionParameter(value = "The branch to merge the changes into.", required = true)
        String base,
        @ActionParameter(value = "The title of the new pull request, if one is created.", required = true)
        String title,
        @ActionParameter(value = "The description of the new pull request, if one is created.")
        String body,
        @ActionParameter(value = "Whether a new pull request is a draft.")
        Boolean draft,
        @ActionParameter(value = "Whether maintainers of the base repository may push to the head branch.")
        Boolean maintainerCanModify) {
    private static final String ACTION = "findOrCreatePullRequest";

    public FindOrCreatePullRequestRequest {
        Arguments.requireText(ACTION, "owner", owner);
        Arguments.requireText(ACTION, "repo", repo);
        Arguments.requireText(ACTION, "head", head);
        Arguments.requireText(ACTION, "base", base);
        Arguments.requireText(ACTION, "title", title);
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a request in one expression: {@code FindOrCreatePullRequestRequest.of(r -> r.owner(...))}. */
    public static FindOrCreatePullRequestRequest of(Consumer<Builder> spec) {
        Builder builder = new Builder();
        Objects.requireNonNull(spec, "spec").accept(builder);
        return builder.build();
    }

    /** Builds a {@link FindOrCreatePullRequestRequest}; {@link #build()} checks the parameters. */
    public static final class Builder {
        private String owner;
        private String repo;
        private String head;
        private String base;
        private String title;
        private String body;
        private Boolean draft;
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

        /** The branch with the changes: branch, or owner:branch for a branch in a fork. */
        public Builder head(String head) {
            this.head = head;
            return this;
        }

        /** The branch to merge the changes into. */
        public Builder base(String base) {
            this.base = base;
            return this;
        }

        /** The title of the new pull request, if one is created. */
        public Builder title(String title) {
            this.title = title;
            return this;
        }

        /** The description of the new pull request, if one is created. */
        public Builder body(String body) {
            this.body = body;
            return this;
        }

        /** Whether a new pull request is a draft. */
        public Builder draft(Boolean draft) {
            this.draft = draft;
            return this;
        }

        /** Whether maintainers of the base repository may push to the head branch. */
        public Builder maintainerCanModify(Boolean maintainerCanModify) {
            this.maintainerCanModify = maintainerCanModify;
            return this;
        }

        /** The request; throws {@link InvalidActionArgumentsException} when a parameter is missing or invalid. */
        public FindOrCreatePullRequestRequest build() {
            return new FindOrCreatePullRequestRequest(owner, repo, head, base, title, body, draft, maintainerCanModify);
        }
    }
}
