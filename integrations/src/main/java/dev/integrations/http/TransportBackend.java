package dev.integrations.http;

import java.net.http.HttpRequest;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * What puts one exchange on the wire for an {@link HttpTransport}: the transport's step chain
 * (redirects, retries, headers, rate limits, the conditional cache) builds an immutable JDK
 * {@link HttpRequest}, and the last step hands it to the backend. The JDK {@code HttpClient} is
 * the default backend and needs no dependency ({@link HttpTransport#create()},
 * {@link HttpTransport#of(java.net.http.HttpClient)}); the {@code integrations-okhttp} module
 * offers one on OkHttp.
 *
 * <p>Every backend keeps the same contract, checked by the same contract tests:
 * <ul>
 *   <li>it never follows a redirect itself: a 3xx is returned as it is (the SDK's redirect step
 *       decides, and drops credentials when a redirect leaves the API host);</li>
 *   <li>one deadline covers connecting, sending, the response headers and the whole body: past
 *       it the exchange is abandoned, its connection closed, and a {@link TransportTimeoutException}
 *       thrown;</li>
 *   <li>the body is read fully, but never more than {@code maxBodyBytes}: a larger one ends in a
 *       {@link ResponseTooLargeException} without being read further;</li>
 *   <li>plain {@code http://} is spoken as HTTP/1.1 without an {@code Upgrade: h2c} header;
 *       HTTP/2 is used over TLS where the server offers it;</li>
 *   <li>an interrupted caller gets a {@link TransportException} (at the latest at the deadline)
 *       and keeps its interrupt status;</li>
 *   <li>messages name the method, scheme, host, port and path only: never a query, userinfo,
 *       header or body (either may carry a token).</li>
 * </ul>
 * Implementations are thread-safe, blocking, and hold no lock across the network.
 */
public interface TransportBackend {
    /**
     * Sends one request and reads its response within the deadline.
     *
     * @param request the request exactly as it goes on the wire (headers included)
     * @param deadline the time the whole exchange may take; positive and at most
     *     {@link HttpTransport#MAX_TIMEOUT}
     * @param maxBodyBytes the largest response body accepted, in bytes
     * @return the response, whatever its status (3xx included)
     * @throws TransportTimeoutException when the deadline passed first
     * @throws ResponseTooLargeException when the body is longer than {@code maxBodyBytes}
     * @throws TransportException when no response arrived for another reason (connection refused
     *     or reset, malformed response, interrupted caller)
     */
    HttpResult exchange(HttpRequest request, Duration deadline, int maxBodyBytes);

    /**
     * A short name for diagnostics, such as {@code "jdk"} or {@code "okhttp"}.
     *
     * @return the backend's name
     */
    default String name() {
        return getClass().getSimpleName();
    }

    /**
     * How backends name a request in messages: method, scheme, host, port and path, never the
     * userinfo or the query (either may carry secrets).
     *
     * @param request the request
     * @return for example {@code GET https://api.github.com/user}
     */
    static String describe(HttpRequest request) {
        java.net.URI uri = request.uri();
        return request.method() + " " + uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                + uri.getPath();
    }

    /**
     * The exception every backend throws when the deadline passed, with the same message.
     *
     * @param request the request that did not complete
     * @param deadline the deadline it had
     * @param cause what the backend saw, or null
     * @return the exception to throw
     */
    static TransportTimeoutException timedOut(HttpRequest request, Duration deadline, @Nullable Throwable cause) {
        return new TransportTimeoutException(describe(request) + " timed out: it did not complete within " + deadline
                + " (connecting, response headers and body together); raise the timeout setting (for GitHub:"
                + " timeout / GITHUB_TIMEOUT) or retry later", deadline, cause);
    }

    /**
     * The exception every backend throws when a body is larger than the limit.
     *
     * @param request the request whose response was too large
     * @param maxBodyBytes the limit
     * @return the exception to throw
     */
    static ResponseTooLargeException tooLarge(HttpRequest request, int maxBodyBytes) {
        return new ResponseTooLargeException(describe(request) + " returned a body larger than " + maxBodyBytes
                + " bytes; refusing to read it");
    }

    /**
     * The exception every backend throws for an I/O failure (connection refused or reset,
     * malformed response).
     *
     * @param request the request that failed
     * @param cause the failure
     * @return the exception to throw
     */
    static TransportException failed(HttpRequest request, Throwable cause) {
        return new TransportException(describe(request) + " failed: " + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : " (" + cause.getMessage() + ")")
                + "; check the URL and your network", cause);
    }

    /**
     * The exception every backend throws when the calling thread was interrupted; the caller
     * restores the thread's interrupt status.
     *
     * @param request the request that was abandoned
     * @param cause the interruption
     * @return the exception to throw
     */
    static TransportException interrupted(HttpRequest request, Throwable cause) {
        return new TransportException(describe(request) + " was interrupted", cause);
    }
}
