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
    /**
     * Starts an authorization: creates and saves its state and PKCE verifier, and builds the
     * URL to send the user's browser to.
     *
     * @param request what to ask for
     * @return the authorization URL and what was saved for the callback
     * @throws dev.integrations.core.ConfigurationException when the app's client id is not configured
     */
    AuthorizationStep authorize(AuthorizeRequest request);

    /**
     * Starts an authorization: {@code flow.authorize(a -> a.scopes("repo").subject("user-123"))}.
     *
     * @param request receives the request's builder
     * @return the authorization URL and what was saved for the callback
     * @throws dev.integrations.core.ConfigurationException when the app's client id is not configured
     */
    default AuthorizationStep authorize(Consumer<AuthorizeRequest.Builder> request) {
        AuthorizeRequest.Builder builder = AuthorizeRequest.builder();
        request.accept(builder);
        return authorize(builder.build());
    }

    /**
     * Starts an authorization with the app's defaults.
     *
     * @return the authorization URL and what was saved for the callback
     * @throws dev.integrations.core.ConfigurationException when the app's client id is not configured
     */
    default AuthorizationStep authorize() {
        return authorize(AuthorizeRequest.builder().build());
    }

    /**
     * Exchanges an authorization code for credentials, after checking the callback's state.
     *
     * @param request the callback's code and state
     * @return the user's credentials (not stored yet)
     * @throws dev.integrations.auth.InvalidStateException when the state matches no pending
     *     authorization
     * @throws dev.integrations.auth.OAuthException when the server refused the code or answered
     *     with something other than a token response
     */
    C exchange(ExchangeRequest request);

    /**
     * Exchanges an authorization code: {@code flow.exchange(e -> e.authorizationResponse(callbackUri))}.
     *
     * @param request receives the request's builder
     * @return the user's credentials (not stored yet)
     * @throws dev.integrations.auth.InvalidStateException when the state matches no pending
     *     authorization
     * @throws dev.integrations.auth.OAuthException when the server refused the code or answered
     *     with something other than a token response
     */
    default C exchange(Consumer<ExchangeRequest.Builder> request) {
        ExchangeRequest.Builder builder = ExchangeRequest.builder();
        request.accept(builder);
        return exchange(builder.build());
    }

    /**
     * Trades the credentials' refresh token for a new token set. When the server sends no new
     * refresh token the old one is kept in the result.
     *
     * @param credentials the credentials whose refresh token to use
     * @return the new credentials (not stored: {@code AuthManager.refreshCredentials} stores them)
     * @throws dev.integrations.auth.OAuthException with {@code requiresReauthorization()} true when
     *     the refresh token is missing, used, expired or revoked
     */
    C refresh(C credentials);
}
