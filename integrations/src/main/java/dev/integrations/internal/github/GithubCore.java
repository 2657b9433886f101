package dev.integrations.internal.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.integrations.github.GithubRequest;
import dev.integrations.github.GithubResponse;
import dev.integrations.github.GithubSettings;
import dev.integrations.github.Pages;

import java.util.Map;
import java.util.function.Function;

/**
 * The narrow core the action call logic and the GraphQL helper need from a GitHub client: send
 * one request, page through a list, read and change settings. Depending on this instead of the
 * client keeps the actions free of the client's chain and of the public interface's 60-odd
 * methods, and lets the client implementation call the actions without a cycle.
 */
public interface GithubCore {
    /**
     * The settings in force.
     *
     * @return the settings
     */
    GithubSettings settings();

    /**
     * A core with {@code changes} merged into the settings (same transport and token source).
     *
     * @param changes snake_case settings
     * @return a new core
     */
    GithubCore withSettings(Map<String, ?> changes);

    /**
     * Sends one request; statuses of 400 and above throw a typed {@code ApiException}.
     *
     * @param request the request
     * @return the response
     */
    GithubResponse rawRequest(GithubRequest request);

    /**
     * A list endpoint as lazily fetched pages.
     *
     * @param request a GET request
     * @param mapper turns one JSON item into a {@code T}
     * @param <T> the item type
     * @return the pages, not yet fetched
     */
    <T> Pages<T> paginate(GithubRequest request, Function<JsonNode, ? extends T> mapper);
}
