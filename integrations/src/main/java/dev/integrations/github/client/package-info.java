/**
 * Factories for the GitHub client: {@link dev.integrations.github.client.GithubClients} builds a
 * {@link dev.integrations.github.GithubClient} from settings and a transport, optionally with a
 * per-user token source. It is the only exported package that names the internal implementation,
 * and nothing else in the SDK depends on it.
 *
 * <p>Types, parameters and results are non-null unless annotated {@code @Nullable}
 * (JSpecify's {@code @NullMarked}); NullAway checks this when the module is built.
 */
@NullMarked
package dev.integrations.github.client;

import org.jspecify.annotations.NullMarked;
