/**
 * The HTTP layer every client shares: the transport
 * ({@link dev.integrations.http.HttpTransport}, one shared {@link dev.integrations.http.TransportBackend}
 * with one deadline per call: the JDK {@code HttpClient} by default), the step interface requests pass through ({@link dev.integrations.http.HttpStep}), the
 * response cache SPI ({@link dev.integrations.http.ResponseCache}), retry settings and the typed
 * exceptions of failed calls ({@link dev.integrations.http.ApiException} and its subclasses per
 * status, {@link dev.integrations.http.TransportException} when no response arrived).
 *
 * <p>The built-in steps (redirects, retries, conditional requests) are internal; the GitHub client
 * in {@code dev.integrations.github} assembles them.
 *
 * <p>Types, parameters and results are non-null unless annotated {@code @Nullable}
 * (JSpecify's {@code @NullMarked}); NullAway checks this when the module is built.
 */
@NullMarked
package dev.integrations.http;

import org.jspecify.annotations.NullMarked;
