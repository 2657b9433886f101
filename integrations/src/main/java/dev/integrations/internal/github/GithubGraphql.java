package dev.integrations.internal.github;

import dev.integrations.github.GithubRequest;
import dev.integrations.github.GithubResponse;
import dev.integrations.github.GraphqlException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.integrations.http.TransportException;
import dev.integrations.internal.json.Json;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Calls GitHub's GraphQL API ({@code POST /graphql} with {@code {"query", "variables"}}) through
 * the same provider, token and steps as the REST calls.
 *
 * <p>Two GraphQL habits are turned into ordinary Java ones: errors arrive with HTTP 200 in an
 * {@code errors} array, and are thrown here as a {@link GraphqlException}; and the endpoint of
 * GitHub Enterprise Server is {@code https://HOST/api/graphql}, beside (not below) the REST root
 * {@code https://HOST/api/v3}
 * (https://docs.github.com/en/enterprise-server@latest/graphql/guides/forming-calls-with-graphql#the-graphql-endpoint), which is derived here from the base URL.
 */
public final class GithubGraphql {
    private static final String GHES_REST_SUFFIX = "/api/v3";

    private final GithubCore github;

    /** GraphQL calls through {@code github}. */
    public GithubGraphql(GithubCore github) {
        this.github = Objects.requireNonNull(github, "github");
    }

    /**
     * Runs a query or mutation and returns its {@code data}.
     *
     * @param query the GraphQL document
     * @param variables the variables, or null for none; any Jackson-serialisable values
     * @throws GraphqlException when GitHub reports errors, even with HTTP 200
     * @throws dev.integrations.http.ApiException for HTTP errors (401 for a bad token, etc.)
     */
    public JsonNode execute(String query, Map<String, ?> variables) {
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException("a GraphQL query is required");
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("variables", variables == null ? Map.of() : variables);
        GithubResponse response = endpointProvider().rawRequest(GithubRequest.builder().method("POST").path("/graphql").body(body).build());
        JsonNode json = response.body();
        if (!json.isObject()) {
            throw new TransportException("GitHub POST /graphql returned no JSON object (HTTP " + response.status()
                    + "); check base_url");
        }
        JsonNode errors = json.get("errors");
        JsonNode data = json.hasNonNull("data") ? json.get("data") : null;
        if (errors != null && errors.isArray() && !errors.isEmpty()) {
            throw toException(response, errors, data);
        }
        if (data == null) {
            throw new TransportException("GitHub POST /graphql returned neither data nor errors (HTTP " + response.status() + ")");
        }
        return data;
    }

    /** The provider to send to: the same one, except on GHES where GraphQL sits beside {@code /api/v3}. */
    private GithubCore endpointProvider() {
        URI base = github.settings().baseUrl();
        String path = base.getPath() == null ? "" : base.getPath();
        if (!path.endsWith(GHES_REST_SUFFIX)) {
            return github;
        }
        String graphqlRoot = base.toString().substring(0, base.toString().length() - "/v3".length());
        return github.withSettings(Map.of("base_url", graphqlRoot));
    }

    private static GraphqlException toException(GithubResponse response, JsonNode errors, @Nullable JsonNode data) {
        List<Map<String, Object>> list = new ArrayList<>();
        List<String> messages = new ArrayList<>();
        boolean scopes = false;
        for (JsonNode error : errors) {
            Map<String, Object> map = error.isObject() ? Json.toMap(error) : Map.of("message", error.asText());
            list.add(map);
            messages.add(Objects.toString(map.get("message"), "(no message)"));
            scopes |= "INSUFFICIENT_SCOPES".equals(map.get("type")) || "FORBIDDEN".equals(map.get("type"));
        }
        String first = messages.get(0);
        String summary = String.join("; ", messages.subList(0, Math.min(messages.size(), 5)))
                + (messages.size() > 5 ? "; and " + (messages.size() - 5) + " more" : "");
        String message = "GitHub POST /graphql returned " + messages.size() + " GraphQL error" + (messages.size() == 1 ? "" : "s")
                + ": " + truncate(summary)
                + (scopes ? "; the token lacks a scope or permission for this query" : "")
                + response.requestId().map(id -> " [request id " + id + "]").orElse("");
        return new GraphqlException(message, new dev.integrations.http.ApiException.ErrorDetails(response.status(), "POST",
                "/graphql", first, null, response.requestId().orElse(null)), list, data);
    }

    private static String truncate(String s) {
        return s.length() > 500 ? s.substring(0, 500) + "..." : s;
    }
}
