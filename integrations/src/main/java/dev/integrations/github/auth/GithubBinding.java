package dev.integrations.github.auth;

import dev.integrations.auth.InvalidCredentialsException;
import dev.integrations.auth.MissingCredentialsException;
import dev.integrations.github.GithubSettings;
import dev.integrations.internal.http.HeaderValues;
import org.jspecify.annotations.Nullable;

/**
 * Turns app and user credentials into the settings of a session's GitHub provider: the user's
 * access token first (its {@code token_type} as the scheme, {@code bearer} normalised to
 * {@code Bearer}), then the app's personal access token where it may serve (see
 * {@link GithubAppCredentials#tokenServes}), else a {@link MissingCredentialsException} that says
 * what to configure.
 */
final class GithubBinding {
    private GithubBinding() {
    }

    /**
     * Binds credentials into {@code base}.
     *
     * @param app the resolved app credentials
     * @param user the user's credentials, or null
     * @param base the settings to start from (base URL, user agent, timeout, ...)
     * @param subject the session's canonical subject, or null for a session without one
     * @throws MissingCredentialsException when the user has no token and the app's token may not
     *     stand in for them
     */
    public static GithubSettings bind(GithubAppCredentials app, @Nullable GithubUserCredentials user,
                                      GithubSettings base, @Nullable String subject) {
        if (user != null && user.accessToken() != null) {
            checkCredential(user.accessToken(), "access token", subject);
            checkCredential(user.tokenType(), "token_type", subject);
            return base.withToken(user.accessToken(), GithubSettings.normalizeScheme(user.tokenType()));
        }
        if (app.tokenServes(subject)) {
            return base.withToken(app.token(), GithubSettings.DEFAULT_AUTHORIZATION_SCHEME);
        }
        String who = who(subject);
        String connect = "No GitHub credentials for " + who + ": connect the user with auth.github().oauth2() and"
                + " auth.storeCredentials(\"github\", subject, credentials), or pass them with withCredentials(\"github\", ...)";
        if (subject != null && app.clientId() != null) {
            throw new MissingCredentialsException("github", connect + ". An app-wide personal access token (GITHUB_TOKEN"
                    + " or GITHUB_API_TOKEN) " + (app.token() == null ? "would not help either" : "is set but not used")
                    + ": with OAuth configured (client_id is set) it serves subjects without credentials only when the"
                    + " application opts in with GithubAppCredentials.builder().appTokenFallback(true) or "
                    + GithubAppCredentials.APP_TOKEN_FALLBACK_ENV + "=true, because every such user then acts as the"
                    + " token's owner.");
        }
        throw new MissingCredentialsException("github", connect + ", or set an app-wide personal access token (GITHUB_TOKEN"
                + " or GITHUB_API_TOKEN, or GithubAppCredentials.builder().token(...)).");
    }

    /**
     * A token from a token endpoint or a store goes into the {@code Authorization} header; a
     * character a header cannot hold (CR/LF, a zero-width space) is refused here, naming the
     * credential and the position, because the JDK's own refusal would quote the token.
     */
    private static void checkCredential(@Nullable String value, String what, @Nullable String subject) {
        String problem = HeaderValues.problem(value, false);
        if (problem != null) {
            throw new InvalidCredentialsException("The " + what + " of the GitHub credentials for " + who(subject) + " "
                    + problem + ", so it cannot be sent in an Authorization header. Store fresh credentials (connect the"
                    + " user again), or correct the value where it was copied from.");
        }
    }

    private static String who(@Nullable String subject) {
        return subject == null ? "this session" : "subject '" + subject + "'";
    }
}
