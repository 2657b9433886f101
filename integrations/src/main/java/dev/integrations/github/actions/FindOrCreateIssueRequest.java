package dev.integrations.github.actions;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The parameters of {@code findOrCreateIssue}, which finds an issue whose title is exactly {@code title} (open or closed) with GitHub's issue search, or opens one. The search index lags behind by seconds, so an issue created just before may not be found.
 * Required parameters are checked when the request is built, before anything is sent.
 *
 * @param owner Required. The account owner of the repository: a user or organization login (not case-sensitive).
 * @param repo Required. The name of the repository, without the .git extension (not case-sensitive).
 * @param title Required. The exact title to look for, and the title of the new issue.
 * @param body The text of the new issue, if one is created.
 * @param labels Labels for the new issue, if one is created.
 * @param assignees Assignees for the new issue, if one is created.
 */
public record FindOrCreateIssueRequest(
        @ActionParameter(value = "The account owner of the repository: a user or organization login (not case-sensitive).", required = true)
        String owner,
        @ActionParameter(value = "The name of the repository, without the .git extension (not case-sensitive).", required = true)
        String repo,
        @ActionParameter(value = "The exact title to look for, and the title of the new issue.", required = true)
        String title,
        @ActionParameter(value = "The text of the new issue, if one is created.")
        String body,
        @ActionParameter(value = "Labels for the new issue, if one is created.")
        List<String> labels,
        @ActionParameter(value = "Assignees for the new issue, if one is created.")
        List<String> assignees) {
    private static final String ACTION = "findOrCreateIssue";

    public FindOrCreateIssueRequest {
        Arguments.requireText(ACTION, "owner", owner);
        Arguments.requireText(ACTION, "repo", repo);
        Arguments.requireText(ACTION, "title", title);
        labels = Arguments.copy(ACTION, "labels", labels);
        assignees = Arguments.copy(ACTION, "assignees", assignees);
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a request in one expression: {@code FindOrCreateIssueRequest.of(r -> r.owner(...))}. */
    public static FindOrCreateIssueRequest of(Consumer<Builder> spec) {
        Builder builder = new Builder();
        Objects.requireNonNull(spec, "spec").accept(builder);
        return builder.build();
    }

    /** Builds a {@link FindOrCreateIssueRequest}; {@link #build()} checks the parameters. */
    public static final class Builder {
        private String owner;
        private String repo;
        private String title;
        private String body;
        private List<String> labels;
        private List<String> assignees;

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

        /** The exact title to look for, and the title of the new issue. */
        public Builder title(String title) {
            this.title = title;
            return this;
        }

        /** The text of the new issue, if one is created. */
        public Builder body(String body) {
            this.body = body;
            return this;
        }

        /** Labels for the new issue, if one is created. */
        public Builder labels(List<String> labels) {
            this.labels = labels;
            return this;
        }

        /** Labels for the new issue, if one is created. */
        public Builder labels(String... labels) {
            this.labels = Arrays.asList(labels);
            return this;
        }

        /** Assignees for the new issue, if one is created. */
        public Builder assignees(List<String> assignees) {
            this.assignees = assignees;
            return this;
        }

        /** Assignees for the new issue, if one is created. */
        public Builder assignees(String... assignees) {
            this.assignees = Arrays.asList(assignees);
            return this;
        }

        /** The request; throws {@link InvalidActionArgumentsException} when a parameter is missing or invalid. */
        public FindOrCreateIssueRequest build() {
            return new FindOrCreateIssueRequest(owner, repo, title, body, labels, assignees);
        }
    }
}
