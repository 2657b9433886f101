package dev.integrations.internal.github;

import dev.integrations.auth.TokenSource;
import dev.integrations.http.HttpResult;
import dev.integrations.http.HttpStep;
import dev.integrations.internal.config.ConfigValues;

import java.net.http.HttpRequest;

/**
 * When GitHub answers 401 to a session's user token, asks the session's {@link TokenSource} for a
 * refreshed one (refreshed and stored atomically, or taken from another instance that already
 * did) and retries the request once. Runs before {@link GithubHeadersStep}, so the retry carries
 * the new token.
 *
 * <p>Only a 401 from the origin that was sent the token counts. Redirects are followed inside
 * this step, and a redirect to another origin drops {@code Authorization}: a 401 from there says
 * nothing about our token (that server never saw it), so refreshing would spend a rotating
 * refresh token for nothing, and any server a redirect reaches could force refreshes at will.
 * Such a 401 is returned as it is.
 */
public final class RefreshOnUnauthorizedStep implements HttpStep {
    private final TokenSource tokenSource;

    public RefreshOnUnauthorizedStep(TokenSource tokenSource) {
        this.tokenSource = tokenSource;
    }

    @Override
    public HttpResult apply(HttpRequest request, Chain chain) {
        String used = tokenSource.currentToken();
        HttpResult result = chain.proceed(request);
        if (result.status() != 401 || used == null || !answeredWithOurToken(request, result)) {
            return result;
        }
        String fresh = tokenSource.refreshAfterUnauthorized(used);
        if (fresh == null || fresh.equals(used)) {
            return result;
        }
        return chain.proceed(request);
    }

    /**
     * True when the request that got {@code result} went to the origin of {@code request} and
     * carried an {@code Authorization} header (the result holds the request as it went on the
     * wire, after redirects and after the headers step).
     */
    private static boolean answeredWithOurToken(HttpRequest request, HttpResult result) {
        HttpRequest answered = result.request();
        return ConfigValues.sameOrigin(request.uri(), answered.uri())
                && answered.headers().firstValue("authorization").isPresent();
    }
}
