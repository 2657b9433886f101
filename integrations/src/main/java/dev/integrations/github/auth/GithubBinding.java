package dev.integrations.github.auth;

import dev.integrations.auth.MissingCredentialsException;
import dev.integrations.github.GithubSettings;

/**
 * Turns app and user credentials into the settings of a session's GitHub provider: the user's
 * access token first (its {@code token_type} as the scheme, {@code bearer} normalised to
 * {@code Bearer}), then the app's personal access token, else a
 * {@link MissingCredentialsException} that says what to configure.
 */
public final class GithubBinding {
    private GithubBinding() {
    }

    /**
     * Binds credentials into {@code base}.
     *
     * @param app the resolved app credentials
     * @param user the user's credentials, or null
     * @param base the settings to start from (base URL, user agent, timeout, ...)
     * @param subject the subject, for the error message; may be null
     */
    public static GithubSettings bind(GithubAppCredentials app, GithubUserCredentials user, GithubSettings base,
                                      String subject) {
        if (user != null && user.accessToken() != null) {
            return base.withToken(user.accessToken(), GithubSettings.normalizeScheme(user.tokenType()));
        }
        if (app.token() != null) {
            return base.withToken(app.token(), GithubSettings.DEFAULT_AUTHORIZATION_SCHEME);
        }
        String who = subject == null ? "this session" : "subject '" + subject + "'";
        throw new MissingCredentialsException("github", "No GitHub credentials for " + who + ": connect the user with"
                + " auth.github().oauth2() and auth.storeCredentials(\"github\", subject, credentials), pass them with"
                + " withCredentials(\"github\", ...), or set an app-wide personal access token (GITHUB_TOKEN or"
                + " GITHUB_API_TOKEN, or GithubAppCredentials.builder().token(...)).");
    }
}
