package dev.integrations.github.actions;

/** Ascending or descending. */
public enum SortDirection implements ParameterValue {
    /** Smallest first. */
    ASC("asc"),
    /** Largest first. */
    DESC("desc");

    private final String value;

    SortDirection(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }
}
