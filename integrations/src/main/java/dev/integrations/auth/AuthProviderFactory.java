package dev.integrations.auth;


import java.util.Map;

/**
 * Creates an {@link AuthProvider} from a configuration map. Found with
 * {@link java.util.ServiceLoader} (register in
 * {@code META-INF/services/dev.integrations.auth.AuthProviderFactory}), which is how
 * {@code AuthManager.builder().provider("name", config)} and environment-only configuration find
 * providers from other modules.
 */
public interface AuthProviderFactory {
    /**
     * The provider name this factory serves.
     *
     * @return the name, lower case, e.g. {@code "github"}
     */
    String name();

    /**
     * Creates the provider. Keys absent from {@code config} are read from the context's
     * environment, then defaults.
     *
     * @param config the provider's snake_case configuration; a null value means unset
     * @param context the manager's transport, clock, environment and state store
     * @return the provider
     * @throws dev.integrations.core.ConfigurationException when the configuration is invalid
     */
    AuthProvider<?> create(Map<String, ?> config, AuthContext context);
}
