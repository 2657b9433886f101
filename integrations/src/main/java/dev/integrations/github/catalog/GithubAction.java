package dev.integrations.github.catalog;

import com.fasterxml.jackson.databind.JsonNode;
import dev.integrations.internal.json.Json;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One action described as data, for tools and agent frameworks: call it with
 * {@link GithubActions#invoke(String, JsonNode)}.
 *
 * @param name the action's name, the same as its method on {@code GithubClient}, e.g. {@code createIssue}
 * @param description what it does, in a sentence or two
 * @param parameters the JSON Schema of its arguments: an object schema whose {@code required}
 *     lists the parameters the action cannot run without
 */
public record GithubAction(String name, String description, JsonNode parameters) {
    /**
     * Checks the parts and keeps its own copy of the schema.
     *
     * @param name the action's name, the same as its method on {@code GithubClient}, e.g. {@code createIssue}
     * @param description what it does, in a sentence or two
     * @param parameters the JSON Schema of its arguments: an object schema whose {@code required}
     *     lists the parameters the action cannot run without
     */
    public GithubAction {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        parameters = Objects.requireNonNull(parameters, "parameters").deepCopy();
    }

    /**
     * A copy of the schema: trees are mutable, so each call gets its own.
     *
     * @return a copy of the JSON Schema of the arguments
     */
    @Override
    public JsonNode parameters() {
        return parameters.deepCopy();
    }

    /**
     * The schema as plain Java maps and lists, for frameworks that take a {@code Map}.
     *
     * @return the schema as nested maps and lists
     */
    public Map<String, Object> parametersAsMap() {
        return Json.toMap(parameters);
    }

    /**
     * The JSON names of the required parameters.
     *
     * @return the names, in schema order (unmodifiable)
     */
    public List<String> requiredParameters() {
        List<String> names = new ArrayList<>();
        parameters.path("required").forEach(n -> names.add(n.asText()));
        return List.copyOf(names);
    }

    @Override
    public String toString() {
        return "GithubAction[" + name + "]";
    }
}
