/**
 * An embeddable, stateful, real-HTTP stand-in for github.com's OAuth endpoints and a subset of
 * api.github.com, for tests ({@link dev.integrations.github.sandbox.GithubSandboxExtension}) and
 * offline use ({@link dev.integrations.github.sandbox.GithubSandboxMain}).
 *
 * <p>Behaviour follows GitHub's documentation of OAuth apps
 * (<a href="https://docs.github.com/en/apps/oauth-apps">docs.github.com/en/apps/oauth-apps</a>)
 * and of the REST API (<a href="https://docs.github.com/en/rest">docs.github.com/en/rest</a>),
 * and GitHub's OpenAPI description; where the documentation is silent, the choice made is
 * documented on the class that makes it.
 * Start with {@link dev.integrations.github.sandbox.GithubSandbox}.
 *
 * <p>Types, parameters and results are non-null unless annotated {@code @Nullable}
 * (JSpecify's {@code @NullMarked}); NullAway checks this when the module is built.
 */
@NullMarked
package dev.integrations.github.sandbox;

import org.jspecify.annotations.NullMarked;
