package dev.integrations.github.actions;

/** What a pull request review does. */
public enum ReviewEvent implements ParameterValue {
    /** Approves the changes. */
    APPROVE("APPROVE"),
    /** Asks for changes; needs a body. */
    REQUEST_CHANGES("REQUEST_CHANGES"),
    /** Comments without approving; needs a body. */
    COMMENT("COMMENT");

    private final String value;

    ReviewEvent(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }
}
