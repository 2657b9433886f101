package dev.integrations.github;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A request to any GitHub REST endpoint, for {@link GithubClient#rawRequest}.
 *
 * @param method the HTTP method, upper case
 * @param path the path below the base URL, starting with {@code /} (e.g. {@code /repos/o/r/issues});
 *     may carry a query string
 * @param query extra query parameters, encoded for you
 * @param body a JSON body (any Jackson-serialisable value, e.g. a Map), or null
 * @param headers extra headers, e.g. {@code Accept: application/vnd.github.raw+json}
 */
public record GithubRequest(String method, String path, Map<String, String> query, @Nullable Object body,
                            Map<String, String> headers) {
    /**
     * Checks and normalises the request: the method upper case, the maps copied (null as empty).
     *
     * @param method the HTTP method, upper case
     * @param path the path below the base URL, starting with {@code /} (e.g. {@code /repos/o/r/issues});
     *     may carry a query string
     * @param query extra query parameters, encoded for you
     * @param body a JSON body (any Jackson-serialisable value, e.g. a Map), or null
     * @param headers extra headers, e.g. {@code Accept: application/vnd.github.raw+json}
     * @throws NullPointerException when {@code method} or {@code path} is null
     * @throws IllegalArgumentException when {@code path} does not start with {@code /} or the
     *     headers set {@code Authorization}
     */
    public GithubRequest {
        method = Objects.requireNonNull(method, "method").trim().toUpperCase(Locale.ROOT);
        Objects.requireNonNull(path, "path");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/', relative to the API base URL: " + path);
        }
        query = Map.copyOf(query == null ? Map.of() : query);
        headers = Map.copyOf(headers == null ? Map.of() : headers);
        for (String name : headers.keySet()) {
            if (name.equalsIgnoreCase("authorization")) {
                throw new IllegalArgumentException("Authorization comes from the provider's settings; do not set it per request");
            }
        }
    }

    /**
     * A new builder, for a {@code GET} until {@link Builder#method} says otherwise.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds a {@link GithubRequest}. */
    public static final class Builder {
        private String method = "GET";
        private @Nullable String path;
        private final Map<String, String> query = new LinkedHashMap<>();
        private @Nullable Object body;
        private final Map<String, String> headers = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * The HTTP method (default {@code GET}); any case.
         *
         * @param method the method, e.g. {@code POST}
         * @return this builder
         */
        public Builder method(String method) {
            this.method = method;
            return this;
        }

        /**
         * The path below the base URL; required.
         *
         * @param path starting with {@code /}, e.g. {@code /repos/o/r/issues}; may carry a query string
         * @return this builder
         */
        public Builder path(String path) {
            this.path = path;
            return this;
        }

        /**
         * Adds a query parameter (encoded when sent); a second one with the same name replaces the first.
         *
         * @param name the parameter name
         * @param value the parameter value, unencoded
         * @return this builder
         */
        public Builder query(String name, String value) {
            query.put(name, value);
            return this;
        }

        /**
         * The JSON body.
         *
         * @param body any Jackson-serialisable value (e.g. a Map), or null for none
         * @return this builder
         */
        public Builder body(@Nullable Object body) {
            this.body = body;
            return this;
        }

        /**
         * Adds a header; a second one with the same name replaces the first. Not {@code Authorization}:
         * that comes from the settings.
         *
         * @param name the header name
         * @param value the header value
         * @return this builder
         */
        public Builder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        /**
         * Declares that sending this request twice has the effect of sending it once, so that it
         * may be retried after a timeout or a 502/503/504 like a {@code GET}. Writes are otherwise
         * sent once (see {@code RetryStep}); mark only writes whose repetition
         * GitHub answers exactly like the first attempt.
         *
         * @return this builder
         */
        public Builder retrySafe() {
            headers.put(dev.integrations.internal.http.RetryStep.RETRY_SAFE_HEADER, "true");
            return this;
        }

        /**
         * The request.
         *
         * @return the request
         * @throws NullPointerException when no path was set
         * @throws IllegalArgumentException when the path or the headers are not acceptable (see
         *     {@link GithubRequest})
         */
        public GithubRequest build() {
            // The record rejects a missing path with this same exception.
            return new GithubRequest(method, Objects.requireNonNull(path, "path"), query, body, headers);
        }
    }
}
