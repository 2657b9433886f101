/**
 * The GitHub API client: {@link dev.integrations.github.GithubClient}, its settings
 * ({@link dev.integrations.github.GithubSettings}), raw requests and responses, paging
 * ({@link dev.integrations.github.Page}, {@link dev.integrations.github.Pages}) and rate limits
 * ({@link dev.integrations.github.RateLimitPolicy}, {@link dev.integrations.github.RateLimitSnapshot}).
 *
 * <p>Get a client from {@code Integrations.github()} (one token from settings or the environment)
 * or from an {@code AuthManager} session (a user's stored token, refreshed as needed). Typed calls
 * take the request records of {@code dev.integrations.github.actions} and return the types of
 * {@code dev.integrations.github.model}; signing in with GitHub lives in
 * {@code dev.integrations.github.auth}. The client's traffic steps (headers, redirects, retries,
 * rate-limit waits, conditional requests) are internal; GitHub's rules for them are described at
 * <a href="https://docs.github.com/en/rest/using-the-rest-api/best-practices-for-using-the-rest-api">
 * best practices for using the REST API</a>.
 *
 * <p>Types, parameters and results are non-null unless annotated {@code @Nullable}
 * (JSpecify's {@code @NullMarked}); NullAway checks this when the module is built.
 */
@NullMarked
package dev.integrations.github;

import org.jspecify.annotations.NullMarked;
