package dev.integrations.github;

import dev.integrations.auth.TokenSource;
import dev.integrations.http.HttpResult;
import dev.integrations.http.HttpStep;

import java.net.http.HttpRequest;

/**
 * When GitHub answers 401 to a session's user token, asks the session's {@link TokenSource} for a
 * refreshed one (refreshed and stored atomically, or taken from another instance that already
 * did) and retries the request once. Runs before {@link GithubHeadersStep}, so the retry carries
 * the new token.
 */
final class RefreshOnUnauthorizedStep implements HttpStep {
    private final TokenSource tokenSource;

    RefreshOnUnauthorizedStep(TokenSource tokenSource) {
        this.tokenSource = tokenSource;
    }

    @Override
    public HttpResult apply(HttpRequest request, Chain chain) {
        String used = tokenSource.currentToken();
        HttpResult result = chain.proceed(request);
        if (result.status() != 401 || used == null) {
            return result;
        }
        String fresh = tokenSource.refreshAfterUnauthorized(used);
        if (fresh == null || fresh.equals(used)) {
            return result;
        }
        return chain.proceed(request);
    }
}
