package dev.integrations.auth;


import dev.integrations.core.ConfigurationException;

import java.util.Set;

/** A provider name that this {@link dev.integrations.AuthManager} does not know. The message lists the known ones. */
public class UnknownProviderException extends ConfigurationException {
    private static final long serialVersionUID = 1L;

    /**
     * Reports a provider name the manager does not know, listing the ones it does.
     *
     * @param name the name asked for
     * @param known the names of the configured providers
     */
    public UnknownProviderException(String name, Set<String> known) {
        super("Unknown provider '" + name + "'; this AuthManager knows " + known
                + ". Configure it with AuthManager.builder().provider(name, config) or add its module to the class path.");
    }
}
