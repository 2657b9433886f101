package dev.integrations.github.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An error answer of a REST endpoint, thrown by handlers and stores and written by
 * {@link ResourceRouter} with the admitted caller's headers. Bodies follow GitHub's shapes:
 * {@code basic-error} ({@code message}, {@code documentation_url}, {@code status}),
 * {@code validation-error} ({@code message}, {@code documentation_url}, {@code errors[]} of objects
 * with a {@code code}) and {@code validation-error-simple} ({@code errors[]} of strings). GitHub also
 * sends {@code status} in the last two, but its description does not declare it there, and the
 * description decides.
 */
final class ApiError extends RuntimeException {

    private final int status;
    private final transient @Nullable Object body;
    private final transient Map<String, String> headers;

    private ApiError(int status, @Nullable Object body, Map<String, String> headers) {
        super(null, null, false, false);
        this.status = status;
        this.body = body;
        this.headers = headers;
    }

    int status() {
        return status;
    }

    /** The JSON body, or {@code null} for none. */
    @Nullable Object body() {
        return body;
    }

    Map<String, String> headers() {
        return headers;
    }

    /** {@code basic-error} with this status and message. */
    static ApiError of(int status, String message, String docs) {
        return new ApiError(status, basic(message, docs, status), Map.of());
    }

    /**
     * {@code {"message","documentation_url"}} without {@code status}, for the answers whose schema
     * has only those two properties (405 and 409 of a merge).
     */
    static ApiError plain(int status, String message, String docs) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", message);
        body.put("documentation_url", docs);
        return new ApiError(status, body, Map.of());
    }

    /**
     * {@code basic-error} with a {@code url}: where an answer's schema is "basic-error or
     * repository-rule-violation-error" (409 of a contents write), the {@code url} (declared by
     * basic-error only) makes the body match exactly one of them.
     */
    static ApiError withUrl(int status, String message, String docs, String url) {
        Map<String, Object> body = basic(message, docs, status);
        body.put("url", url);
        return new ApiError(status, body, Map.of());
    }

    /** 404 {@code {"message":"Not Found"}}: missing, or not visible to the caller (https://docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api). */
    static ApiError notFound(String docs) {
        return of(404, "Not Found", docs);
    }

    /** A status without a body, e.g. the 404 of a membership check. */
    static ApiError empty(int status) {
        return new ApiError(status, null, Map.of());
    }

    /** 400 "Problems parsing JSON". */
    static ApiError badJson(String docs) {
        return of(400, "Problems parsing JSON", docs);
    }

    /** 422 "Validation Failed" with one entry in {@code errors}, built by {@link #field} or {@link #custom}. */
    static ApiError validation(String docs, Map<String, Object> error) {
        return validation("Validation Failed", docs, List.of(error));
    }

    static ApiError validation(String message, String docs, List<Map<String, Object>> errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", message);
        if (!errors.isEmpty()) {
            body.put("errors", new ArrayList<>(errors));
        }
        body.put("documentation_url", docs);
        return new ApiError(422, body, Map.of());
    }

    /** 422 "Unprocessable Entity" with string errors ({@code validation-error-simple}), as the reviews API answers. */
    static ApiError simpleValidation(String docs, String... errors) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", "Unprocessable Entity");
        body.put("errors", List.of(errors));
        body.put("documentation_url", docs);
        return new ApiError(422, body, Map.of());
    }

    /** A redirect to {@code location} with GitHub's "Moved Permanently" body. */
    static ApiError redirect(int status, String location, String docs) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", status == 301 ? "Moved Permanently" : "Temporary Redirect");
        body.put("url", location);
        body.put("documentation_url", docs);
        return new ApiError(status, body, Map.of("Location", location));
    }

    /** One {@code errors[]} entry: {@code {"resource","field","code"}}; codes per https://docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api. */
    static Map<String, Object> field(String resource, String field, String code) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("resource", resource);
        error.put("field", field);
        error.put("code", code);
        return error;
    }

    /** One {@code errors[]} entry with the offending value (never null: the schema's oneOf would refuse it). */
    static Map<String, Object> invalidValue(String resource, String field, String value) {
        Map<String, Object> error = field(resource, field, "invalid");
        error.put("value", value);
        return error;
    }

    /** One {@code errors[]} entry with code {@code custom} and a message. */
    static Map<String, Object> custom(String resource, @Nullable String field, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("resource", resource);
        if (field != null) {
            error.put("field", field);
        }
        error.put("code", "custom");
        error.put("message", message);
        return error;
    }

    static Map<String, Object> basic(String message, String docs, int status) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message", message);
        body.put("documentation_url", docs);
        body.put("status", Integer.toString(status));
        return body;
    }
}
