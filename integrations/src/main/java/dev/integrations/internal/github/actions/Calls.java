package dev.integrations.internal.github.actions;

import dev.integrations.internal.github.GithubCore;
import dev.integrations.github.actions.ParameterValue;
import dev.integrations.github.actions.UnexpectedResponseException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.integrations.github.GithubRequest;
import dev.integrations.github.GithubResponse;
import dev.integrations.github.Page;
import dev.integrations.github.Pages;
import dev.integrations.github.ListResult;
import dev.integrations.http.NotFoundException;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * What every action does around its request: send it through the provider (so the traffic rules
 * apply), insist on a 2xx answer, and read the body into a result record with a clear error when
 * the shape is wrong. Also the small JSON-body and query helpers, so that parameters left unset
 * are left out and GitHub applies its own defaults.
 */
final class Calls {
    private Calls() {
    }

    /** Sends {@code request} and returns the 2xx response; 4xx and 5xx throw typed errors in the provider. */
    public static GithubResponse send(GithubCore github, String action, GithubRequest request) {
        GithubResponse response = github.rawRequest(request);
        if (response.status() < 200 || response.status() >= 300) {
            throw new UnexpectedResponseException(action + ": GitHub " + request.method() + " " + request.path()
                    + " answered HTTP " + response.status() + ", which this action does not handle"
                    + response.header("location").map(l -> " (location " + l + ")").orElse(""));
        }
        return response;
    }

    /** Sends {@code request} and reads its body with {@code parser}. */
    public static <T> T call(GithubCore github, String action, GithubRequest request, Function<JsonNode, T> parser) {
        GithubResponse response = send(github, action, request);
        return parse(action, request, response.body(), parser);
    }

    public static <T> T parse(String action, GithubRequest request, JsonNode body, Function<JsonNode, T> parser) {
        try {
            return parser.apply(body);
        } catch (IllegalArgumentException e) {
            throw new UnexpectedResponseException(action + ": GitHub " + request.method() + " " + request.path()
                    + " returned a body this action cannot read (" + e.getMessage() + "); check base_url", e);
        }
    }

    /**
     * Fetches one page of a listing through the provider's pagination (so the rest can be read
     * lazily from the result) and keeps its items, {@code total_count} and raw JSON. Without a
     * {@code per_page} the pagination asks for 100, GitHub's maximum, to spend fewer requests.
     *
     * @param itemsField the array field of a wrapped listing ({@code codespaces}), or null for a plain array
     */
    public static <T> ListResult<T> list(GithubCore github, String action, GithubRequest request, @Nullable String itemsField,
                                  Function<JsonNode, T> item) {
        Pages<T> pages = github.paginate(request, json -> parse(action, request, json, item));
        if (itemsField != null) {
            pages = pages.itemsField(itemsField);
        }
        Page<T> first = pages.firstPage();
        JsonNode raw = first.response().body();
        return new ListResult<>(first.items(), ListResult.totalCount(raw), first.hasNext(), raw, pages);
    }

    /** The result of {@code call}, or empty when GitHub answers 404 (missing, or not visible to this token). */
    public static <T> Optional<T> findOrEmpty(Supplier<T> call) {
        try {
            return Optional.of(call.get());
        } catch (NotFoundException e) {
            return Optional.empty();
        }
    }

    public static GithubRequest get(String path, Map<String, String> query) {
        GithubRequest.Builder builder = GithubRequest.builder().method("GET").path(path);
        query.forEach(builder::query);
        return builder.build();
    }

    public static GithubRequest get(String path) {
        return GithubRequest.builder().method("GET").path(path).build();
    }

    public static GithubRequest withBody(String method, String path, Map<String, Object> body) {
        return GithubRequest.builder().method(method).path(path).body(body).build();
    }

    public static GithubRequest withoutBody(String method, String path) {
        return GithubRequest.builder().method(method).path(path).build();
    }

    /** A JSON object body or query that leaves out unset (null) values. */
    public static final class Fields {
        private final Map<String, Object> values = new LinkedHashMap<>();

        Fields put(String name, @Nullable Object value) {
            if (value != null) {
                values.put(name, value instanceof ParameterValue p ? p.value() : value);
            }
            return this;
        }

        /** Sends {@code name} as JSON null when {@code clear}: GitHub's way to empty a nullable field. */
        Fields putNullIf(boolean clear, String name) {
            if (clear) {
                values.put(name, null);
            }
            return this;
        }

        Map<String, Object> body() {
            return values;
        }

        /** The values as query parameters (numbers and booleans as their decimal text). */
        Map<String, String> query() {
            Map<String, String> query = new LinkedHashMap<>();
            values.forEach((name, value) -> query.put(name, value.toString()));
            return query;
        }
    }

    public static Fields fields() {
        return new Fields();
    }
}
