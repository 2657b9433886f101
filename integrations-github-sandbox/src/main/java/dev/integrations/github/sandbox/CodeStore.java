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
 * Authorization codes: single use, valid for 10 minutes (https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps), bound to the client,
 * the redirect URI in force at authorization, the granted scopes, the user and the PKCE challenge.
 */
final class CodeStore {

    static final Duration LIFETIME = Duration.ofMinutes(10);

    record CodeGrant(String code, String clientId, String redirectUri, List<String> scopes, SandboxUser user,
                     @Nullable String codeChallenge, Instant expiresAt) {
    }

    private final Map<String, CodeGrant> codes = new ConcurrentHashMap<>();
    private final Clock clock;

    CodeStore(Clock clock) {
        this.clock = clock;
    }

    CodeGrant issue(ConsentStore.PendingConsent consent) {
        CodeGrant grant = new CodeGrant(Secrets.authorizationCode(), consent.app().clientId(), consent.redirectUri(),
                consent.scopes(), consent.user(), consent.codeChallenge(), clock.instant().plus(LIFETIME));
        codes.put(grant.code(), grant);
        return grant;
    }

    /**
     * Redeems a code for {@code clientId}. A code presented by another client is left in place (that
     * client cannot burn it); otherwise the code is removed whatever happens next, so a failed
     * redirect-URI or PKCE check also ends it. Of concurrent callers exactly one gets the grant.
     */
    Optional<CodeGrant> redeem(@Nullable String code, String clientId) {
        if (code == null) {
            return Optional.empty();
        }
        CodeGrant grant = codes.get(code);
        if (grant == null || !grant.clientId().equals(clientId) || !codes.remove(code, grant)) {
            return Optional.empty();
        }
        if (!clock.instant().isBefore(grant.expiresAt())) {
            return Optional.empty();
        }
        return Optional.of(grant);
    }
}
