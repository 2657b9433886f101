package dev.integrations.github.sandbox;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One HTTP request as a {@link GithubSandbox} received it, recorded before it was handled
 * (including requests answered by an {@linkplain GithubSandbox#enqueueResponse enqueued fault}).
 *
 * <p>Tests use it to check what a client really sent: headers such as {@code User-Agent},
 * {@code Accept} and {@code X-GitHub-Api-Version} (https://docs.github.com/en/rest/using-the-rest-api/getting-started-with-the-rest-api), or the parameters of a token
 * request (https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps). Records hold secrets exactly as sent; {@link #toString()} leaves out the query,
 * header values and body so that a failed assertion does not print them.
 *
 * @param method  the request method, e.g. {@code GET}
 * @param path    the raw (still percent-encoded) path, e.g. {@code /login/oauth/access_token}
 * @param query   the raw query string without {@code ?}, or {@code ""} if there was none
 * @param headers header values by lower-case name, in the order received
 * @param body    the body decoded as UTF-8, or {@code ""}
 */
public record RecordedRequest(String method, String path, String query, Map<String, List<String>> headers, String body) {

    /**
     * Normalises a recorded request: no {@code null} query or body, header names in lower case, an unmodifiable copy of the headers.
     * @param method  the request method, e.g. {@code GET}
     * @param path    the raw (still percent-encoded) path, e.g. {@code /login/oauth/access_token}
     * @param query   the raw query string without {@code ?}, or {@code ""} if there was none
     * @param headers header values by lower-case name, in the order received
     * @param body    the body decoded as UTF-8, or {@code ""}
     */
    public RecordedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        query = query == null ? "" : query;
        body = body == null ? "" : body;
        Map<String, List<String>> copy = new LinkedHashMap<>();
        if (headers != null) {
            headers.forEach((name, values) -> copy
                    .computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                    .addAll(values));
        }
        copy.replaceAll((name, values) -> List.copyOf(values));
        headers = Collections.unmodifiableMap(copy);
    }

    @Override
    public String toString() {
        return "RecordedRequest[" + method + " " + path + (query.isEmpty() ? "" : "?<" + query.length() + " chars>")
                + ", headers=" + headers.keySet() + ", body=<" + body.length() + " chars>]";
    }

    /**
     * The first value of the named header, ignoring case, or {@code null} if absent.
     *
     * @param name the header name, in any case
     * @return the first value, or {@code null}
     */
    public @Nullable String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /**
     * The request's parameters: the query string, overridden by a form body when the body is
     * {@code application/x-www-form-urlencoded} (or has no content type). One value per name, the
     * first sent. JSON bodies are not parsed here.
     *
     * @return parameter name to first value
     */
    public Map<String, String> formParameters() {
        Map<String, String> result = new LinkedHashMap<>(FormCodec.decodeFirst(query));
        String contentType = header("content-type");
        boolean formBody = contentType == null
                ? !body.isBlank() && !body.stripLeading().startsWith("{")
                : contentType.toLowerCase(Locale.ROOT).startsWith("application/x-www-form-urlencoded");
        if (formBody) {
            result.putAll(FormCodec.decodeFirst(body));
        }
        return Collections.unmodifiableMap(result);
    }
}
