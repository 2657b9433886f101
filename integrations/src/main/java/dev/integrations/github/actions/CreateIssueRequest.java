package dev.integrations.github.actions;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The parameters of {@code createIssue}, which opens an issue.
 * Required parameters are checked when the request is built, before anything is sent.
 *
 * @param owner Required. The account owner of the repository: a user or organization login (not case-sensitive).
 * @param repo Required. The name of the repository, without the .git extension (not case-sensitive).
 * @param title Required. The title of the issue.
 * @param body The text of the issue (Markdown).
 * @param labels Label names to set on the issue; labels that do not exist are created.
 * @param assignees Logins of the users to assign.
 * @param milestone The number of the milestone to put the issue in.
 */
public record CreateIssueRequest(
        @ActionParameter(value = "The account owner of the repository: a user or organization login (not case-sensitive).", required = true)
        String owner,
        @ActionParameter(value = "The name of the repository, without the .git extension (not case-sensitive).", required = true)
        String repo,
        @ActionParameter(value = "The title of the issue.", required = true)
        String title,
        @ActionParameter(value = "The text of the issue (Markdown).")
        String body,
        @ActionParameter(value = "Label names to set on the issue; labels that do not exist are created.")
        List<String> labels,
        @ActionParameter(value = "Logins of the users to assign.")
        List<String> assignees,
        @ActionParameter(value = "The number of the milestone to put the issue in.", minimum = 1)
        Long milestone) {
    private static final String ACTION = "createIssue";

    public CreateIssueRequest {
        Arguments.requireText(ACTION, "owner", owner);
        Arguments.requireText(ACTION, "repo", repo);
        Arguments.requireText(ACTION, "title", title);
        labels = Arguments.copy(ACTION, "labels", labels);
        assignees = Arguments.copy(ACTION, "assignees", assignees);
        Arguments.range(ACTION, "milestone", milestone, 1L, Long.MAX_VALUE);
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a request in one expression: {@code CreateIssueRequest.of(r -> r.owner(...))}. */
    public static CreateIssueRequest of(Consumer<Builder> spec) {
        Builder builder = new Builder();
        Objects.requireNonNull(spec, "spec").accept(builder);
        return builder.build();
    }

    /** Builds a {@link CreateIssueRequest}; {@link #build()} checks the parameters. */
    public static final class Builder {
        private String owner;
        private String repo;
        private String title;
        private String body;
        private List<String> labels;
        private List<String> assignees;
        private Long milestone;

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

        /** The title of the issue. */
        public Builder title(String title) {
            this.title = title;
            return this;
        }

        /** The text of the issue (Markdown). */
        public Builder body(String body) {
            this.body = body;
            return this;
        }

        /** Label names to set on the issue; labels that do not exist are created. */
        public Builder labels(List<String> labels) {
            this.labels = labels;
            return this;
        }

        /** Label names to set on the issue; labels that do not exist are created. */
        public Builder labels(String... labels) {
            this.labels = Arrays.asList(labels);
            return this;
        }

        /** Logins of the users to assign. */
        public Builder assignees(List<String> assignees) {
            this.assignees = assignees;
            return this;
        }

        /** Logins of the users to assign. */
        public Builder assignees(String... assignees) {
            this.assignees = Arrays.asList(assignees);
            return this;
        }

        /** The number of the milestone to put the issue in. */
        public Builder milestone(Long milestone) {
            this.milestone = milestone;
            return this;
        }

        /** The request; throws {@link InvalidActionArgumentsException} when a parameter is missing or invalid. */
        public CreateIssueRequest build() {
            return new CreateIssueRequest(owner, repo, title, body, labels, assignees, milestone);
        }
    }
}
