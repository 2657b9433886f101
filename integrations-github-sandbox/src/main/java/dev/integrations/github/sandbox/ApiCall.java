package dev.integrations.github.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One admitted REST call being answered by a {@link ResourceRouter} route: the exchange, the
 * caller the {@link ApiGate} admitted, the decoded path parameters, and the ways to answer with
 * the caller's headers ({@code x-ratelimit-*}, request id, {@code X-OAuth-Scopes}). GET answers
 * carry an {@code ETag} and honour {@code If-None-Match} ({@link ConditionalGet}); list answers
 * are paginated with {@link PageWindow} and a {@code Link} header.
 */
final class ApiCall {

    private final SandboxExchange exchange;
    private final ApiGate gate;
    private final ApiGate.Caller caller;
    private final String baseUrl;
    private final String docs;
    private final String acceptedScopes;
    private final Map<String, String> params;
    private final Clock clock;
    private @Nullable Map<String, String> query;
    private @Nullable JsonNode body;

    ApiCall(SandboxExchange exchange, ApiGate gate, ApiGate.Caller caller, String baseUrl, String docs,
            String acceptedScopes, Map<String, String> params, Clock clock) {
        this.clock = clock;
        this.exchange = exchange;
        this.gate = gate;
        this.caller = caller;
        this.baseUrl = baseUrl;
        this.docs = docs;
        this.acceptedScopes = acceptedScopes;
        this.params = params;
    }

    SandboxExchange exchange() {
        return exchange;
    }

    ApiGate.Caller caller() {
        return caller;
    }

    /** The authenticated user. */
    SandboxUser user() {
        return caller.grant().user();
    }

    /** The sandbox clock's current instant. */
    Instant now() {
        return clock.instant();
    }

    String baseUrl() {
        return baseUrl;
    }

    /** The documentation URL of the endpoint, used in error bodies. */
    String docs() {
        return docs;
    }

    String method() {
        return exchange.method();
    }

    /** A decoded path parameter. */
    String param(String name) {
        String value = params.get(name);
        if (value == null) {
            throw new IllegalStateException("No path parameter " + name);
        }
        return value;
    }

    /** A numeric path parameter; anything else is a path GitHub does not serve (404). */
    int intParam(String name) {
        String value = param(name);
        if (!value.matches("[0-9]{1,9}")) {
            throw ApiError.notFound(docs);
        }
        return Integer.parseInt(value);
    }

    /** The query parameters, first value of each. */
    Map<String, String> query() {
        if (query == null) {
            query = FormCodec.decodeFirst(exchange.request().query());
        }
        return query;
    }

    /** Whether the token grants {@code scope} (directly or through a parent scope). */
    boolean hasScope(String scope) {
        return Grants.has(caller, scope);
    }

    /** The JSON body; an empty body is an empty object. Unparseable JSON is 400 "Problems parsing JSON". */
    JsonNode body() {
        if (body == null) {
            String text = exchange.request().body();
            if (text.isBlank()) {
                body = JsonNodeFactory.instance.objectNode();
            } else {
                try {
                    body = SandboxExchange.mapper().readTree(text);
                } catch (IOException e) {
                    throw ApiError.badJson(docs);
                }
                if (body == null || body.isMissingNode()) {
                    throw ApiError.badJson(docs);
                }
            }
        }
        return body;
    }

    /** The JSON body, which must be an object (400 otherwise, as GitHub answers). */
    ObjectNode bodyObject() {
        JsonNode json = body();
        if (json.isNull()) {
            return JsonNodeFactory.instance.objectNode();
        }
        if (!json.isObject()) {
            throw ApiError.of(400, "Body should be a JSON object", docs);
        }
        return (ObjectNode) json;
    }

