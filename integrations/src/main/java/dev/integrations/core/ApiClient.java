package dev.integrations.core;

import java.util.Map;

/**
 * An API client for one service, built from immutable settings. Clients are immutable and
 * thread-safe; changing settings produces a new client that shares the same HTTP client.
 */
public interface ApiClient {
    /**
     * The client's name, under which containers hold it.
     *
     * @return the name, lower case, e.g. {@code "github"}
     */
    String name();

    /**
     * Returns a client whose settings are these settings with {@code changes} merged on top
     * (snake_case keys, as in the environment tables). Unknown keys are refused.
     *
     * @param changes the settings to change; a null value restores the default
     * @return a new client sharing this one's HTTP client; this one is unchanged
     * @throws ConfigurationException when a key is unknown or a value invalid
     */
    ApiClient withSettings(Map<String, ?> changes);
}
