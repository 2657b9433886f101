/**
 * Signing users in with GitHub: the application's registration
 * ({@link dev.integrations.github.auth.GithubAppCredentials}), what a user's sign-in yields
 * ({@link dev.integrations.github.auth.GithubUserCredentials}) and the auth provider that joins
 * them to the OAuth flow ({@link dev.integrations.github.auth.GithubAuthProvider}).
 *
 * <p>Register the credentials with {@code AuthManager.builder().github(...)}; the auth manager then
 * runs the flow and hands out sessions whose client is the GitHub client of
 * {@code dev.integrations.github}. GitHub's flow is described at
 * <a href="https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps">
 * authorizing OAuth apps</a>.
 *
 * <p>Types, parameters and results are non-null unless annotated {@code @Nullable}
 * (JSpecify's {@code @NullMarked}); NullAway checks this when the module is built.
 */
@NullMarked
package dev.integrations.github.auth;

import org.jspecify.annotations.NullMarked;
