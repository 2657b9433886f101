package dev.integrations.internal.http;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * An {@link HttpRequest} assembled from parts that were checked once, rather than through
 * {@link HttpRequest#newBuilder()}, which validates and copies every header of every request.
 * A client sends most of its requests with the same four or five headers (media type, API
 * version, user agent, the session's {@code Authorization}); it prepares those as one
 * {@link HttpHeaders} per token and shares it, so a request costs one small object.
 *
 * <p>Only the SDK builds these, from headers it validated and a URI it resolved against the
 * configured base URL; a step can therefore recognise its own requests ({@link #headers()} is
 * then the very instance it prepared). Steps that change a request rebuild it with
 * {@code HttpRequest.newBuilder(request, filter)}, which yields an ordinary request.
 */
public final class PreparedRequest extends HttpRequest {
    /** The body publisher of a request without a body, shared: {@code noBody()} keeps no state. */
    public static final Optional<BodyPublisher> NO_BODY = Optional.of(BodyPublishers.noBody());

    private final String method;
    private final URI uri;
    private final HttpHeaders headers;
    private final Optional<Duration> timeout;
    private final Optional<HttpClient.Version> version;
    private final Optional<BodyPublisher> body;

    /**
     * A request from checked parts.
     *
     * @param method the method, upper case
     * @param uri the absolute URI
     * @param headers the headers, already validated
     * @param timeout the deadline, as {@code Optional} so clients can share one instance
     * @param version the HTTP version to insist on, or empty for the client's
     * @param body the body publisher; {@link #NO_BODY} for none
     */
    public PreparedRequest(String method, URI uri, HttpHeaders headers, Optional<Duration> timeout,
                           Optional<HttpClient.Version> version, Optional<BodyPublisher> body) {
        this.method = Objects.requireNonNull(method, "method");
        this.uri = Objects.requireNonNull(uri, "uri");
        this.headers = Objects.requireNonNull(headers, "headers");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        this.version = Objects.requireNonNull(version, "version");
        this.body = Objects.requireNonNull(body, "body");
    }

    @Override
    public Optional<BodyPublisher> bodyPublisher() {
        return body;
    }

    @Override
    public String method() {
        return method;
    }

    @Override
    public Optional<Duration> timeout() {
        return timeout;
    }

    @Override
    public boolean expectContinue() {
        return false;
    }

    @Override
    public URI uri() {
        return uri;
    }

    @Override
    public Optional<HttpClient.Version> version() {
        return version;
    }

    @Override
    public HttpHeaders headers() {
        return headers;
    }

    /** Method and URI path only, as the JDK's own requests print: headers may carry a token. */
    @Override
    public String toString() {
        return uri.getScheme() + "://" + uri.getRawAuthority() + uri.getRawPath() + " " + method;
    }
}
