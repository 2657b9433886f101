package dev.integrations.github.catalog;

import dev.integrations.internal.naming.ParameterNames;
import dev.integrations.github.actions.InvalidActionArgumentsException;

import com.fasterxml.jackson.databind.JsonNode;
import dev.integrations.github.GithubClient;
import dev.integrations.internal.json.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The GitHub actions as data, bound to one provider: list them (name, description, JSON Schema
 * of the parameters) and invoke any of them by name with JSON arguments, so a tool or agent
 * framework can expose the whole catalog without glue code per action.
 *
 * <pre>{@code
 * GithubActions actions = GithubActions.of(integrations.github());
 * for (GithubAction action : actions.list()) { ... register action.name(), action.parameters() ... }
 * JsonNode issue = actions.invoke("createIssue", "{\"owner\":\"o\",\"repo\":\"r\",\"title\":\"Hi\"}");
 * }</pre>
 *
 * <p>Arguments use GitHub's snake_case names ({@code issue_number}); results are GitHub's JSON,
 * {@code null} where a find action found nothing. Invalid arguments throw
 * {@link InvalidActionArgumentsException} before anything is sent; GitHub's errors throw the
 * usual {@link dev.integrations.http.ApiException}s.
 */
public final class GithubActions {
    private static final Map<String, ActionDefinition<?, ?>> BY_NAME = index();

    private final GithubClient github;

    private GithubActions(GithubClient github) {
        this.github = Objects.requireNonNull(github, "github");
    }

    /**
     * The catalog, invoking through {@code github}. It is built from the client rather than offered
     * by it so that the client's package does not depend on the catalog's.
     *
     * @param github the client the actions run on
     * @return the action catalog bound to {@code github}
     */
    public static GithubActions of(GithubClient github) {
        return new GithubActions(github);
    }

    /**
     * Every action, in catalog order (repositories, branches and files, codespaces, issues, pull
     * requests, gists, users and organizations).
     *
     * @return the actions (unmodifiable)
     */
    public static List<GithubAction> catalog() {
        return ActionCatalog.ALL.stream().map(ActionDefinition::action).toList();
    }

    /**
     * Every action, in catalog order.
     *
     * @return the actions (unmodifiable)
     */
    public List<GithubAction> list() {
        return catalog();
    }

    /**
     * The action with this name, if there is one.
     *
     * @param name the action name, e.g. {@code createIssue}
     * @return the action, or empty when there is none with that name
     */
    public Optional<GithubAction> find(String name) {
        return Optional.ofNullable(BY_NAME.get(name)).map(ActionDefinition::action);
    }

    /**
     * Runs an action with JSON arguments and returns its result as JSON.
     *
     * @param name the action name, e.g. {@code createIssue}
     * @param arguments a JSON object of the arguments; null or missing when the action takes none
     * @return the action's result as JSON
     * @throws InvalidActionArgumentsException for an unknown action or invalid arguments, before anything is sent
     */
    public JsonNode invoke(String name, @Nullable JsonNode arguments) {
        ActionDefinition<?, ?> definition = BY_NAME.get(name);
        if (definition == null) {
            throw new InvalidActionArgumentsException(String.valueOf(name), null, "no such GitHub action; known actions: "
                    + BY_NAME.keySet());
        }
        return definition.invoke(github, arguments);
    }

    /**
     * Runs an action with arguments given as JSON text, e.g. {@code {"owner":"o","repo":"r"}}.
     *
     * @param name the action name, e.g. {@code createIssue}
     * @param jsonArguments a JSON object as text; null or blank when the action takes none
     * @return the action's result as JSON
     */
    public JsonNode invoke(String name, @Nullable String jsonArguments) {
        JsonNode arguments;
        try {
            arguments = jsonArguments == null || jsonArguments.isBlank() ? null
                    : Json.parse(jsonArguments.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new InvalidActionArgumentsException(String.valueOf(name), null, "arguments are not valid JSON: "
                    + String.valueOf(e.getMessage()).lines().findFirst().orElse(""));
        }
        return invoke(name, arguments);
    }

    private static Map<String, ActionDefinition<?, ?>> index() {
        Map<String, ActionDefinition<?, ?>> byName = new LinkedHashMap<>();
        for (ActionDefinition<?, ?> definition : ActionCatalog.ALL) {
            if (byName.put(definition.action().name(), definition) != null) {
                throw new IllegalStateException("duplicate action " + definition.action().name());
            }
        }
        return java.util.Collections.unmodifiableMap(byName);
    }

    @Override
    public String toString() {
        return "GithubActions[" + BY_NAME.size() + " actions]";
    }
}
