package dev.integrations.auth.oauth2;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

/**
 * The result of {@link OAuth2Flow#authorize}: where to send the user, and what the callback will
 * carry.
 *
 * @param authorizationUrl the URL to redirect the user's browser to
 * @param state the state sent; GitHub returns it on the callback
 * @param codeVerifier the PKCE verifier, for apps that keep their own state
 *     ({@link ExchangeRequest.Builder#skipStateVerification}); null when PKCE is off
 * @param expiresAt when the pending authorization expires
 */
public record AuthorizationStep(URI authorizationUrl, String state, String codeVerifier, Instant expiresAt) {
    /**
     * Checks the required parts.
     *
     * @param authorizationUrl the URL to redirect the user's browser to
     * @param state the state sent; GitHub returns it on the callback
     * @param codeVerifier the PKCE verifier, for apps that keep their own state
     * @param expiresAt when the pending authorization expires
     * @throws NullPointerException when the URL, state or expiry is null
     */
    public AuthorizationStep {
        Objects.requireNonNull(authorizationUrl, "authorizationUrl");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** Never prints the state, the verifier, or the URL (which carries the state). */
    @Override
    public String toString() {
        return "AuthorizationStep[authorizationUrl=" + authorizationUrl.getScheme() + "://"
                + authorizationUrl.getAuthority() + authorizationUrl.getPath() + "?<redacted>, expiresAt=" + expiresAt
                + ", state=<redacted>, codeVerifier=<redacted>]";
    }
}
