package dev.integrations.github.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** One request being answered: the recorded request plus the ways to write a response. */
final class SandboxExchange {

    static final String JSON = "application/json; charset=utf-8";
    static final String HTML = "text/html; charset=utf-8";
    static final String FORM = "application/x-www-form-urlencoded; charset=utf-8";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpExchange exchange;
    private final RecordedRequest request;
    private boolean responded;

    SandboxExchange(HttpExchange exchange, RecordedRequest request) {
        this.exchange = exchange;
        this.request = request;
    }

    static ObjectMapper mapper() {
        return MAPPER;
    }

    RecordedRequest request() {
        return request;
    }

    String method() {
        return request.method();
    }

    String path() {
        return request.path();
    }

    @Nullable String header(String name) {
        return request.header(name);
    }

    boolean hasResponded() {
        return responded;
    }

    void sendJson(int status, Object body, Map<String, String> headers) {
        try {
            send(status, JSON, MAPPER.writeValueAsBytes(body), headers);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Response body is not serialisable", e);
        }
    }

    void sendHtml(int status, String html, Map<String, String> headers) {
        send(status, HTML, html.getBytes(StandardCharsets.UTF_8), headers);
    }

    void redirect(String location) {
        send(302, null, new byte[0], Map.of("Location", location, "Cache-Control", "no-cache"));
    }

    void send(int status, @Nullable String contentType, byte[] body, Map<String, String> headers) {
        if (responded) {
            throw new IllegalStateException("A response was already sent");
        }
        responded = true;
        Headers out = exchange.getResponseHeaders();
        headers.forEach(out::set);
        if (contentType != null) {
            out.set("Content-Type", contentType);
        }
        boolean noBody = body.length == 0 || request.method().equals("HEAD") || status == 204 || status == 304;
        try {
            // -1 tells the JDK server "no body"; 0 would mean "chunked, length unknown".
            exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
            if (!noBody) {
                try (OutputStream stream = exchange.getResponseBody()) {
                    stream.write(body);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
