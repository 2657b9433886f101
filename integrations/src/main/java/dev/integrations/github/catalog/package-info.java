/**
 * The GitHub actions as data, for tools and agent frameworks:
 * {@link dev.integrations.github.catalog.GithubActions#of(dev.integrations.github.GithubClient)}
 * binds the catalog to a client; each {@link dev.integrations.github.catalog.GithubAction} has a
 * name, a description and a JSON Schema of its parameters, and {@code invoke(name, jsonArguments)}
 * runs any action by name.
 *
 * <p>It sits above {@code dev.integrations.github} (the client it invokes through) and
 * {@code dev.integrations.github.actions} (the request records it reads arguments into); nothing
 * below depends on it.
 *
 * <p>Types, parameters and results are non-null unless annotated {@code @Nullable}
 * (JSpecify's {@code @NullMarked}); NullAway checks this when the module is built.
 */
@NullMarked
package dev.integrations.github.catalog;

import org.jspecify.annotations.NullMarked;
