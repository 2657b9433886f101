package dev.integrations.github.actions;

/** The order of a repository listing. */
public enum RepositorySort implements ParameterValue {
    /** By creation time. */
    CREATED("created"),
    /** By last update. */
    UPDATED("updated"),
    /** By last push. */
    PUSHED("pushed"),
    /** By owner/name. */
    FULL_NAME("full_name");

    private final String value;

    RepositorySort(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }
}
