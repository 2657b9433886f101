package dev.integrations.core;

import org.jspecify.annotations.Nullable;

/**
 * Configuration is missing or invalid: an unset client id, a malformed URL in an environment
 * variable, an unknown provider name or settings key. The message names the setting and the
 * environment keys that supply it.
 */
public class ConfigurationException extends IntegrationsException {
    private static final long serialVersionUID = 1L;

    /**
     * Reports a setting that can never work.
     *
     * @param message which setting is wrong, where it came from and what to change; never its
     *     value when that is a secret
     */
    public ConfigurationException(String message) {
        super(message);
    }

    /**
     * Reports a setting that can never work, found by a parser that failed.
     *
     * @param message which setting is wrong, where it came from and what to change; never its
     *     value when that is a secret
     * @param cause the parser's failure, or null
     */
    public ConfigurationException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
