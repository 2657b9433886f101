package dev.integrations.http;

import java.net.http.HttpHeaders;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * A response kept by a {@link ResponseCache} together with its validators, so the next request
 * for it can be made conditional ({@code If-None-Match}, {@code If-Modified-Since}).
 *
 * @param status the status of the stored response (normally 200)
 * @param headers the stored response headers, names lower case
 * @param body the stored body
 */
public record CachedResponse(int status, Map<String, List<String>> headers, byte[] body) {
    /**
     * Headers a 304 must not overwrite: they describe the stored body, not the revalidation
     * (RFC 9111 §4.3.4 and, for the length, the fact that a 304 has no body).
     */
    private static final Set<String> BODY_HEADERS = Set.of("content-length", "content-type", "content-encoding",
            "transfer-encoding", "content-range");

    /**
     * Creates an instance, checking and copying the parts.
     *
     * @param status the status of the stored response (normally 200)
     * @param headers the stored response headers, names lower case
     * @param body the stored body
     */
    public CachedResponse {
        Map<String, List<String>> copy = new TreeMap<>();
        Objects.requireNonNull(headers, "headers").forEach((name, values) -> {
            // HTTP/2 pseudo-headers (":status") describe the exchange, not the representation.
            if (!name.startsWith(":")) {
                copy.put(name.toLowerCase(Locale.ROOT), List.copyOf(values));
            }
        });
        headers = java.util.Collections.unmodifiableMap(copy);
        body = Objects.requireNonNull(body, "body").clone();
    }

    /**
     * The parts of a response a cache stores.
     *
     * @param result the response
     * @return its status, headers (pseudo-headers dropped, names lower case) and a copy of its body
     */
    public static CachedResponse of(HttpResult result) {
        return new CachedResponse(result.status(), result.headers().map(), result.body());
    }

    /**
     * The {@code ETag} validator.
     *
     * @return the first {@code ETag} value, or empty when the response had none
     */
    public Optional<String> etag() {
        return first("etag");
    }

    /**
     * The {@code Last-Modified} validator.
     *
     * @return the first {@code Last-Modified} value, or empty when the response had none
     */
    public Optional<String> lastModified() {
        return first("last-modified");
    }

    /**
     * This response with the headers of a {@code 304 Not Modified} for it applied on top: fresh
     * rate-limit counters, date and validators replace the stored ones; the body stays.
     *
     * @param notModified the headers of the 304; its body headers (length, type, encoding) are
     *     ignored
     * @return a new response; this one is unchanged
     */
    public CachedResponse revalidatedBy(HttpHeaders notModified) {
        Map<String, List<String>> merged = new TreeMap<>(headers);
        notModified.map().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (!BODY_HEADERS.contains(lower) && !lower.startsWith(":")) {
                merged.put(lower, values);
            }
        });
        return new CachedResponse(status, merged, body);
    }

    /**
     * The headers as the JDK's type.
     *
     * @return the stored headers as {@link HttpHeaders}
     */
    public HttpHeaders httpHeaders() {
        return HttpHeaders.of(headers, (name, value) -> true);
    }

    /**
     * The stored body.
     *
     * @return a copy of the body, so the stored one cannot change
     */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /**
     * An approximate size, for caches bounded by memory.
     *
     * @return the estimated bytes of the body and headers
     */
    public int estimatedBytes() {
        int size = body.length + 64;
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            for (String v : e.getValue()) {
                size += 2 * (e.getKey().length() + v.length());
            }
        }
        return size;
    }

    private Optional<String> first(String name) {
        List<String> values = headers.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CachedResponse other && status == other.status && headers.equals(other.headers)
                && Arrays.equals(body, other.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, headers, Arrays.hashCode(body));
    }

    /** Never prints headers or body: either may carry personal data. */
    @Override
    public String toString() {
        return "CachedResponse[" + status + ", " + body.length + " bytes]";
    }
}
