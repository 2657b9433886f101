package dev.integrations.http;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A response whose body has been read fully (and within a size limit).
 *
 * @param request the request that produced it, after every step of the chain
 * @param status the HTTP status code
 * @param headers the response headers
 * @param body the response body; never null, possibly empty
 */
public record HttpResult(java.net.http.HttpRequest request, int status, HttpHeaders headers, byte[] body) {
    /**
     * Creates an instance, checking and copying the parts.
     *
     * @param request the request that produced it, after every step of the chain
     * @param status the HTTP status code
     * @param headers the response headers
     * @param body the response body; never null, possibly empty
     */
    public HttpResult {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(headers, "headers");
        body = body == null ? new byte[0] : body;
    }

    /**
     * The URI that was requested.
     *
     * @return the request's URI
     */
    public URI uri() {
        return request.uri();
    }

    /**
     * The first value of a response header.
     *
     * @param name the header name, case-insensitive
     * @return the first value, or empty when the response has no such header
     */
    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    /**
     * The response's media type.
     *
     * @return the {@code Content-Type} without parameters, lower case, or {@code ""} when absent
     */
    public String mediaType() {
        String value = headers.firstValue("content-type").orElse("");
        int semicolon = value.indexOf(';');
        return (semicolon >= 0 ? value.substring(0, semicolon) : value).trim().toLowerCase(Locale.ROOT);
    }

    /**
     * The body as text.
     *
     * @return the body decoded as UTF-8
     */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /**
     * Whether the status is a success.
     *
     * @return true for 2xx statuses
     */
    public boolean isSuccessful() {
        return status >= 200 && status < 300;
    }

    /**
     * The response body.
     *
     * @return a copy of the body; never null, possibly empty
     */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /**
     * The body for parsers, without copying it.
     *
     * @return a new stream over the bytes held here
     */
    public java.io.ByteArrayInputStream bodyStream() {
        return new java.io.ByteArrayInputStream(body);
    }

    /**
     * The body's length, without copying it.
     *
     * @return the length in bytes
     */
    public int bodyLength() {
        return body.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof HttpResult other && status == other.status && request.equals(other.request)
                && headers.equals(other.headers) && Arrays.equals(body, other.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(request, status, headers, Arrays.hashCode(body));
    }

    /** Never prints the body or headers: either may carry tokens. */
    @Override
    public String toString() {
        return "HttpResult[" + request.method() + " " + uri().getPath() + " -> " + status + ", "
                + body.length + " bytes]";
    }
}
