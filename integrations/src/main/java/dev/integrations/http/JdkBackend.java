package dev.integrations.http;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CancellationException;

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
     *
     * <p>The blocking {@code send} waits for the whole exchange, bounded twice: by the request's
     * timeout (kept no longer than the deadline) up to the headers, and throughout by a
     * {@link CallerDeadline} on the {@link DeadlineWatchdog}, which interrupts the waiting caller
     * when the deadline passes ({@code send} then cancels the exchange and closes its connection).
     * The caller thus sleeps once per exchange, as with a plain {@code send}, and a body of declared
     * length is read by the JDK's own subscriber on the thread that read the bytes (see
     * {@link JdkBodyHandler}). This is {@code send} rather than {@code sendAsync} because
     * {@code sendAsync} starts the exchange on the client's executor and completes its future
     * through the common pool: two thread hand-offs per call.
     *
     * <p>An application's own interrupt that lands in the same instant as the deadline is taken for
     * the deadline's: the call fails with a timeout and the thread's interrupt status is clear.
     *
     * <p>When a pooled connection closes before any byte of the response, the JDK retries a
     * {@code GET} once with the request's timeout afresh; the watchdog still ends such an exchange
     * at the deadline.
     */
    @Override
    public HttpResult exchange(HttpRequest request, Duration deadline, int maxBodyBytes) {
        long started = System.nanoTime();
        if (Thread.currentThread().isInterrupted()) {
            // send() would refuse as well, but only after the request was prepared.
            throw TransportBackend.interrupted(request, new InterruptedException("interrupted before sending"));
        }
        JdkBodyHandler body = new JdkBodyHandler(maxBodyBytes);
        CallerDeadline watched = new CallerDeadline(Thread.currentThread(), started + deadline.toNanos());
        DeadlineWatchdog.SHARED.watch(watched);
        HttpResponse<byte[]> response;
        try {
            response = client.send(prepare(request, deadline), body);
            // A deadline that expired just as send() returned leaves a complete response: keep it.
            watched.finish();
        } catch (InterruptedException e) {
            // send() has cancelled the exchange and cleared the flag; cancelling a body of unknown
            // length as well makes sure a connection caught mid-body is closed, not read to the end.
            body.abort(e);
            if (watched.finish()) {
                throw TransportBackend.timedOut(request, deadline, e);
            }
            Thread.currentThread().interrupt();
            throw TransportBackend.interrupted(request, e);
        } catch (IOException e) {
            watched.finish();
            throw translate(request, deadline, maxBodyBytes, unwrap(e));
        } catch (CancellationException e) {
            watched.finish();
            throw translate(request, deadline, maxBodyBytes, e);
        } finally {
            DeadlineWatchdog.SHARED.unwatch(watched);
        }
        if (body.exceeded()) {
            throw TransportBackend.tooLarge(request, maxBodyBytes);
        }
        return new HttpResult(request, response.statusCode(), response.headers(), response.body());
    }

    /**
     * The request as it goes out: pinned to HTTP/1.1 on plain {@code http://} (see the class
     * comment), and with a timeout no longer than the deadline, since that timeout is what bounds
     * connecting and the headers. The SDK's own requests need neither (their timeout is the
     * deadline, and they are pinned already), so only requests built elsewhere are copied.
     */
    private HttpRequest prepare(HttpRequest request, Duration deadline) {
        boolean pin = !clientIsHttp11 && "http".equalsIgnoreCase(request.uri().getScheme())
                && request.version().orElse(null) != HttpClient.Version.HTTP_1_1;
        Duration timeout = request.timeout().orElse(null);
        boolean bound = timeout == null || timeout.compareTo(deadline) > 0;
        if (!pin && !bound) {
            return request;
        }
        HttpRequest.Builder copy = HttpRequest.newBuilder(request, (name, value) -> true);
        if (pin) {
            copy.version(HttpClient.Version.HTTP_1_1);
        }
        if (bound) {
            copy.timeout(deadline);
        }
        return copy.build();
    }

    /**
     * What the exchange itself reported. {@code send} rethrows most failures wrapped in a new
     * plain {@code IOException} with the same message (an {@code EOFException}, a
     * {@code SocketException}, even a {@code RuntimeException}); the translation and the message
     * should see the original, as they did when it came out of the future.
     */
    private static Throwable unwrap(IOException e) {
        Throwable cause = e.getCause();
        return e.getClass() == IOException.class && cause != null ? cause : e;
    }

    private static RuntimeException translate(HttpRequest request, Duration deadline, int maxBodyBytes, Throwable cause) {
        if (cause instanceof UncheckedIOException unchecked && unchecked.getCause() instanceof JdkBodyHandler.DeclaredTooLarge) {
            return TransportBackend.tooLarge(request, maxBodyBytes);
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return new TransportTimeoutException("Could not connect for " + TransportBackend.describe(request)
                    + " in time: check the URL and your network", deadline, cause);
        }
        if (cause instanceof HttpTimeoutException) {
            return TransportBackend.timedOut(request, deadline, cause);
        }
        if (cause instanceof IOException) {
            return TransportBackend.failed(request, cause);
        }
        if (cause instanceof CancellationException) {
            return new TransportException(TransportBackend.describe(request) + " was cancelled", cause);
        }
        if (cause instanceof RuntimeException runtime) {
            return runtime;
        }
        return new TransportException(TransportBackend.describe(request) + " failed: "
                + cause.getClass().getSimpleName(), cause);
    }

    @Override
    public String toString() {
        return "JdkBackend[" + client.version() + "]";
    }
}
