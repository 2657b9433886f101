package dev.integrations.http;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

/**
 * The default backend, on the JDK's {@link HttpClient}. It lives here rather than in
 * {@code dev.integrations.internal.http} because {@link HttpTransport#create()} builds it, and the
 * internal package already depends on this one (a cycle otherwise).
 *
 * <p>Plain {@code http://} requests go out as HTTP/1.1: a client left at its default version
 * (HTTP/2) otherwise adds {@code Connection: Upgrade, HTTP2-Settings} and {@code Upgrade: h2c} to
 * every plain-HTTP request, which servers must parse and mostly ignore. Over TLS the client
 * negotiates HTTP/2 by ALPN where the server offers it.
 */
final class JdkBackend implements TransportBackend {
    private final HttpClient client;
    /** When the client itself is pinned to HTTP/1.1, no request needs its version changed. */
    private final boolean clientIsHttp11;

    JdkBackend(HttpClient client) {
        this.client = client;
        this.clientIsHttp11 = client.version() == HttpClient.Version.HTTP_1_1;
    }

    HttpClient client() {
        return client;
    }

    @Override
    public String name() {
        return "jdk";
    }

    /**
     * Sends one exchange under one deadline: it bounds connecting, the response headers and the
     * whole body together. The JDK's own {@code HttpRequest.timeout} stops at the headers, so a
     * server that sends headers and then stalls (or trickles a byte now and then) would otherwise
     * block the caller forever.
     */
    @Override
    public HttpResult exchange(HttpRequest request, Duration deadline, int maxBodyBytes) {
        if (Thread.currentThread().isInterrupted()) {
            // Checked first: a fast exchange can complete before get() would look at the flag.
            throw TransportBackend.interrupted(request, new InterruptedException("interrupted before sending"));
        }
        HttpRequest sent = http11OnPlainHttp(request);
        AtomicReference<LimitedBodySubscriber> subscriber = new AtomicReference<>();
        CompletableFuture<HttpResponse<byte[]>> exchange = client.sendAsync(sent, info -> {
            LimitedBodySubscriber body = new LimitedBodySubscriber(maxBodyBytes);
            subscriber.set(body);
            return body;
        });
        try {
            HttpResponse<byte[]> response = exchange.get(deadline.toNanos(), TimeUnit.NANOSECONDS);
            // The body handler ran before the response completed; null would mean no body was read.
            LimitedBodySubscriber body = subscriber.get();
            if (body != null && body.exceeded()) {
                throw TransportBackend.tooLarge(request, maxBodyBytes);
            }
            return new HttpResult(request, response.statusCode(), response.headers(), response.body());
        } catch (TimeoutException e) {
            cancel(exchange, subscriber.get(), e);
            throw TransportBackend.timedOut(request, deadline, e);
        } catch (InterruptedException e) {
            cancel(exchange, subscriber.get(), e);
            Thread.currentThread().interrupt();
            throw TransportBackend.interrupted(request, e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof HttpConnectTimeoutException) {
                throw new TransportTimeoutException("Could not connect for " + TransportBackend.describe(request)
                        + " in time: check the URL and your network", deadline, cause);
            }
            if (cause instanceof HttpTimeoutException) {
                throw TransportBackend.timedOut(request, deadline, cause);
            }
            if (cause instanceof IOException) {
                throw TransportBackend.failed(request, cause);
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new TransportException(TransportBackend.describe(request) + " failed: "
                    + cause.getClass().getSimpleName(), cause);
        } catch (CancellationException e) {
            throw new TransportException(TransportBackend.describe(request) + " was cancelled", e);
        }
    }

    /**
     * The request pinned to HTTP/1.1 when it goes to a plain {@code http://} URI and would
     * otherwise offer the h2c upgrade. The SDK's own clients build their requests pinned already,
     * so this copies only requests built elsewhere.
     */
    private HttpRequest http11OnPlainHttp(HttpRequest request) {
        if (clientIsHttp11 || !"http".equalsIgnoreCase(request.uri().getScheme())
                || request.version().orElse(null) == HttpClient.Version.HTTP_1_1) {
            return request;
        }
        return HttpRequest.newBuilder(request, (name, value) -> true).version(HttpClient.Version.HTTP_1_1).build();
    }

    /** Aborts the exchange at whatever stage it is: before the headers, or while the body trickles in. */
    private static void cancel(CompletableFuture<?> exchange, @Nullable LimitedBodySubscriber body, Throwable reason) {
        exchange.cancel(true);
        if (body != null) {
            body.abort(reason);
        }
    }

    @Override
    public String toString() {
        return "JdkBackend[" + client.version() + "]";
    }
}
