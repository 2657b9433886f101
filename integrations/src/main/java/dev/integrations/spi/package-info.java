/**
 * The plug-in interface for API clients: implement {@link dev.integrations.spi.ClientFactory} and
 * publish it with {@link java.util.ServiceLoader} (or pass it to
 * {@link dev.integrations.Integrations.Builder#clientFactory(dev.integrations.spi.ClientFactory)});
 * it receives a {@link dev.integrations.spi.ClientContext} with the shared transport, clock and
 * environment.
 *
 * <p>It sits above {@code dev.integrations.core} and {@code dev.integrations.http} (the context
 * carries the transport) and below the packages that build clients.
 *
 * <p>Types, parameters and results are non-null unless annotated {@code @Nullable}
 * (JSpecify's {@code @NullMarked}); NullAway checks this when the module is built.
 */
@NullMarked
package dev.integrations.spi;

import org.jspecify.annotations.NullMarked;
