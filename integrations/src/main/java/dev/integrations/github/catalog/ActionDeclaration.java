package dev.integrations.github.catalog;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the declaration file ({@code integrations/src/main/actions/github-actions.json}) says about
 * one action, as generated into {@link ActionDeclarations}: everything but the call logic, which
 * {@link ActionCatalog} adds.
 *
 * @param name the action's name, e.g. {@code createIssue}
 * @param group the catalog group it is listed under, e.g. {@code Issues}
 * @param description what it does, needs and returns, for whoever picks an action from a list
 * @param requestType its request record, or null when it takes no parameters
 * @param http the GitHub calls it makes, e.g. {@code POST /repos/{owner}/{repo}/issues}
 * @param <R> the request record
 */
record ActionDeclaration<R extends Record>(String name, String group, String description, @Nullable Class<R> requestType,
                                           List<String> http) {
    ActionDeclaration {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        http = List.copyOf(http);
    }
}
