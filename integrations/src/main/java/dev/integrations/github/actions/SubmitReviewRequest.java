package dev.integrations.github.actions;

import java.util.Objects;
import java.util.function.Consumer;

/**
 * The parameters of {@code submitReview}, which submits a review of a pull request: approve, request changes or comment.
 * Required parameters are checked when the request is built, before anything is sent.
 *
 * @param owner Required. The account owner of the repository: a user or organization login (not case-sensitive).
 * @param repo Required. The name of the repository, without the .git extension (not case-sensitive).
 * @param pullNumber Required. The number that identifies the pull request in the repository.
 * @param event Required. The review's verdict: APPROVE, REQUEST_CHANGES or COMMENT.
 * @param body The review text; required for REQUEST_CHANGES and COMMENT.
 * @param commitId The commit being reviewed; default: the latest commit of the pull request.
 */
public record SubmitReviewRequest(
        @ActionParameter(value = "The account owner of the repository: a user or organization login (not case-sensitive).", required = true)
        String owner,
        @ActionParameter(value = "The name of the repository, without the .git extension (not case-sensitive).", required = true)
        String repo,
        @ActionParameter(value = "The number that identifies the pull request in the repository.", required = true)
        long pullNumber,
        @ActionParameter(value = "The review's verdict: APPROVE, REQUEST_CHANGES or COMMENT.", required = true)
        ReviewEvent event,
        @ActionParameter(value = "The review text; required for REQUEST_CHANGES and COMMENT.")
        String body,
        @ActionParameter(value = "The commit being reviewed; default: the latest commit of the pull request.")
        String commitId) {
    private static final String ACTION = "submitReview";

    public SubmitReviewRequest {
        Arguments.requireText(ACTION, "owner", owner);
        Arguments.requireText(ACTION, "repo", repo);
        Arguments.requirePositive(ACTION, "pullNumber", pullNumber);
        Arguments.requirePresent(ACTION, "event", event);
        Arguments.check(event == ReviewEvent.APPROVE || (body != null && !body.isBlank()), ACTION, "body",
                "'body' is required when 'event' is " + event.value());
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a request in one expression: {@code SubmitReviewRequest.of(r -> r.owner(...))}. */
    public static SubmitReviewRequest of(Consumer<Builder> spec) {
        Builder builder = new Builder();
        Objects.requireNonNull(spec, "spec").accept(builder);
        return builder.build();
    }

    /** Builds a {@link SubmitReviewRequest}; {@link #build()} checks the parameters. */
    public static final class Builder {
        private String owner;
        private String repo;
        private long pullNumber;
        private ReviewEvent event;
        private String body;
        private String commitId;

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

        /** The review's verdict: APPROVE, REQUEST_CHANGES or COMMENT. */
        public Builder event(ReviewEvent event) {
            this.event = event;
            return this;
        }

        /** The review text; required for REQUEST_CHANGES and COMMENT. */
        public Builder body(String body) {
            this.body = body;
            return this;
        }

        /** The commit being reviewed; default: the latest commit of the pull request. */
        public Builder commitId(String commitId) {
            this.commitId = commitId;
            return this;
        }

        /** The request; throws {@link InvalidActionArgumentsException} when a parameter is missing or invalid. */
        public SubmitReviewRequest build() {
            return new SubmitReviewRequest(owner, repo, pullNumber, event, body, commitId);
        }
    }
}
