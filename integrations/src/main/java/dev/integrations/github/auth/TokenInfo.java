package dev.integrations.github.auth;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * What GitHub says about one of the app's tokens ({@code POST /applications/{client_id}/token},
 * or a reset): its scopes, expiry, app and user. {@link #toString()} never prints the token.
 */
public final class TokenInfo {
    private final long id;
    private final String token;
    private final @Nullable String tokenLastEight;
    private final List<String> scopes;
    private final String appClientId;
    private final @Nullable String appName;
    private final @Nullable String userLogin;
    private final @Nullable Long userId;
    private final @Nullable Instant createdAt;
    private final @Nullable Instant expiresAt;

    /**
     * Creates the value.
     *
     * @param id GitHub's id of the authorization
     * @param token the token (the new one after a reset)
     * @param tokenLastEight the token's last eight characters, or null
     * @param scopes the token's OAuth scopes (empty for GitHub App tokens)
     * @param appClientId the app's client id
     * @param appName the app's name, or null
     * @param userLogin the user's login, or null
     * @param userId the user's id, or null
     * @param createdAt when the authorization was created, or null
     * @param expiresAt when the token expires, or null when it does not
     */
    public TokenInfo(long id, String token, @Nullable String tokenLastEight, List<String> scopes, String appClientId,
                     @Nullable String appName, @Nullable String userLogin, @Nullable Long userId,
                     @Nullable Instant createdAt, @Nullable Instant expiresAt) {
        this.id = id;
        this.token = Objects.requireNonNull(token, "token");
        this.tokenLastEight = tokenLastEight;
        this.scopes = List.copyOf(scopes);
        this.appClientId = Objects.requireNonNull(appClientId, "appClientId");
        this.appName = appName;
        this.userLogin = userLogin;
        this.userId = userId;
        this.createdAt = createdAt;
        this.expiresAt = expiresAt;
    }

    /**
     * GitHub's id of the authorization.
     *
     * @return the id
     */
    public long id() {
        return id;
    }

    /**
     * The token: the one checked, or the new one after a reset. Never log it.
     *
     * @return the token
     */
    public String token() {
        return token;
    }

    /**
     * The token's last eight characters, as GitHub shows them in its settings pages.
     *
     * @return the last eight characters, or empty
     */
    public Optional<String> tokenLastEight() {
        return Optional.ofNullable(tokenLastEight);
    }

    /**
     * The OAuth scopes the token carries.
     *
     * @return the scopes; empty for GitHub App user tokens, which have permissions instead
     */
    public List<String> scopes() {
        return scopes;
    }

    /**
     * The client id of the app the token belongs to.
     *
     * @return the client id
     */
    public String appClientId() {
        return appClientId;
    }

    /**
     * The app's name.
     *
     * @return the name, or empty
     */
    public Optional<String> appName() {
        return Optional.ofNullable(appName);
    }

    /**
     * The login of the user the token acts for.
     *
     * @return the login, or empty
     */
    public Optional<String> userLogin() {
        return Optional.ofNullable(userLogin);
    }

    /**
     * The id of the user the token acts for.
     *
     * @return the id, or empty
     */
    public Optional<Long> userId() {
        return Optional.ofNullable(userId);
    }

    /**
     * When the authorization was created.
     *
     * @return the instant, or empty
     */
    public Optional<Instant> createdAt() {
        return Optional.ofNullable(createdAt);
    }

    /**
     * When the token expires.
     *
     * @return the instant, or empty when it does not expire
     */
    public Optional<Instant> expiresAt() {
        return Optional.ofNullable(expiresAt);
    }

    /**
     * These values as credentials to store, e.g. after a reset.
     *
     * @return credentials with the token, its scopes and expiry (no refresh token)
     */
    public GithubUserCredentials toCredentials() {
        return GithubUserCredentials.builder().accessToken(token).scope(scopes).expiresAt(expiresAt).build();
    }

    @Override
    public String toString() {
        return "TokenInfo[id=" + id + ", app=" + appClientId + ", user=" + userLogin + ", scopes=" + scopes
                + ", expiresAt=" + expiresAt + ", token=<redacted>]";
    }
}
