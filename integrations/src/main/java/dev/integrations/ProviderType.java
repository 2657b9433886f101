package dev.integrations;

import java.util.Map;

/**
 * Knows how to build one kind of provider from a settings map. Found with
 * {@link java.util.ServiceLoader} (register implementations in
 * {@code META-INF/services/dev.integrations.ProviderType}) or passed to
 * {@link Integrations.Builder#providerType(ProviderType)}.
 *
 * @param <P> the provider type
 */
public interface ProviderType<P extends Provider> {
    /** The key under which the built providers are found. */
    ProviderKey<P> key();

    /**
     * Builds a provider: explicit {@code settings} first, then the context's environment, then
     * defaults.
     */
    P create(Map<String, ?> settings, ProviderContext context);
}
