package dev.integrations.github.actions;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * The parameters of {@code createComment}, which comments on an issue or a pull request's conversation.
 * Required parameters are checked when the request is built, before anything is sent.
 *
 * @param owner Required. The account owner of the repository: a user or organization login (not case-sensitive).
 * @param repo Required. The name of the repository, without the .git extension (not case-sensitive).
 * @param issueNumber Required. The number that identifies the issue (or pull request) in the repository.
 * @param body Required. The text of the comment (Markdown).
 */
public record CreateCommentRequest(
        @ActionParameter(value = "The account owner of the repository: a user or organization login (not case-sensitive).", required = true)
        String owner,
        @ActionParameter(value = "The name of the repository, without the .git extension (not case-sensitive).", required = true)
        String repo,
        @ActionParameter(value = "The number that identifies the issue (or pull request) in the repository.", required = true)
        long issueNumber,
        @ActionParameter(value = "The text of the comment (Markdown).", required = true)
        String body) {
    private static final String ACTION = "createComment";

    public CreateCommentRequest {
        Arguments.requireText(ACTION, "owner", owner);
        Arguments.requireText(ACTION, "repo", repo);
        Arguments.requirePositive(ACTION, "issueNumber", issueNumber);
        Arguments.requireText(ACTION, "body", body);
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a request in one expression: {@code CreateCommentRequest.of(r -> r.owner(...))}. */
    public static CreateCommentRequest of(Consumer<Builder> spec) {
        Builder builder = new Builder();
        Objects.requireNonNull(spec, "spec").accept(builder);
        return builder.build();
    }

    /** Builds a {@link CreateCommentRequest}; {@link #build()} checks the parameters. */
    public static final class Builder {
        private String owner;
        private String repo;
        private long issueNumber;
        private String body;

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

        /** The number that identifies the issue (or pull request) in the repository. */
        public Builder issueNumber(long issueNumber) {
            this.issueNumber = issueNumber;
            return this;
        }

        /** The text of the comment (Markdown). */
        public Builder body(String body) {
            this.body = body;
            return this;
        }

        /** The request; throws {@link InvalidActionArgumentsException} when a parameter is missing or invalid. */
        public CreateCommentRequest build() {
            return new CreateCommentRequest(owner, repo, issueNumber, body);
        }
    }
}
