/**
 * integrations-okhttp: an optional {@link dev.integrations.http.TransportBackend} on OkHttp for
 * integrations-java. Start at {@link dev.integrations.okhttp.OkHttpTransport}.
 */
module dev.integrations.okhttp {
    requires transitive dev.integrations;      // HttpTransport and TransportBackend appear in the API
    requires transitive okhttp3;               // OkHttpClient appears in the API
    requires okio;
    requires static org.jspecify;

    exports dev.integrations.okhttp;
}
