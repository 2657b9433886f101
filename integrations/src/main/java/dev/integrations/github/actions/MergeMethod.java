package dev.integrations.github.actions;

/** How a pull request is merged. */
public enum MergeMethod implements ParameterValue {
    /** A merge commit. */
    MERGE("merge"),
    /** One squashed commit. */
    SQUASH("squash"),
    /** The commits rebased onto the base branch. */
    REBASE("rebase");

    private final String value;

    MergeMethod(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }
}
