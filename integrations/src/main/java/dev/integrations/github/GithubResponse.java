package dev.integrations.github;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A successful response from {@link GithubClient#rawRequest}.
 *
 * @param status the HTTP status (2xx or 304)
 * @param headers the response headers, names lower case
 * @param body the JSON body; {@link MissingNode} when the body was empty or not JSON
 * @param text the body as text (useful for raw media types)
 */
public record GithubResponse(int status, Map<String, List<String>> headers, JsonNode body, String text) {
    /**
     * Copies the headers and stores a missing body as {@link MissingNode}, never null.
     *
     * @param status the HTTP status (2xx or 304)
     * @param headers the response headers, names lower case
     * @param body the JSON body; {@link MissingNode} when the body was empty or not JSON
     * @param text the body as text (useful for raw media types)
     */
    public GithubResponse {
        headers = Map.copyOf(headers);
        body = body == null ? MissingNode.getInstance() : body;
    }

    /**
     * The first value of a header, case-insensitive.
     *
     * @param name the header name, in any case
     * @return its first value, or empty when the response does not have it
     */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /**
     * A copy of the body: JSON trees are mutable, so each call gets its own.
     *
     * @return a copy of the JSON body; {@link MissingNode} when the body was empty or not JSON
     */
    @Override
    public JsonNode body() {
        return body.deepCopy();
    }

    /** The body without a copy, for this package's own parsing of a response nobody else holds. */
    JsonNode tree() {
        return body;
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

    @Override
    public String toString() {
        return "GithubResponse[status=" + status + ", " + text.length() + " chars]";
    }
}