    /** A text field of the body: absent or null gives {@code null}; numbers are taken as their text; other types are 422. */
    @Nullable String text(String field, String resource) {
        JsonNode value = bodyObject().get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isTextual() || value.isNumber()) {
            return value.asText();
        }
        throw ApiError.validation(docs, ApiError.field(resource, field, "invalid"));
    }

    /** A required text field of the body: missing or blank is 422 {@code missing_field}. */
    String requiredText(String field, String resource) {
        String value = text(field, resource);
        if (value == null || value.isBlank()) {
            throw ApiError.validation(docs, ApiError.field(resource, field, "missing_field"));
        }
        return value;
    }

    /** A boolean field of the body, or {@code fallback} when absent or null. */
    boolean bool(String field, boolean fallback, String resource) {
        Boolean value = bool(field, resource);
        return value == null ? fallback : value;
    }

    /** A boolean field of the body, or {@code null} when absent or null. */
    @Nullable Boolean bool(String field, String resource) {
        JsonNode value = bodyObject().get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw ApiError.validation(docs, ApiError.field(resource, field, "invalid"));
        }
        return value.booleanValue();
    }

    /** An array of strings (or of objects with {@code name}) in the body, or {@code null} when absent. */
    @Nullable List<String> names(String field, String resource) {
        JsonNode value = bodyObject().get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        return namesOf(value, field, resource);
    }

    List<String> namesOf(JsonNode value, String field, String resource) {
        if (!value.isArray()) {
            throw ApiError.validation(docs, ApiError.field(resource, field, "invalid"));
        }
        List<String> names = new ArrayList<>();
        for (JsonNode item : value) {
            String name = item.isTextual() ? item.asText() : item.path("name").asText(null);
            if (name == null || name.isBlank()) {
                throw ApiError.validation(docs, ApiError.field(resource, field, "invalid"));
            }
            names.add(name);
        }
        return names;
    }

    /** Answers with {@code json} and the caller's headers. */
    void respond(int status, Object json) {
        exchange.sendJson(status, json, headers(false));
    }

    /** Answers with a status and no body (204, or a 202 without content). */
    void respondEmpty(int status) {
        exchange.send(status, null, new byte[0], headers(false));
    }

    /** Answers a GET with {@code json}, an {@code ETag}, and 304 for a matching {@code If-None-Match}. */
    void respondGet(Object json) {
        ConditionalGet.sendJson(exchange, gate, caller, json, headers(true));
    }

    /** Answers a GET with one page of {@code all} as a JSON array, with a {@code Link} header when there are more pages. */
    <T> void respondPage(List<T> all, Function<T, Object> render) {
        PageWindow window = PageWindow.of(query());
        List<Object> items = new ArrayList<>();
        for (T item : window.slice(all)) {
            items.add(render.apply(item));
        }
        Map<String, String> headers = headers(true);
        link(window, all.size(), headers);
        ConditionalGet.sendJson(exchange, gate, caller, items, headers);
    }

    /** Like {@link #respondPage} but wrapped, e.g. {@code {"total_count": 3, "codespaces": [...]}}. */
    <T> void respondWrappedPage(String field, List<T> all, Function<T, Object> render, Map<String, Object> extra) {
        PageWindow window = PageWindow.of(query());
        List<Object> items = new ArrayList<>();
        for (T item : window.slice(all)) {
            items.add(render.apply(item));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("total_count", all.size());
        json.putAll(extra);
        json.put(field, items);
        Map<String, String> headers = headers(true);
        link(window, all.size(), headers);
        ConditionalGet.sendJson(exchange, gate, caller, json, headers);
    }

    /** Answers with an error (the caller's headers plus the error's own). */
    void fail(ApiError error) {
        Map<String, String> headers = headers(false);
        headers.putAll(error.headers());
        Object body = error.body();
        if (body == null) {
            exchange.send(error.status(), null, new byte[0], headers);
        } else {
            exchange.sendJson(error.status(), body, headers);
        }
    }

    private void link(PageWindow window, int total, Map<String, String> headers) {
        String link = window.linkHeader(baseUrl + exchange.path(), exchange.request().query(), total);
        if (link != null) {
            headers.put("Link", link);
        }
    }

    private Map<String, String> headers(boolean cacheable) {
        Map<String, String> headers = caller.headers();
        headers.put("X-OAuth-Scopes", Scopes.forHeader(caller.grant().scopes()));
        headers.put("X-Accepted-OAuth-Scopes", acceptedScopes);
        if (cacheable) {
            headers.put("Cache-Control", "private, max-age=60, s-maxage=60");
            headers.put("Vary", "Accept, Authorization, Cookie, X-GitHub-OTP");
        }
        return headers;
    }
}
