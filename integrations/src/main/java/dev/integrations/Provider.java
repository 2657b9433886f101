package dev.integrations;

import java.util.Map;

/**
 * An API client for one service, built from immutable settings. Providers are immutable and
 * thread-safe; changing settings produces a new provider that shares the same HTTP client.
 */
public interface Provider {
    /** The provider's name, lower case, e.g. {@code "github"}. */
    String name();

    /**
     * Returns a provider whose settings are these settings with {@code changes} merged on top
     * (snake_case keys, as in the environment tables). Unknown keys are refused.
     */
    Provider withSettings(Map<String, ?> changes);
}
