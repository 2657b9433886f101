package dev.integrations.github.sandbox;

import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A canned HTTP response for fault injection: queued with
 * {@link GithubSandbox#enqueueResponse(String, SandboxResponse)}, it answers the next request to
 * its path instead of the sandbox's normal behaviour. Use it for what a stateful sandbox cannot
 * produce on its own: 5xx errors, HTML error pages where JSON is expected, malformed bodies,
 * secondary rate limits with {@code retry-after}, slow responses, and connections dropped without
 * an answer ({@link #connectionReset()}).
 *
 * @param status      HTTP status, 100-599
 * @param contentType the {@code Content-Type} header, or {@code null} for none
 * @param body        the body, sent as UTF-8; {@code null} means empty
 * @param headers     extra response headers (unmodifiable copy)
 * @param delay       how long the sandbox waits before answering; {@link Duration#ZERO} for none
 * @param dropConnection whether to close the connection without answering (after the delay), as a
 *                    reset or a crashed proxy would; status and body are then not sent
 */
public record SandboxResponse(int status, @Nullable String contentType, String body, Map<String, String> headers,
                              Duration delay, boolean dropConnection) {

    /**
     * Normalises the response: no {@code null} body, headers or delay.
     *
     * @param status      HTTP status, 100-599
     * @param contentType the {@code Content-Type} header, or {@code null} for none
     * @param body        the body, sent as UTF-8; {@code null} means empty
     * @param headers     extra response headers (unmodifiable copy)
     * @param delay       how long the sandbox waits before answering; {@link Duration#ZERO} for none
     * @param dropConnection whether to close the connection without answering (after the delay), as a
     *        reset or a crashed proxy would; status and body are then not sent
     * @throws IllegalArgumentException if the status is outside 100-599 or the delay is negative
     */
    public SandboxResponse {
        if (status < 100 || status > 599) {
            throw new IllegalArgumentException("status must be 100-599: " + status);
        }
        body = body == null ? "" : body;
        headers = headers == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(headers));
        delay = delay == null ? Duration.ZERO : delay;
        if (delay.isNegative()) {
            throw new IllegalArgumentException("delay must not be negative");
        }
    }

    /**
     * A response that is sent (not dropped).
     *
     * @param status HTTP status, 100-599
     * @param contentType the {@code Content-Type} header, or {@code null} for none
     * @param body the body; {@code null} means empty
     * @param headers extra response headers
     * @param delay how long to wait before answering
     */
    public SandboxResponse(int status, @Nullable String contentType, @Nullable String body, Map<String,
                           String> headers, Duration delay) {
        this(status, contentType, body == null ? "" : body, headers, delay, false);
    }

    /**
     * A response without delay.
     *
     * @param status HTTP status, 100-599
     * @param contentType the {@code Content-Type} header, or {@code null} for none
     * @param body the body; {@code null} means empty
     * @param headers extra response headers
     */
    public SandboxResponse(int status, @Nullable String contentType, @Nullable String body, Map<String, String> headers) {
        this(status, contentType, body, headers, Duration.ZERO);
    }

    /**
     * No answer at all: the connection is closed after the request is read.
     *
     * @return a response that drops the connection
     */
    public static SandboxResponse connectionReset() {
        return new SandboxResponse(502, null, "", Map.of(), Duration.ZERO, true);
    }

    /**
     * A response with no extra headers and no delay.
     *
     * @param status HTTP status, 100-599
     * @param contentType the {@code Content-Type} header, or {@code null} for none
     * @param body the body; {@code null} means empty
     * @return the response
     */
    public static SandboxResponse of(int status, @Nullable String contentType, @Nullable String body) {
        return new SandboxResponse(status, contentType, body, Map.of(), Duration.ZERO);
    }

    /**
     * A JSON response ({@code application/json; charset=utf-8}).
     *
     * @param status HTTP status, 100-599
     * @param body the JSON text
     * @return the response
     */
    public static SandboxResponse json(int status, String body) {
        return of(status, "application/json; charset=utf-8", body);
    }

    /**
     * {@code response}, answered after {@code delay}.
     *
     * @param delay how long to wait before answering
     * @param response the response to delay
     * @return the delayed copy
     */
    public static SandboxResponse delayed(Duration delay, SandboxResponse response) {
        return Objects.requireNonNull(response, "response").withDelay(delay);
    }

    /**
     * A copy answered after {@code delay}.
     *
     * @param delay how long to wait before answering
     * @return the copy
     */
    public SandboxResponse withDelay(Duration delay) {
        return new SandboxResponse(status, contentType, body, headers, Objects.requireNonNull(delay, "delay"), dropConnection);
    }

    /**
     * A copy with one more header (replacing a header of the same name).
     *
     * @param name the header name
     * @param value the header value
     * @return the copy
     */
    public SandboxResponse withHeader(String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(headers);
        copy.put(Objects.requireNonNull(name, "name"), Objects.requireNonNull(value, "value"));
        return new SandboxResponse(status, contentType, body, copy, delay, dropConnection);
    }
}
