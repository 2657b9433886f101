package dev.integrations.github.actions;

/** The geographic area of a new codespace. */
public enum CodespaceGeo implements ParameterValue {
    /** Western Europe. */
    EUROPE_WEST("EuropeWest"),
    /** Southeast Asia. */
    SOUTHEAST_ASIA("SoutheastAsia"),
    /** Eastern United States. */
    US_EAST("UsEast"),
    /** Western United States. */
    US_WEST("UsWest");

    private final String value;

    CodespaceGeo(String value) {
        this.value = value;
    }

    @Override
    public String value() {
        return value;
    }
}
