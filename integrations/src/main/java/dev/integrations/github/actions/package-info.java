/**
 * The typed GitHub actions: one immutable request record (with a builder) per action, the enums
 * their fields take and the exceptions specific to actions. The catalog that describes every
 * action by name ({@link dev.integrations.github.catalog.GithubActions}) lives in
 * {@code dev.integrations.github.catalog}, above both this package and the client.
 *
 * <p>Call an action through the client ({@code github.createIssue(request)}) or, when the action
 * is chosen at run time (for example by a language model), through the catalog with JSON
 * arguments. Results are types of {@code dev.integrations.github.model}.
 *
 * <p>Types, parameters and results are non-null unless annotated {@code @Nullable}
 * (JSpecify's {@code @NullMarked}); NullAway checks this when the module is built.
 */
@NullMarked
package dev.integrations.github.actions;

import org.jspecify.annotations.NullMarked;
