package dev.integrations.github.actions;

/** Whether an issue is open or closed. */
public enum IssueState implements ParameterValue {
    /** Open. */
    OPEN("open"),
    /** Closed. */
    CLOSED("closed");

    private final String value;

    IssueState(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }
}
