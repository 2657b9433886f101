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
    public HttpResult {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(headers, "headers");
        body = body == null ? new byte[0] : body;
    }

    /** The URI that was requested. */
    public URI uri() {
        return request.uri();
    }

    /** The first value of a header, case-insensitive. */
    public Optional<String> header(String name) {
        return headers.firstValue(name);
    }

    /** The media type without parameters, lower case, or "" when absent. */
    public String mediaType() {
        String value = headers.firstValue("content-type").orElse("");
        int semicolon = value.indexOf(';');
        return (semicolon >= 0 ? value.substring(0, semicolon) : value).trim().toLowerCase(Locale.ROOT);
    }

    /** The body decoded as UTF-8. */
    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** True for 2xx statuses. */
    public boolean isSuccessful() {
        return status >= 200 && status < 300;
    }

    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The body as a stream over the bytes held here, without copying them (for parsers). */
    public java.io.InputStream bodyStream() {
        return new java.io.ByteArrayInputStream(body);
    }

    /** The body's length in bytes, without copying it. */
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
