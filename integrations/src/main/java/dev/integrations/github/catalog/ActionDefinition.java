package dev.integrations.github.catalog;

import dev.integrations.github.actions.InvalidActionArgumentsException;

import com.fasterxml.jackson.databind.JsonNode;
import dev.integrations.github.GithubClient;

import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One catalog entry: the public description plus what it takes to run the action from JSON
 * (the request record to read the arguments into, the typed call, and how to write the result).
 *
 * @param <R> the request record
 * @param <T> the typed result
 */
final class ActionDefinition<R extends Record, T> {
    private final GithubAction action;
    private final @Nullable Class<R> requestType;
    private final BiFunction<GithubClient, R, T> call;
    private final Function<T, JsonNode> toJson;

    private ActionDefinition(ActionDeclaration<R> declaration, BiFunction<GithubClient, R, T> call,
                             Function<T, JsonNode> toJson) {
        this.action = new GithubAction(declaration.name(), declaration.description(), ActionSchemas.of(declaration.requestType()));
        this.requestType = declaration.requestType();
        this.call = Objects.requireNonNull(call, "call");
        this.toJson = Objects.requireNonNull(toJson, "toJson");
    }

    /** A declared action with its call logic: the typed call and how to write its result as JSON. */
    static <R extends Record, T> ActionDefinition<R, T> of(ActionDeclaration<R> declaration,
                                                          BiFunction<GithubClient, R, T> call, Function<T, JsonNode> toJson) {
        Objects.requireNonNull(declaration.requestType(), "requestType");
        return new ActionDefinition<>(declaration, call, toJson);
    }

    /** A declared action without parameters. */
    static <T> ActionDefinition<Record, T> withoutParameters(ActionDeclaration<Record> declaration,
                                                            Function<GithubClient, T> call, Function<T, JsonNode> toJson) {
        if (declaration.requestType() != null) {
            throw new IllegalArgumentException(declaration.name() + " declares parameters");
        }
        return new ActionDefinition<>(declaration, (github, ignored) -> call.apply(github), toJson);
    }

    GithubAction action() {
        return action;
    }

    @Nullable Class<R> requestType() {
        return requestType;
    }

    JsonNode invoke(GithubClient github, @Nullable JsonNode arguments) {
        R request;
        if (requestType == null) {
            if (arguments != null && !arguments.isNull() && !arguments.isMissingNode() && !(arguments.isObject() && arguments.isEmpty())) {
                throw new InvalidActionArgumentsException(action.name(), null, "takes no parameters");
            }
            request = null;
        } else {
            request = ActionArgumentsReader.read(action.name(), requestType, arguments);
        }
        return toJson.apply(call.apply(github, request));
    }
}
