package dev.integrations.okhttp;

import dev.integrations.core.ConfigurationException;
import dev.integrations.http.HttpResult;
import dev.integrations.http.HttpTransport;
import dev.integrations.http.TransportBackend;
import dev.integrations.http.TransportException;
import dev.integrations.http.TransportTimeoutException;
import okhttp3.Call;
import okhttp3.Headers;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.SocketTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jspecify.annotations.Nullable;

/**
 * A {@link TransportBackend} on one shared {@link OkHttpClient}: synchronous calls on the
 * caller's thread (no selector or executor hand-off per exchange, which is most of what the JDK
 * client costs on a fast network), OkHttp's connection pool, HTTP/2 over TLS where the server
 * offers it and HTTP/1.1 without any upgrade on plain {@code http://}.
 *
 * <p>The client is configured to keep the SDK's rules: it follows no redirects itself
 * ({@code followRedirects(false)}, {@code followSslRedirects(false)}: the SDK's redirect step
 * does, and drops credentials on a change of host), it does not silently repeat a request after
 * a connection failure ({@code retryOnConnectionFailure(false)}: the SDK's retry step decides,
 * and never repeats a write), and each call's {@code callTimeout} is the request's deadline,
 * covering connecting, the headers and the whole body. Bodies are read up to the limit and no
 * further. TLS is OkHttp's default: the platform's trust store and hostname verification.
 *
 * <p>An interrupted caller is noticed before the call and between reads; a read blocked on a
 * silent socket ends at the deadline (blocking sockets on platform threads cannot be interrupted).
 */
public final class OkHttpBackend implements TransportBackend {
    /** The connect timeout of {@link #create()}, as the JDK transport's. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);

    /** Methods OkHttp refuses without a body (its own list is internal API). */
    private static final java.util.Set<String> REQUIRES_BODY = java.util.Set.of("POST", "PUT", "PATCH", "PROPPATCH",
            "REPORT", "QUERY");

    /** Bound of the URL cache: past it the cache starts over, so ids in paths cannot grow it without limit. */
    private static final int MAX_URLS = 1024;
    // Both caches below live as long as the backend, like its connection pool.

    private final OkHttpClient client;
    /**
     * Request URIs already converted: OkHttp's URL parser (with IDN mapping) costs more than the
     * rest of the conversion, and the SDK sends most calls to a few URIs (it hands out the same
     * {@code URI} instance for the same path).
     */
    private final java.util.concurrent.ConcurrentMap<java.net.URI, HttpUrl> urls = new java.util.concurrent.ConcurrentHashMap<>();
    /**
     * The last request headers converted, and the result: the SDK's clients share one
     * {@code HttpHeaders} instance across a session's requests, and OkHttp validates every header
     * it is given, so a repeat costs nothing. A race only converts twice.
     */
    private volatile @Nullable ConvertedHeaders lastHeaders;

    private record ConvertedHeaders(HttpHeaders jdk, Headers okHttp) {
        /** Never the headers: they carry the Authorization header. */
        @Override
        public String toString() {
            return "ConvertedHeaders[" + okHttp.size() + " headers]";
        }
    }

    private OkHttpBackend(OkHttpClient client) {
        this.client = client;
    }

    /**
     * A backend on a new client with the SDK's settings: a 10 second connect timeout, no read or
     * write timeout of its own (each call's deadline bounds everything), no redirects, no silent
     * retries.
     *
     * @return a new backend; share it (through one {@link HttpTransport}) rather than creating many
     */
    public static OkHttpBackend create() {
        return of(new OkHttpClient.Builder()
                .connectTimeout(DEFAULT_CONNECT_TIMEOUT)
                .readTimeout(Duration.ZERO)
                .writeTimeout(Duration.ZERO)
                .build());
    }

