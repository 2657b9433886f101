package dev.integrations.github.actions;

/** Which repositories of the authenticated user to list, by visibility. */
public enum RepositoryVisibility implements ParameterValue {
    /** Public and private. */
    ALL("all"),
    /** Public only. */
    PUBLIC("public"),
    /** Private only. */
    PRIVATE("private");

    private final String value;

    RepositoryVisibility(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }
}
