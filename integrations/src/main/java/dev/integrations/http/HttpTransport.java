package dev.integrations.http;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Sends requests through a chain of {@link HttpStep}s on one shared {@link HttpClient}.
 *
 * <p>One transport (and so one {@code HttpClient}, with its connection pool) serves every session
 * of an {@code AuthManager}: sessions never create clients. Bodies are read fully, up to a limit,
 * so an endless or hostile response cannot exhaust memory. Blocking and thread-safe; it holds no
 * locks, so it runs well on virtual threads.
 */
public final class HttpTransport {
    /** Default cap on response bodies: GitHub's largest ordinary JSON responses are far smaller. */
    public static final int DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;

    private final HttpClient client;

    private HttpTransport(HttpClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /** Wraps an existing client (for example one configured with a proxy). */
    public static HttpTransport of(HttpClient client) {
        return new HttpTransport(client);
    }

    /**
     * Creates a transport with a new client: HTTP/1.1 and HTTP/2, a 10 second connect timeout,
     * and no automatic redirects (a redirect to another host must not carry our credentials,
     * so redirects are the caller's decision).
     */
    public static HttpTransport create() {
        return new HttpTransport(HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build());
    }

    /** The underlying client, shared by everything built on this transport. */
    public HttpClient client() {
        return client;
    }

    /** Sends {@code request} through {@code steps} in order, then to the network. */
    public HttpResult send(HttpRequest request, List<? extends HttpStep> steps, int maxBodyBytes) {
        return new RealChain(steps, 0, maxBodyBytes).proceed(request);
    }

    /** Sends {@code request} straight to the network. */
    public HttpResult send(HttpRequest request, int maxBodyBytes) {
        return execute(request, maxBodyBytes);
    }

    private final class RealChain implements HttpStep.Chain {
        private final List<? extends HttpStep> steps;
        private final int index;
        private final int maxBodyBytes;

        RealChain(List<? extends HttpStep> steps, int index, int maxBodyBytes) {
            this.steps = steps;
            this.index = index;
            this.maxBodyBytes = maxBodyBytes;
        }

        @Override
        public HttpResult proceed(HttpRequest request) {
            if (index < steps.size()) {
                return steps.get(index).apply(request, new RealChain(steps, index + 1, maxBodyBytes));
            }
            return execute(request, maxBodyBytes);
        }
    }

    private HttpResult execute(HttpRequest request, int maxBodyBytes) {
        try {
            LimitedBodySubscriber[] subscriber = new LimitedBodySubscriber[1];
            HttpResponse<byte[]> response = client.send(request, info -> {
                subscriber[0] = new LimitedBodySubscriber(maxBodyBytes);
                return subscriber[0];
            });
            if (subscriber[0].exceeded()) {
                throw new ResponseTooLargeException(target(request) + " returned a body larger than " + maxBodyBytes
                        + " bytes; refusing to read it");
            }
            return new HttpResult(request, response.statusCode(), response.headers(), response.body());
        } catch (HttpConnectTimeoutException e) {
            throw new TransportException("Could not connect for " + target(request) + " in time: check the URL and your network", e);
        } catch (HttpTimeoutException e) {
            throw new TransportException(target(request) + " timed out" + request.timeout().map(t -> " after " + t).orElse("")
                    + "; raise the timeout setting or retry later", e);
        } catch (IOException e) {
            throw new TransportException(target(request) + " failed: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : " (" + e.getMessage() + ")") + "; check the URL and your network", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException(target(request) + " was interrupted", e);
        }
    }

    /** The request's method, scheme, authority and path (never the query), for messages. */
    private static String target(HttpRequest request) {
        return request.method() + " " + request.uri().getScheme() + "://" + request.uri().getAuthority()
                + request.uri().getPath();
    }
}