    /**
     * A backend on a client derived from {@code client} (sharing its connection pool, dispatcher,
     * interceptors, proxy and TLS settings) with redirects and silent retries turned off.
     *
     * @param client the application's client, for example one with a proxy or custom TLS
     * @return a backend on the derived client
     * @throws ConfigurationException when the client's connect, read or write timeout is above
     *     {@link HttpTransport#MAX_TIMEOUT}
     */
    public static OkHttpBackend of(OkHttpClient client) {
        Objects.requireNonNull(client, "client");
        checkTimeout("connect", client.connectTimeoutMillis());
        checkTimeout("read", client.readTimeoutMillis());
        checkTimeout("write", client.writeTimeoutMillis());
        return new OkHttpBackend(client.newBuilder()
                .followRedirects(false)
                .followSslRedirects(false)
                .retryOnConnectionFailure(false)
                .build());
    }

    private static void checkTimeout(String which, int millis) {
        if (millis > HttpTransport.MAX_TIMEOUT.toMillis()) {
            throw new ConfigurationException("The OkHttpClient given to the SDK has a " + which + " timeout of "
                    + Duration.ofMillis(millis) + ", above the maximum of " + HttpTransport.MAX_TIMEOUT
                    + "; build it with a smaller one (each call's deadline bounds the whole exchange anyway)");
        }
    }

    /**
     * The client exchanges go through, shared by every session of the transport.
     *
     * @return the client, with redirects and silent retries off
     */
    public OkHttpClient client() {
        return client;
    }

    @Override
    public String name() {
        return "okhttp";
    }

    @Override
    public HttpResult exchange(HttpRequest request, Duration deadline, int maxBodyBytes) {
        if (Thread.currentThread().isInterrupted()) {
            throw TransportBackend.interrupted(request, new InterruptedException("interrupted before sending"));
        }
        long started = System.nanoTime();
        Request okRequest = toOkHttp(request, deadline, started);
        Call call = client.newCall(okRequest);
        call.timeout().timeout(remaining(deadline, started), TimeUnit.NANOSECONDS);
        try (Response response = call.execute()) {
            HttpHeaders headers = HttpHeaders.of(headerMap(response.headers()), (name, value) -> true);
            byte[] body = readBounded(response.body(), request, maxBodyBytes);
            return new HttpResult(request, response.code(), headers, body);
        } catch (IOException e) {
            throw translate(e, call, request, deadline);
        }
    }

    private static TransportException translate(IOException e, Call call, HttpRequest request, Duration deadline) {
        if (Thread.currentThread().isInterrupted()) {
            return TransportBackend.interrupted(request, e);
        }
        if (call.isCanceled()) {
            // The call's timeout cancels it: that is the only way this backend's calls are cancelled.
            return TransportBackend.timedOut(request, deadline, e);
        }
        if (e instanceof SocketTimeoutException && e.getMessage() != null && e.getMessage().contains("connect")) {
            return new TransportTimeoutException("Could not connect for " + TransportBackend.describe(request)
                    + " in time: check the URL and your network", deadline, e);
        }
        if (e instanceof SocketTimeoutException) {
            return TransportBackend.timedOut(request, deadline, e);
        }
        if (e instanceof java.io.InterruptedIOException) {
            // Neither the deadline nor a socket timeout: OkHttp saw the interrupt (and cleared it
            // while waiting); give the caller its interrupt status back.
            Thread.currentThread().interrupt();
            return TransportBackend.interrupted(request, e);
        }
        return TransportBackend.failed(request, e);
    }

    private static long remaining(Duration deadline, long started) {
        return Math.max(1, deadline.toNanos() - (System.nanoTime() - started));
    }

    /** The body, read up to the limit: a larger one is refused without reading the rest. */
    private static byte[] readBounded(ResponseBody body, HttpRequest request, int maxBodyBytes) throws IOException {
        long length = body.contentLength();
        if (length > maxBodyBytes) {
            throw TransportBackend.tooLarge(request, maxBodyBytes);
        }
        BufferedSource source = body.source();
        if (length >= 0) {
            return source.readByteArray(length);
        }
        Buffer buffer = new Buffer();
        while (source.read(buffer, 8192) != -1) {
            if (buffer.size() > maxBodyBytes) {
                throw TransportBackend.tooLarge(request, maxBodyBytes);
            }
        }
        return buffer.readByteArray();
    }

