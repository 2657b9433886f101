package dev.integrations.okhttp;

import dev.integrations.http.HttpTransport;
import okhttp3.OkHttpClient;

/**
 * Transports that send through OkHttp instead of the JDK client:
 * {@code AuthManager.builder().transport(OkHttpTransport.create())}. The SDK's steps (redirects,
 * retries, headers, rate limits, the conditional cache), deadlines and body limit apply
 * unchanged; see {@link OkHttpBackend} for how the client is configured.
 */
public final class OkHttpTransport {
    private OkHttpTransport() {
    }

    /**
     * A transport on a new {@link OkHttpClient} with the SDK's settings ({@link OkHttpBackend#create()}).
     * Build one per {@code AuthManager}: every flow and session of the manager shares it and its
     * connection pool.
     *
     * @return a new transport with no steps
     */
    public static HttpTransport create() {
        return HttpTransport.of(OkHttpBackend.create());
    }

    /**
     * A transport on a client derived from the application's ({@link OkHttpBackend#of}), sharing
     * its connection pool, proxy and TLS settings.
     *
     * @param client the application's client
     * @return a new transport with no steps
     * @throws dev.integrations.core.ConfigurationException when a timeout of the client is above
     *     {@link HttpTransport#MAX_TIMEOUT}
     */
    public static HttpTransport of(OkHttpClient client) {
        return HttpTransport.of(OkHttpBackend.of(client));
    }
}
