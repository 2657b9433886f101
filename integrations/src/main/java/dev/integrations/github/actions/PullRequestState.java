package dev.integrations.github.actions;

/** Whether a pull request is open or closed. */
public enum PullRequestState implements ParameterValue {
    /** Open. */
    OPEN("open"),
    /** Closed without merging. */
    CLOSED("closed");

    private final String value;

    PullRequestState(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }
}
