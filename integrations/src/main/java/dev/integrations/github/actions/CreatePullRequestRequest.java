package dev.integrations.github.actions;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * The parameters of {@code createPullRequest}, which opens a pull request and, with {@code merge}, merges it right away.
 * Required parameters are checked when the request is built, before anything is sent.
 *
 * @param owner Required. The account owner of the repository: a user or organization login (not case-sensitive).
 * @param repo Required. The name of the repository, without the .git extension (not case-sensitive).
 * @param title Required. The title of the pull request.
 * @param head Required. The branch with the changes: branch, or owner:branch for a branch in a fork.
 * @param base Required. The branch to merge the changes into.
 * @param body The description (Markdown).
 * @param draft Whether to open it as a draft.
 * @param maintainerCanModify Whether maintainers of the base repository may push to the head branch.
 * @param merge Whether to merge the pull request once it is created.
 * @param mergeMethod How to merge, with merge: merge (default), squash or rebase.
 * @param commitTitle The title of the merge commit, with merge.
 * @param commitMessage Extra detail for the merge commit message, with merge.
 */
public record CreatePullRequestRequest(
        @ActionParameter(value = "The account owner of the repository: a user or organization login (not case-sensitive).", required = true)
        String owner,
        @ActionParameter(value = "The name of the repository, without the .git extension (not case-sensitive).", required = true)
        String repo,
        @ActionParameter(value = "The title of the pull request.", required = true)
        String title,
        @ActionParameter(value = "The branch with the changes: branch, or owner:branch for a branch in a fork.", required = true)
        String head,
        @ActionParameter(value = "The branch to merge the changes into.", required = true)
        String base,
        @ActionParameter(value = "The description (Markdown).")
        String body,
        @ActionParameter(value = "Whether to open it as a draft.")
        Boolean draft,
        @ActionParameter(value = "Whether maintainers of the base repository may push to the head branch.")
        Boolean maintainerCanModify,
        @ActionParameter(value = "Whether to merge the pull request once it is created.")
        boolean merge,
        @ActionParameter(value = "How to merge, with merge: merge (default), squash or rebase.")
        MergeMethod mergeMethod,
        @ActionParameter(value = "The title of the merge commit, with merge.")
        String commitTitle,
        @ActionParameter(value = "Extra detail for the merge commit message, with merge.")
        String commitMessage) {
    private static final String ACTION = "createPullRequest";

    public CreatePullRequestRequest {
        Arguments.requireText(ACTION, "owner", owner);
        Arguments.requireText(ACTION, "repo", repo);
        Arguments.requireText(ACTION, "title", title);
        Arguments.requireText(ACTION, "head", head);
        Arguments.requireText(ACTION, "base", base);
        Arguments.check(merge || (mergeMethod == null && commitTitle == null && commitMessage == null), ACTION, "merge",
                "'mergeMethod', 'commitTitle' and 'commitMessage' only apply with 'merge' set to true");
        Arguments.check(!merge || !Boolean.TRUE.equals(draft), ACTION, "draft", "a draft pull request cannot be merged; drop 'draft' or 'merge'");
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a request in one expression: {@code CreatePullRequestRequest.of(r -> r.owner(...))}. */
    public static CreatePullRequestRequest of(Consumer<Builder> spec) {
        Builder builder = new Builder();
        Objects.requireNonNull(spec, "spec").accept(builder);
        return builder.build();
    }

    /** Builds a {@link CreatePullRequestRequest}; {@link #build()} checks the parameters. */
    public static final class Builder {
        private String owner;
        private String repo;
        private String title;
        private String head;
        private String base;
        private String body;
        private Boolean draft;
        private Boolean maintainerCanModify;
        private boolean merge;
        private MergeMethod mergeMethod;
        private String commitTitle;
        private String commitMessage;

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

        /** The title of the pull request. */
        public Builder title(String title) {
            this.title = title;
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

        /** The description (Markdown). */
        public Builder body(String body) {
            this.body = body;
            return this;
        }

        /** Whether to open it as a draft. */
        public Builder draft(Boolean draft) {
            this.draft = draft;
            return this;
        }

        /** Whether maintainers of the base repository may push to the head branch. */
        public Builder maintainerCanModify(Boolean maintainerCanModify) {
            this.maintainerCanModify = maintainerCanModify;
            return this;
        }

        /** Whether to merge the pull request once it is created. */
        public Builder merge(boolean merge) {
            this.merge = merge;
            return this;
        }

        /** How to merge, with merge: merge (default), squash or rebase. */
        public Builder mergeMethod(MergeMethod mergeMethod) {
            this.mergeMethod = mergeMethod;
            return this;
        }

        /** The title of the merge commit, with merge. */
        public Builder commitTitle(String commitTitle) {
            this.commitTitle = commitTitle;
            return this;
        }

        /** Extra detail for the merge commit message, with merge. */
        public Builder commitMessage(String commitMessage) {
            this.commitMessage = commitMessage;
            return this;
        }

        /** The request; throws {@link InvalidActionArgumentsException} when a parameter is missing or invalid. */
        public CreatePullRequestRequest build() {
            return new CreatePullRequestRequest(owner, repo, title, head, base, body, draft, maintainerCanModify, merge, mergeMethod, commitTitle, commitMessage);
        }
    }
}
