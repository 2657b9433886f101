/**
 * Acting as a GitHub App: its settings ({@link dev.integrations.github.app.GithubAppSettings}: App ID
 * or Client ID and private key), app-level calls made with the app's JWT
 * ({@link dev.integrations.github.app.GithubAppClient}) and installation access tokens narrowed by
 * an {@link dev.integrations.github.app.InstallationTokenRequest}.
 *
 * <p>Configure it with {@code AuthManager.builder().githubApp(...)} (or {@code GITHUB_APP_ID} and
 * {@code GITHUB_APP_PRIVATE_KEY_PATH} in the environment); {@code auth.installation(id)} then gives
 * an {@code Integrations} whose {@code github()} acts as the installation. See
 * <a href="https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/about-authentication-with-a-github-app">
 * authenticating with a GitHub App</a>.
 *
 * <p>Types, parameters and results are non-null unless annotated {@code @Nullable}
 * (JSpecify's {@code @NullMarked}); NullAway checks this when the module is built.
 */
@NullMarked
package dev.integrations.github.app;

import org.jspecify.annotations.NullMarked;
