package dev.integrations.github.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Access and refresh tokens. Expiring user tokens live 8 hours and refresh tokens 15,811,200 s;
 * refreshing rotates both, and a used refresh token is dead (https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/refreshing-user-access-tokens).
 */
final class TokenStore {

    static final Duration ACCESS_TOKEN_LIFETIME = Duration.ofSeconds(28_800);
    static final Duration REFRESH_TOKEN_LIFETIME = Duration.ofSeconds(15_811_200);

    /** What an access token grants; {@code clientId} is {@code null} for personal access tokens. */
    record AccessGrant(String token, SandboxUser user, List<String> scopes, @Nullable String clientId,
                       @Nullable Instant expiresAt) {
        boolean isLiveAt(Instant now) {
            return expiresAt == null || now.isBefore(expiresAt);
        }
    }

    record RefreshGrant(String token, String clientId, SandboxUser user, String accessToken, Instant expiresAt) {
    }

    /** A freshly issued access token with its refresh token, if the app has expiring tokens. */
    record IssuedTokens(AccessGrant access, @Nullable RefreshGrant refresh) {
    }

    private final Map<String, AccessGrant> accessTokens = new ConcurrentHashMap<>();
    private final Map<String, RefreshGrant> refreshTokens = new ConcurrentHashMap<>();
    private final Clock clock;

    TokenStore(Clock clock) {
        this.clock = clock;
    }

    /** A classic personal access token ({@code ghp_…}) that never expires. */
    AccessGrant issuePersonalToken(SandboxUser user, List<String> scopes) {
        AccessGrant grant = new AccessGrant(Secrets.token("ghp_"), user, List.copyOf(scopes), null, null);
        accessTokens.put(grant.token(), grant);
        return grant;
    }

    /** Tokens for a user of {@code app}: {@code gho_…}, or {@code ghu_…} plus {@code ghr_…} when expiring. */
    IssuedTokens issueUserTokens(SandboxApp app, SandboxUser user, List<String> scopes) {
        Instant now = clock.instant();
        if (!app.expiringTokens()) {
            AccessGrant access = new AccessGrant(Secrets.token("gho_"), user, List.copyOf(scopes), app.clientId(), null);
            accessTokens.put(access.token(), access);
            return new IssuedTokens(access, null);
        }
        // GitHub App user tokens carry permissions, not scopes (https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/refreshing-user-access-tokens).
        AccessGrant access = new AccessGrant(Secrets.token("ghu_"), user, List.of(), app.clientId(),
                now.plus(ACCESS_TOKEN_LIFETIME));
        RefreshGrant refresh = new RefreshGrant(Secrets.refreshToken(), app.clientId(), user, access.token(),
                now.plus(REFRESH_TOKEN_LIFETIME));
        accessTokens.put(access.token(), access);
        refreshTokens.put(refresh.token(), refresh);
        return new IssuedTokens(access, refresh);
    }

    /** The grant of a live access token. */
    Optional<AccessGrant> find(@Nullable String token) {
        if (token == null) {
            return Optional.empty();
        }
        AccessGrant grant = accessTokens.get(token);
        return grant != null && grant.isLiveAt(clock.instant()) ? Optional.of(grant) : Optional.empty();
    }

    /**
     * Uses a refresh token of {@code clientId}: it is removed (exactly one concurrent caller wins) and
     * the access token it was issued with is revoked. A token of another client is left in place.
     */
    Optional<RefreshGrant> redeemRefreshToken(@Nullable String token, String clientId) {
        if (token == null) {
            return Optional.empty();
        }
        RefreshGrant grant = refreshTokens.get(token);
        if (grant == null || !grant.clientId().equals(clientId) || !refreshTokens.remove(token, grant)) {
            return Optional.empty();
        }
        accessTokens.remove(grant.accessToken());
        return clock.instant().isBefore(grant.expiresAt()) ? Optional.of(grant) : Optional.empty();
    }

    /** Revokes an access token or a refresh token; unknown tokens are ignored. */
    boolean revoke(String token) {
        if (token == null) {
            return false;
        }
        boolean access = accessTokens.remove(token) != null;
        boolean refresh = refreshTokens.remove(token) != null;
        return access || refresh;
    }

    /**
     * Revokes every access and refresh token {@code clientId} holds for {@code user}: what deleting
     * an app authorization (grant) does at GitHub.
     *
     * @return how many tokens were revoked
     */
    int revokeGrant(String clientId, SandboxUser user) {
        int[] count = {0};
        accessTokens.values().removeIf(g -> {
            boolean match = clientId.equals(g.clientId()) && g.user().id() == user.id();
            count[0] += match ? 1 : 0;
            return match;
        });
        refreshTokens.values().removeIf(g -> {
            boolean match = clientId.equals(g.clientId()) && g.user().id() == user.id();
            count[0] += match ? 1 : 0;
            return match;
        });
        return count[0];
    }

    /** The grant of a live access token issued to {@code clientId}; personal access tokens never match. */
    Optional<AccessGrant> findForApp(@Nullable String token, String clientId) {
        return find(token).filter(g -> clientId.equals(g.clientId()));
    }
}
