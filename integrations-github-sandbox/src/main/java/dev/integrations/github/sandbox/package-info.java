/**
 * An embeddable, stateful, real-HTTP stand-in for github.com's OAuth endpoints and a subset of
 * api.github.com, for tests ({@link dev.integrations.github.sandbox.GithubSandboxExtension}) and
 * offline use ({@link dev.integrations.github.sandbox.GithubSandboxMain}).
 *
 * <p>Behaviour follows {@code shared/github/PROTOCOL.md} and GitHub's OpenAPI description; where
 * PROTOCOL marks a fact UNVERIFIED, the choice made is documented on the class that makes it.
 * Start with {@link dev.integrations.github.sandbox.GithubSandbox}.
 */
package dev.integrations.github.sandbox;
