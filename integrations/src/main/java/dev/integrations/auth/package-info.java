/**
 * The auth model behind {@link dev.integrations.AuthManager} (in the root package, the top layer):
 * users, their credentials and per-user sessions.
 *
 * <p>An {@code AuthManager} owns the auth providers (one per service, e.g. GitHub's
 * {@code GithubAuthProvider}), the credential store and the one HTTP transport every flow and
 * session shares. It runs the OAuth flow ({@code dev.integrations.auth.oauth2}), stores what the
 * flow yields ({@code dev.integrations.auth.store}), refreshes rotating tokens so that concurrent
 * callers never spend one refresh token twice, and binds a user's credentials to an API client
 * ({@code session(...)}). A {@link dev.integrations.auth.Subject} names whose credentials they are.
 *
 * <p>Auth providers plug in through {@link dev.integrations.auth.AuthProviderFactory}, found with
 * {@link java.util.ServiceLoader}. The exceptions here say why a user must sign in again
 * ({@link dev.integrations.auth.ReauthorizationRequiredException}) or why a call cannot proceed.
 *
 * <p>Types, parameters and results are non-null unless annotated {@code @Nullable}
 * (JSpecify's {@code @NullMarked}); NullAway checks this when the module is built.
 */
@NullMarked
package dev.integrations.auth;


import org.jspecify.annotations.NullMarked;
