package dev.integrations.spi;

import dev.integrations.core.ApiClient;
import dev.integrations.core.ClientKey;

import java.util.Map;

/**
 * Builds one kind of API client from a settings map: the plug-in interface of the client role,
 * shaped like {@link dev.integrations.auth.AuthProviderFactory} on the auth side. Found with
 * {@link java.util.ServiceLoader} (register implementations in
 * {@code META-INF/services/dev.integrations.spi.ClientFactory}, or with {@code provides} in a module
 * descriptor) or passed to {@link dev.integrations.Integrations.Builder#clientFactory(ClientFactory)}.
 */
public interface ClientFactory {
    /**
     * The name under which the built clients are found, e.g. {@code "github"}; compared
     * case-insensitively (see {@link ClientKey#normalizeName}).
     *
     * @return the client name
     */
    String name();

    /**
     * Builds a client: explicit {@code settings} first, then the context's environment, then
     * defaults.
     *
     * @param settings snake_case settings, as in the environment tables
     * @param context the shared transport, clock and environment
     * @return a new client whose {@link ApiClient#name()} is {@link #name()}
     */
    ApiClient create(Map<String, ?> settings, ClientContext context);
}
