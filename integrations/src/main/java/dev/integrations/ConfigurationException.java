package dev.integrations;

/**
 * Configuration is missing or invalid: an unset client id, a malformed URL in an environment
 * variable, an unknown provider name or settings key. The message names the setting and the
 * environment keys that supply it.
 */
public class ConfigurationException extends IntegrationsException {
    private static final long serialVersionUID = 1L;

    public ConfigurationException(String message) {
        super(message);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(message, cause);
    }
}
