package dev.integrations.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import dev.integrations.http.HttpResult;
import dev.integrations.internal.json.ReadOnlyJson;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * A successful response from {@link GithubClient#rawRequest}: status, headers and the JSON body.
 *
 * <p>The body is a read-only tree: it is parsed once and shared with the typed results built
 * from it, so nothing copies it. Its mutators ({@code put}, {@code set}, {@code remove}...) throw
 * {@link UnsupportedOperationException}; {@code body().deepCopy()} gives a tree you may change.
 * The lower-cased header map and the body as text are made when first asked for.
 */
public final class GithubResponse {
    private final int status;
    private final JsonNode body;
    /** What the client received; null for a response built from parts. */
    private final @Nullable HttpResult received;
    // Derived on first use; a race computes the same immutable value twice, harmlessly.
    private @Nullable Map<String, List<String>> headers;
    private @Nullable String text;

    /**
     * A response built from its parts (for tests and custom clients).
     *
     * @param status the HTTP status (2xx or 304)
     * @param headers the response headers, names lower case
     * @param body the JSON body; {@link MissingNode} (also for null) when the body was empty or not JSON;
     *     kept read-only (copied unless it is read-only already)
     * @param text the body as text (useful for raw media types)
     */
    public GithubResponse(int status, Map<String, List<String>> headers, @Nullable JsonNode body, String text) {
        this.status = status;
        this.headers = Map.copyOf(headers);
        this.body = body == null ? MissingNode.getInstance() : Objects.requireNonNull(ReadOnlyJson.of(body));
        this.text = Objects.requireNonNull(text, "text");
        this.received = null;
    }

    private GithubResponse(HttpResult received, JsonNode body) {
        this.status = received.status();
        this.body = body;
        this.received = received;
    }

    /**
     * The response to an exchange, reading its headers and text from {@code received} only when
     * asked for.
     *
     * @param received what the transport received
     * @param body the body parsed as JSON, or {@link MissingNode}; kept read-only (copied unless
     *     it is read-only already)
     * @return the response
     */
    public static GithubResponse of(HttpResult received, JsonNode body) {
        return new GithubResponse(Objects.requireNonNull(received, "received"),
                Objects.requireNonNull(ReadOnlyJson.of(Objects.requireNonNull(body, "body"))));
    }

    /**
     * The HTTP status.
     *
     * @return the status (2xx or 304)
     */
    public int status() {
        return status;
    }

    /**
     * The response headers.
     *
     * @return an immutable map from lower-case header name to its values
     */
    public Map<String, List<String>> headers() {
        Map<String, List<String>> map = headers;
        if (map == null) {
            map = lowerCased(Objects.requireNonNull(received).headers().map());
            headers = map;
        }
        return map;
    }

    /**
     * The JSON body, read-only (see the class comment); {@code deepCopy()} it to change it.
     *
     * @return the JSON body; {@link MissingNode} when the body was empty or not JSON
     */
    public JsonNode body() {
        return body;
    }

    /**
     * The body as text, for raw media types ({@code application/vnd.github.raw}, diffs...).
     *
     * @return the body decoded as UTF-8; empty when there was none
     */
    public String text() {
        String value = text;
        if (value == null) {
            value = Objects.requireNonNull(received).bodyText();
            text = value;
        }
        return value;
    }

    /**
     * The first value of a header, case-insensitive.
     *
     * @param name the header name, in any case
     * @return its first value, or empty when the response does not have it
     */
    public Optional<String> header(String name) {
        if (headers == null && received != null) {
            return received.header(name);
        }
        List<String> values = headers().get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    private static Map<String, List<String>> lowerCased(Map<String, List<String>> received) {
        @SuppressWarnings("unchecked")
        Map.Entry<String, List<String>>[] entries = new Map.Entry[received.size()];
        int i = 0;
        for (Map.Entry<String, List<String>> header : received.entrySet()) {
            // HttpHeaders' map is case-insensitive, so lower-casing cannot make two names collide.
            entries[i++] = Map.entry(header.getKey().toLowerCase(Locale.ROOT), header.getValue());
        }
        return Map.ofEntries(entries);
    }

    /**
     * GitHub's request id ({@code X-GitHub-Request-Id}), to quote when asking GitHub's support.
     *
     * @return the request id, or empty when GitHub sent none
     */
    public Optional<String> requestId() {
        return header("x-github-request-id");
    }

    /**
     * The OAuth scopes the token carries, as GitHub listed them in {@code X-OAuth-Scopes}. Read
     * from the headers on each call (nothing is parsed unless asked for).
     *
     * @return the scopes, e.g. {@code [repo, user]}; empty when the token has none or GitHub did
     *     not say (GitHub App and fine-grained tokens have permissions instead)
     */
    public List<String> grantedScopes() {
        return scopeList(header("x-oauth-scopes").orElse(null));
    }

    /**
     * The OAuth scopes the endpoint accepts, as GitHub listed them in {@code X-Accepted-OAuth-Scopes}.
     *
     * @return the scopes; empty when the endpoint needs none or GitHub did not say
     */
    public List<String> acceptedScopes() {
        return scopeList(header("x-accepted-oauth-scopes").orElse(null));
    }

    /**
     * The permission sets the endpoint accepts from GitHub App and fine-grained tokens, as GitHub
     * listed them in {@code X-Accepted-GitHub-Permissions}; any one complete set is enough.
     *
     * @return the sets, each permission name to level; empty when GitHub did not say
     */
    public List<Map<String, String>> acceptedPermissions() {
        return MissingPermissionException.parse(header("x-accepted-github-permissions").orElse(null));
    }

    private static List<String> scopeList(@org.jspecify.annotations.Nullable String header) {
        if (header == null || header.isBlank()) {
            return List.of();
        }
        java.util.ArrayList<String> scopes = new java.util.ArrayList<>();
        for (String scope : header.split(",")) {
            if (!scope.isBlank()) {
                scopes.add(scope.trim());
            }
        }
        return List.copyOf(scopes);
    }

    /** Equal when status, headers, body and text are. */
    @Override
    public boolean equals(Object o) {
        return o instanceof GithubResponse other && status == other.status && body.equals(other.body)
                && headers().equals(other.headers()) && text().equals(other.text());
    }

    @Override
    public int hashCode() {
        return Objects.hash(status, headers(), body);
    }

    /** Never the body or headers: either may carry personal data. */
    @Override
    public String toString() {
        return "GithubResponse[status=" + status + ", " + text().length() + " chars]";
    }
}
