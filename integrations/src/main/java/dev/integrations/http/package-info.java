/**
 * The HTTP layer every client shares: the transport
 * ({@link dev.integrations.http.HttpTransport}, one JDK {@code HttpClient} with one deadline per
 * call), the step interface requests pass through ({@link dev.integrations.http.HttpStep}), the
 * response cache SPI ({@link dev.integrations.http.ResponseCache}), retry settings and the typed
 * exceptions of failed calls ({@link dev.integrations.http.ApiException} and its subclasses per
 * status, {@link dev.integrations.http.TransportException} when no response arrived).
 *
 * <p>The built-in steps (redirects, retries, conditional requests) are internal; the GitHub client
 * in {@code dev.integrations.github} assembles them.
 */
package dev.integrations.http;
