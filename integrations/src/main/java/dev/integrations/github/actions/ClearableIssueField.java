package dev.integrations.github.actions;

/**
 * An issue field that {@code updateIssue} can clear by sending JSON {@code null}, as GitHub's
 * "Update an issue" accepts (https://docs.github.com/en/rest/issues/issues#update-an-issue).
 */
public enum ClearableIssueField implements ParameterValue {
    /** Removes the issue from its milestone. */
    MILESTONE("milestone"),
    /** Removes the assignee (GitHub's single {@code assignee} field). */
    ASSIGNEE("assignee"),
    /** Empties the issue's text. */
    BODY("body");

    private final String value;

    ClearableIssueField(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }
}
