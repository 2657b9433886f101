package dev.integrations.github.actions;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The parameters of {@code updateIssue}, which changes an issue; parameters left out stay as they are.
 * Required parameters are checked when the request is built, before anything is sent.
 *
 * @param owner Required. The account owner of the repository: a user or organization login (not case-sensitive).
 * @param repo Required. The name of the repository, without the .git extension (not case-sensitive).
 * @param issueNumber Required. The number that identifies the issue (or pull request) in the repository.
 * @param title The new title.
 * @param body The new text (Markdown).
 * @param state Open or close the issue.
 * @param stateReason Why the state changes.
 * @param labels Label names replacing the current ones; an empty list removes all.
 * @param assignees Logins replacing the current assignees; an empty list removes all.
 * @param milestone The number of the milestone to move the issue to.
 * @param clear Fields to clear, sent as JSON null: milestone, assignee, body; not together with a new value for the same field.
 */
public record UpdateIssueRequest(
        @ActionParameter(value = "The account owner of the repository: a user or organization login (not case-sensitive).", required = true)
        String owner,
        @ActionParameter(value = "The name of the repository, without the .git extension (not case-sensitive).", required = true)
        String repo,
        @ActionParameter(value = "The number that identifies the issue (or pull request) in the repository.", required = true)
        long issueNumber,
        @ActionParameter(value = "The new title.")
        String title,
        @ActionParameter(value = "The new text (Markdown).")
        String body,
        @ActionParameter(value = "Open or close the issue.")
        IssueState state,
        @ActionParameter(value = "Why the state changes.")
        IssueStateReason stateReason,
        @ActionParameter(value = "Label names replacing the current ones; an empty list removes all.")
        List<String> labels,
        @ActionParameter(value = "Logins replacing the current assignees; an empty list removes all.")
        List<String> assignees,
        @ActionParameter(value = "The number of the milestone to move the issue to.", minimum = 1)
        Long milestone,
        @ActionParameter(value = "Fields to clear, sent as JSON null: milestone, assignee, body; not together with a new value for the same field.")
        List<ClearableIssueField> clear) {
    private static final String ACTION = "updateIssue";

    /** Checks the parameters; throws {@link InvalidActionArgumentsException} when one is missing, invalid or contradicts another. */
    public UpdateIssueRequest {
        Arguments.requireText(ACTION, "owner", owner);
        Arguments.requireText(ACTION, "repo", repo);
        Arguments.requirePositive(ACTION, "issueNumber", issueNumber);
        labels = Arguments.copy(ACTION, "labels", labels);
        assignees = Arguments.copy(ACTION, "assignees", assignees);
        Arguments.range(ACTION, "milestone", milestone, 1L, Long.MAX_VALUE);
        if (clear != null) {
            Set<ClearableIssueField> fields = EnumSet.noneOf(ClearableIssueField.class);
            for (ClearableIssueField field : clear) {
                Arguments.check(field != null, ACTION, "clear", "'clear' must not contain null entries");
                fields.add(field);
            }
            clear = List.copyOf(fields);
            Arguments.check(!(fields.contains(ClearableIssueField.MILESTONE) && milestone != null), ACTION, "clear",
                    "'milestone' is both set and cleared; drop one of them");
            Arguments.check(!(fields.contains(ClearableIssueField.BODY) && body != null), ACTION, "clear",
                    "'body' is both set and cleared; drop one of them");
            Arguments.check(!(fields.contains(ClearableIssueField.ASSIGNEE) && assignees != null), ACTION, "clear",
                    "'assignee' is cleared while 'assignees' is set; use one of them (an empty 'assignees' also removes all)");
        }
    }

    /**
     * Whether {@code field} is to be cleared.
     *
     * @param field a clearable field
     * @return true when it is sent as JSON null
     */
    public boolean clears(ClearableIssueField field) {
        return clear != null && clear.contains(field);
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a request in one expression: {@code UpdateIssueRequest.of(r -> r.owner(...))}. */
    public static UpdateIssueRequest of(Consumer<Builder> spec) {
        Builder builder = new Builder();
        Objects.requireNonNull(spec, "spec").accept(builder);
        return builder.build();
    }

    /** Builds a {@link UpdateIssueRequest}; {@link #build()} checks the parameters. */
    public static final class Builder {
        private String owner;
        private String repo;
        private long issueNumber;
        private String title;
        private String body;
        private IssueState state;
        private IssueStateReason stateReason;
        private List<String> labels;
        private List<String> assignees;
        private Long milestone;
        private final Set<ClearableIssueField> clear = EnumSet.noneOf(ClearableIssueField.class);

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

        /** The new title. */
        public Builder title(String title) {
            this.title = title;
            return this;
        }

        /** The new text (Markdown). */
        public Builder body(String body) {
            this.body = body;
            return this;
        }

        /** Open or close the issue. */
        public Builder state(IssueState state) {
            this.state = state;
            return this;
        }

        /** Why the state changes. */
        public Builder stateReason(IssueStateReason stateReason) {
            this.stateReason = stateReason;
            return this;
        }

        /** Label names replacing the current ones; an empty list removes all. */
        public Builder labels(List<String> labels) {
            this.labels = labels;
            return this;
        }

        /** Label names replacing the current ones; an empty list removes all. */
        public Builder labels(String... labels) {
            this.labels = Arrays.asList(labels);
            return this;
        }

        /** Logins replacing the current assignees; an empty list removes all. */
        public Builder assignees(List<String> assignees) {
            this.assignees = assignees;
            return this;
        }

        /** Logins replacing the current assignees; an empty list removes all. */
        public Builder assignees(String... assignees) {
            this.assignees = Arrays.asList(assignees);
            return this;
        }

        /** The number of the milestone to move the issue to. */
        public Builder milestone(Long milestone) {
            this.milestone = milestone;
            return this;
        }

        /** Fields to clear, sent as JSON null (added to those already chosen). */
        public Builder clear(ClearableIssueField... fields) {
            clear.addAll(Arrays.asList(fields));
            return this;
        }

        /** Removes the issue from its milestone (sends {@code "milestone": null}). */
        public Builder clearMilestone() {
            return clear(ClearableIssueField.MILESTONE);
        }

        /** Removes the assignee (sends {@code "assignee": null}). */
        public Builder clearAssignee() {
            return clear(ClearableIssueField.ASSIGNEE);
        }

        /** Empties the issue's text (sends {@code "body": null}). */
        public Builder clearBody() {
            return clear(ClearableIssueField.BODY);
        }

        /** The request; throws {@link InvalidActionArgumentsException} when a parameter is missing or invalid. */
        public UpdateIssueRequest build() {
            return new UpdateIssueRequest(owner, repo, issueNumber, title, body, state, stateReason, labels, assignees, milestone,
                    clear.isEmpty() ? null : List.copyOf(clear));
        }
    }
}
