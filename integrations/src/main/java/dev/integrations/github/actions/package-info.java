/**
 * The typed GitHub actions: one immutable request record (with a builder) per action, the enums
 * their fields take, the catalog that describes every action by name
 * ({@link dev.integrations.github.actions.GithubActions}) and the exceptions specific to actions.
 *
 * <p>Call an action through the client ({@code github.createIssue(request)}) or, when the action
 * is chosen at run time (for example by a language model), through the catalog with a map of
 * arguments. Results are types of {@code dev.integrations.github.model}.
 *
 * <p>Types, parameters and results are non-null unless annotated {@code @Nullable}
 * (JSpecify's {@code @NullMarked}); NullAway checks this when the module is built.
 */
@NullMarked
package dev.integrations.github.actions;

import org.jspecify.annotations.NullMarked;
