package dev.integrations.internal.github;

import dev.integrations.internal.config.ConfigValues;
import dev.integrations.github.GithubSettings;
import dev.integrations.github.UntrustedHostException;
import dev.integrations.auth.InvalidCredentialsException;
import dev.integrations.internal.http.HeaderValues;
import dev.integrations.http.HttpResult;
import dev.integrations.http.HttpStep;

import java.net.URI;
import java.net.http.HttpRequest;

/**
 * Adds the headers every GitHub REST request needs: {@code Authorization: <scheme> <token>}
 * (only towards the configured API host, so a token never travels to another host; and only when
 * that host is the one the token was issued for or is listed in {@code trusted_hosts}, else an
 * {@link UntrustedHostException} before sending),
 * {@code Accept: application/vnd.github+json} unless the request chose a media type,
 * {@code X-GitHub-Api-Version} and {@code User-Agent} (GitHub refuses requests without one).
 */
public final class GithubHeadersStep implements HttpStep {
    private final GithubSettings settings;
    private final java.util.function.Supplier<String> token;

    public GithubHeadersStep(GithubSettings settings, java.util.function.Supplier<String> token) {
        this.settings = settings;
        this.token = token;
    }

    @Override
    public HttpResult apply(HttpRequest request, Chain chain) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(request, (name, value) -> true);
        if (request.headers().firstValue("accept").isEmpty()) {
            builder.header("Accept", "application/vnd.github+json");
        }
        builder.setHeader("X-GitHub-Api-Version", settings.apiVersion());
        builder.setHeader("User-Agent", settings.userAgent());
        String current = token.get();
        if (current != null && ConfigValues.sameOrigin(request.uri(), settings.baseUrl())) {
            if (!settings.mayReceiveToken(request.uri())) {
                // Never fall back to an anonymous request: the caller would get confusing 401s or
                // public data where it expected its own.
                URI issued = settings.tokenOrigin();
                URI target = ConfigValues.origin(request.uri());
                throw new UntrustedHostException("Refusing to send the GitHub token to " + target.getHost() + ":"
                        + target.getPort() + " (" + request.method() + " " + target + request.uri().getRawPath()
                        + "): it was issued for " + issued + ", and base_url was changed without a new token. If "
                        + target.getHost() + " is yours, allow it with trusted_hosts=" + target.getHost() + ":"
                        + target.getPort() + " (or GITHUB_TRUSTED_HOSTS), or configure base_url for the whole"
                        + " application (GITHUB_BASE_URL or AuthManager.Builder.sessionSettings).");
            }
            // A refreshed token comes from a token endpoint: check it before the JDK quotes it in a refusal.
            String problem = HeaderValues.problem(current, false);
            if (problem != null) {
                throw new InvalidCredentialsException("The GitHub access token of this session " + problem + ", so it"
                        + " cannot be sent in an Authorization header; connect the user again to store fresh credentials.");
            }
            builder.setHeader("Authorization", settings.authorizationScheme() + " " + current);
        }
        return chain.proceed(builder.build());
    }
}
