package dev.integrations.github.actions;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The parameters of {@code addLabelsToIssue}, which adds labels to an issue, keeping the ones it has.
 * Required parameters are checked when the request is built, before anything is sent.
 *
 * @param owner Required. The account owner of the repository: a user or organization login (not case-sensitive).
 * @param repo Required. The name of the repository, without the .git extension (not case-sensitive).
 * @param issueNumber Required. The number that identifies the issue (or pull request) in the repository.
 * @param labels Required. The label names to add; labels that do not exist are created.
 */
public record AddLabelsToIssueRequest(
        @ActionParameter(value = "The account owner of the repository: a user or organization login (not case-sensitive).", required = true)
        String owner,
        @ActionParameter(value = "The name of the repository, without the .git extension (not case-sensitive).", required = true)
        String repo,
        @ActionParameter(value = "The number that identifies the issue (or pull request) in the repository.", required = true)
        long issueNumber,
        @ActionParameter(value = "The label names to add; labels that do not exist are created.", required = true)
        List<String> labels) {
    private static final String ACTION = "addLabelsToIssue";

    public AddLabelsToIssueRequest {
        Arguments.requireText(ACTION, "owner", owner);
        Arguments.requireText(ACTION, "repo", repo);
        Arguments.requirePositive(ACTION, "issueNumber", issueNumber);
        labels = Arguments.requireNonEmpty(ACTION, "labels", labels);
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a request in one expression: {@code AddLabelsToIssueRequest.of(r -> r.owner(...))}. */
    public static AddLabelsToIssueRequest of(Consumer<Builder> spec) {
        Builder builder = new Builder();
        Objects.requireNonNull(spec, "spec").accept(builder);
        return builder.build();
    }

    /** Builds a {@link AddLabelsToIssueRequest}; {@link #build()} checks the parameters. */
    public static final class Builder {
        private String owner;
        private String repo;
        private long issueNumber;
        private List<String> labels;

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

        /** The label names to add; labels that do not exist are created. */
        public Builder labels(List<String> labels) {
            this.labels = labels;
            return this;
        }

        /** The label names to add; labels that do not exist are created. */
        public Builder labels(String... labels) {
            this.labels = Arrays.asList(labels);
            return this;
        }

        /** The request; throws {@link InvalidActionArgumentsException} when a parameter is missing or invalid. */
        public AddLabelsToIssueRequest build() {
            return new AddLabelsToIssueRequest(owner, repo, issueNumber, labels);
        }
    }
}
