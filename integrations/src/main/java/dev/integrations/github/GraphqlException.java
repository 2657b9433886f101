package dev.integrations.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.integrations.http.ApiException;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * GitHub's GraphQL API answered with {@code errors}. GraphQL reports most failures (unknown
 * fields, missing scopes, objects that do not exist) with HTTP 200, so the status alone says
 * nothing; this exception carries GitHub's error list and any partial {@code data}.
 */
public class GraphqlException extends ApiException {
    private static final long serialVersionUID = 1L;

    /** GitHub's error objects; not serialised (a JSON tree is not Serializable). */
    private final transient List<Map<String, Object>> errors;
    /** The partial data, or null; not serialised (a JSON tree is not Serializable). */
    private final transient @Nullable JsonNode data;

    /**
     * An exception for a GraphQL answer with errors.
     *
     * @param message what failed and what to do
     * @param details what the HTTP response said
     * @param errors GitHub's error objects, as parsed from the {@code errors} array
     * @param data the partial {@code data} GitHub returned beside the errors, or null
     */
    public GraphqlException(String message, ErrorDetails details, List<Map<String, Object>> errors, @Nullable JsonNode data) {
        super(message, details);
        this.errors = List.copyOf(errors);
        this.data = data == null ? null : data.deepCopy();
    }

    /**
     * GitHub's error objects ({@code message}, and often {@code type}, {@code path}, {@code locations}).
     *
     * @return the error objects, in GitHub's order (unmodifiable)
     */
    public List<Map<String, Object>> errors() {
        return errors;
    }

    /**
     * The {@code message} of each error, in order.
     *
     * @return one message per error; an empty string for an error without one
     */
    public List<String> messages() {
        return errors.stream().map(e -> Objects.toString(e.get("message"), "")).toList();
    }

    /**
     * The {@code type} of each error that has one, e.g. {@code NOT_FOUND} or {@code INSUFFICIENT_SCOPES}.
     *
     * @return the types, in order; errors without a type are left out
     */
    public List<String> types() {
        return errors.stream().map(e -> e.get("type")).filter(Objects::nonNull).map(Object::toString).toList();
    }

    /**
     * The partial {@code data} GitHub returned beside the errors.
     *
     * @return a copy of the data, or null when GitHub returned none
     */
    public @Nullable JsonNode data() {
        return data == null ? null : data.deepCopy();
    }
}
