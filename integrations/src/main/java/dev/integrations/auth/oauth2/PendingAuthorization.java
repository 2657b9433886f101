package dev.integrations.auth.oauth2;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * An authorization that was started and not yet completed: what the callback must match.
 *
 * @param provider the provider name, lower case
 * @param state the OAuth {@code state} sent to the authorization server
 * @param codeVerifier the PKCE verifier whose S256 challenge was sent, or null when PKCE is off
 * @param redirectUri the redirect URI sent, or null when the app's registered callback is used
 * @param subject the canonical subject the authorization is for, or null when not bound
 * @param scopes the scopes requested
 * @param createdAt when the authorization started
 * @param expiresAt after this instant the state is refused
 */
public record PendingAuthorization(String provider, String state, @Nullable String codeVerifier,
                                   @Nullable URI redirectUri, @Nullable String subject, List<String> scopes, Instant createdAt,
                                   Instant expiresAt) {
    /**
     * Checks the required parts and copies the scopes.
     *
     * @param provider the provider name, lower case
     * @param state the OAuth {@code state} sent to the authorization server
     * @param codeVerifier the PKCE verifier whose S256 challenge was sent, or null when PKCE is off
     * @param redirectUri the redirect URI sent, or null when the app's registered callback is used
     * @param subject the canonical subject the authorization is for, or null when not bound
     * @param scopes the scopes requested
     * @param createdAt when the authorization started
     * @param expiresAt after this instant the state is refused
     * @throws NullPointerException when the provider, state or either instant is null
     */
    public PendingAuthorization {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(state, "state");
        scopes = scopes == null ? List.of() : List.copyOf(scopes);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /**
     * Whether the state may no longer be used.
     *
     * @param now the current time
     * @return true when {@code now} is at or after {@link #expiresAt()}
     */
    public boolean isExpired(Instant now) {
        return !now.isBefore(expiresAt);
    }

    /**
     * Describes the authorization without its secrets.
     *
     * @return the provider, subject, redirect URI, scopes and expiry; never the state or verifier
     */
    @Override
    public String toString() {
        return "PendingAuthorization[provider=" + provider + ", subject=" + subject + ", redirectUri=" + redirectUri
                + ", scopes=" + scopes + ", expiresAt=" + expiresAt + ", state=<redacted>, codeVerifier=<redacted>]";
    }
}
