package dev.integrations.github.app;

import dev.integrations.github.GithubClient;

import java.util.List;
import java.util.function.Consumer;

/**
 * App-level calls, made with the app's JWT (RS256, {@code iat} 60 s in the past, renewed before
 * its 10-minute limit). Obtained from {@code AuthManager.githubApp()}. Thread-safe.
 *
 * <p>Every method throws {@link GithubAppAuthenticationException} when GitHub refuses the JWT, and
 * the {@link dev.integrations.http.ApiException} family for other failures.
 */
public interface GithubAppClient {
    /**
     * {@code GET /app}: the authenticated app.
     *
     * @return the app
     * @throws GithubAppAuthenticationException when GitHub refuses the JWT
     */
    GithubAppInfo getApp();

    /**
     * {@code GET /app/installations}, every page.
     *
     * @return the app's installations
     * @throws GithubAppAuthenticationException when GitHub refuses the JWT
     */
    List<Installation> listInstallations();

    /**
     * {@code GET /app/installations/{id}}.
     *
     * @param installationId the installation
     * @return the installation
     * @throws InstallationNotFoundException when there is no such installation of this app
     * @throws GithubAppAuthenticationException when GitHub refuses the JWT
     */
    Installation getInstallation(long installationId);

    /**
     * {@code GET /repos/{owner}/{repo}/installation}.
     *
     * @param owner the repository's owner
     * @param repo the repository's name
     * @return the installation that reaches the repository
     * @throws InstallationNotFoundException when the app is not installed on it
     * @throws GithubAppAuthenticationException when GitHub refuses the JWT
     */
    Installation getRepositoryInstallation(String owner, String repo);

    /**
     * {@code GET /orgs/{org}/installation}.
     *
     * @param org the organization's login
     * @return the installation on the organization
     * @throws InstallationNotFoundException when the app is not installed there
     * @throws GithubAppAuthenticationException when GitHub refuses the JWT
     */
    Installation getOrganizationInstallation(String org);

    /**
     * {@code GET /users/{username}/installation}.
     *
     * @param username the user's login
     * @return the installation on the user's account
     * @throws InstallationNotFoundException when the app is not installed there
     * @throws GithubAppAuthenticationException when GitHub refuses the JWT
     */
    Installation getUserInstallation(String username);

    /**
     * {@code POST /app/installations/{id}/access_tokens}: a new token, every time (no cache;
     * sessions from {@code AuthManager.installation(...)} cache and renew tokens for you).
     *
     * @param request the installation and optional narrowing
     * @return the token
     * @throws InstallationNotFoundException when there is no such installation of this app
     * @throws dev.integrations.http.ValidationException when the narrowing asks for repositories or
     *     permissions the installation does not have (422)
     * @throws GithubAppAuthenticationException when GitHub refuses the JWT
     */
    InstallationToken createInstallationToken(InstallationTokenRequest request);

    /**
     * {@link #createInstallationToken(InstallationTokenRequest)} with a builder.
     *
     * @param request receives the request's builder
     * @return the token
     * @throws InstallationNotFoundException when there is no such installation of this app
     * @throws GithubAppAuthenticationException when GitHub refuses the JWT
     */
    default InstallationToken createInstallationToken(Consumer<InstallationTokenRequest.Builder> request) {
        return createInstallationToken(InstallationTokenRequest.of(request));
    }

    /**
     * A GitHub client authenticated with the app's JWT, for app endpoints this interface does not
     * cover (e.g. {@code GET /app/hook/config}).
     *
     * @return the client; its token is the current JWT
     */
    GithubClient client();
}
