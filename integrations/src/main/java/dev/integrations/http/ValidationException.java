package dev.integrations.http;

import java.util.List;
import java.util.Map;

/**
 * 422 Unprocessable Entity: the request was understood but its content was refused. GitHub
 * lists what was wrong in {@link #errors()} (each with {@code resource}, {@code field},
 * {@code code} such as {@code missing_field} or {@code already_exists}).
 */
public class ValidationException extends ApiException {
    private static final long serialVersionUID = 1L;

    private final transient List<Map<String, Object>> errors;

    /**
     * An exception for one 422 response.
     *
     * @param message what failed and what to do
     * @param details what the response said
     * @param errors the service's validation errors, possibly empty
     */
    public ValidationException(String message, ErrorDetails details, List<Map<String, Object>> errors) {
        super(message, details);
        this.errors = List.copyOf(errors);
    }

    /**
     * The service's validation errors.
     *
     * @return the {@code errors} entries of the body as JSON-like maps, possibly empty
     */
    public List<Map<String, Object>> errors() {
        return errors;
    }
}
