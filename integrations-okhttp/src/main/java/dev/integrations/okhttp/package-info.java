/**
 * The OkHttp transport: {@link dev.integrations.okhttp.OkHttpTransport} builds an
 * {@link dev.integrations.http.HttpTransport} whose exchanges go through one shared
 * {@code OkHttpClient} ({@link dev.integrations.okhttp.OkHttpBackend}), keeping the SDK's
 * deadlines, body limit, redirect and TLS rules.
 *
 * <p>Types, parameters and results are non-null unless annotated {@code @Nullable}
 * (JSpecify's {@code @NullMarked}); NullAway checks this when the module is built.
 */
@NullMarked
package dev.integrations.okhttp;

import org.jspecify.annotations.NullMarked;
