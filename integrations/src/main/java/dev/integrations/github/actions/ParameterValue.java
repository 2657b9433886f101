package dev.integrations.github.actions;

/**
 * An enum constant of an action parameter, with the exact spelling GitHub expects on the wire
 * (some are lower case, {@code open}; some upper case, {@code APPROVE}; some camel case,
 * {@code EuropeWest}).
 */
public interface ParameterValue {
    /**
     * The value as GitHub spells it.
     *
     * @return the value sent to GitHub
     */
    String value();
}
