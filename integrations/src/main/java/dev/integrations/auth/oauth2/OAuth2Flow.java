package dev.integrations.auth.oauth2;

import java.util.function.Consumer;

/**
 * The OAuth 2.0 authorization-code flow (with PKCE) for one provider.
 *
 * <ol>
 *   <li>{@link #authorize} creates a pending authorization and returns the URL to send the
 *       user to;</li>
 *   <li>{@link #exchange} checks the callback's state against the pending authorization and
 *       trades the code for credentials;</li>
 *   <li>{@link #refresh} trades a refresh token for a new token set.</li>
 * </ol>
 * Flows never store credentials themselves: pass the result to
 * {@code AuthManager.storeCredentials}. Thread-safe; every call blocks.
 *
 * @param <C> the user-credentials type the flow produces
 */
public interface OAuth2Flow<C> {
    /** Starts an authorization. */
    AuthorizationStep authorize(AuthorizeRequest request);

    /** Starts an authorization: {@code flow.authorize(a -> a.scopes("repo").subject("user-123"))}. */
    default AuthorizationStep authorize(Consumer<AuthorizeRequest.Builder> request) {
        AuthorizeRequest.Builder builder = AuthorizeRequest.builder();
        request.accept(builder);
        return authorize(builder.build());
    }

    /** Starts an authorization with the app's defaults. */
    default AuthorizationStep authorize() {
        return authorize(AuthorizeRequest.builder().build());
    }

    /** Exchanges an authorization code for credentials. */
    C exchange(ExchangeRequest request);

    /** Exchanges an authorization code: {@code flow.exchange(e -> e.authorizationResponse(callbackUri))}. */
    default C exchange(Consumer<ExchangeRequest.Builder> request) {
        ExchangeRequest.Builder builder = ExchangeRequest.builder();
        request.accept(builder);
        return exchange(builder.build());
    }

    /**
     * Trades the credentials' refresh token for a new token set. When the server sends no new
     * refresh token the old one is kept in the result.
     *
     * @throws dev.integrations.auth.OAuthException with {@code requiresReauthorization()} true when
     *     the refresh token is missing, used, expired or revoked
     */
    C refresh(C credentials);
}
