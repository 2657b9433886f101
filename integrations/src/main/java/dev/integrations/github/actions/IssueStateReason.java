package dev.integrations.github.actions;

/** Why an issue changed state; ignored unless the state changes. */
public enum IssueStateReason implements ParameterValue {
    /** Closed as done. */
    COMPLETED("completed"),
    /** Closed as not planned. */
    NOT_PLANNED("not_planned"),
    /** Closed as a duplicate. */
    DUPLICATE("duplicate"),
    /** Reopened. */
    REOPENED("reopened");

    private final String value;

    IssueStateReason(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }
}