    /** The response headers in a case-insensitive map, as {@link HttpHeaders#of} requires. */
    private static Map<String, List<String>> headerMap(Headers headers) {
        Map<String, List<String>> map = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (int i = 0, size = headers.size(); i < size; i++) {
            map.computeIfAbsent(headers.name(i), name -> new ArrayList<>(1)).add(headers.value(i));
        }
        return map;
    }

    private Request toOkHttp(HttpRequest request, Duration deadline, long started) {
        Request.Builder builder = new Request.Builder().url(url(request.uri())).headers(headers(request.headers()));
        String method = request.method();
        builder.method(method, body(request, method, deadline, started));
        return builder.build();
    }

    private HttpUrl url(java.net.URI uri) {
        if (uri.getRawQuery() != null) {
            // Not kept: a query may carry search terms an application would not expect to linger.
            return HttpUrl.get(uri.toString());
        }
        HttpUrl url = urls.get(uri);
        if (url == null) {
            url = HttpUrl.get(uri.toString());
            if (urls.size() >= MAX_URLS) {
                urls.clear();
            }
            urls.put(uri, url);
        }
        return url;
    }

    private Headers headers(HttpHeaders headers) {
        ConvertedHeaders last = lastHeaders;
        if (last != null && last.jdk() == headers) {
            return last.okHttp();
        }
        Headers.Builder converted = new Headers.Builder();
        for (Map.Entry<String, List<String>> header : headers.map().entrySet()) {
            for (String value : header.getValue()) {
                converted.add(header.getKey(), value);
            }
        }
        Headers result = converted.build();
        lastHeaders = new ConvertedHeaders(headers, result);
        return result;
    }

    /**
     * The request body as OkHttp wants it: null for a bodiless {@code GET}, {@code HEAD} or
     * {@code DELETE}, else the publisher's bytes. Without a media type, so the request's own
     * {@code Content-Type} header goes out unchanged.
     */
    private static @Nullable RequestBody body(HttpRequest request, String method, Duration deadline, long started) {
        HttpRequest.BodyPublisher publisher = request.bodyPublisher().orElse(null);
        if (publisher == null || publisher.contentLength() == 0) {
            return REQUIRES_BODY.contains(method) ? RequestBody.create(new byte[0], null) : null;
        }
        return RequestBody.create(collect(publisher, request, deadline, started), null);
    }

    /** The publisher's bytes; the SDK's publishers are in memory and deliver at once. */
    private static byte[] collect(HttpRequest.BodyPublisher publisher, HttpRequest request, Duration deadline, long started) {
        long length = publisher.contentLength();
        ByteArrayOutputStream out = new ByteArrayOutputStream(length > 0 && length < Integer.MAX_VALUE ? (int) length : 256);
        CompletableFuture<byte[]> done = new CompletableFuture<>();
        publisher.subscribe(new Flow.Subscriber<ByteBuffer>() {
            @Override
            public void onSubscribe(Flow.Subscription subscription) {
                subscription.request(Long.MAX_VALUE);
            }

            @Override
            public void onNext(ByteBuffer item) {
                byte[] chunk = new byte[item.remaining()];
                item.get(chunk);
                out.write(chunk, 0, chunk.length);
            }

            @Override
            public void onError(Throwable throwable) {
                done.completeExceptionally(throwable);
            }

            @Override
            public void onComplete() {
                done.complete(out.toByteArray());
            }
        });
        try {
            return done.get(remaining(deadline, started), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw TransportBackend.interrupted(request, e);
        } catch (TimeoutException e) {
            throw TransportBackend.timedOut(request, deadline, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw new TransportException(TransportBackend.describe(request) + " failed: its request body could not be"
                    + " read (" + cause.getClass().getSimpleName() + ")", cause);
        }
    }

    @Override
    public String toString() {
        return "OkHttpBackend[" + client.protocols() + "]";
    }
}
