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
 * Authorization requests waiting for the user's decision on the consent page. The page's form
 * carries only the opaque id, so the request's parameters cannot be altered between the GET and
 * the POST. Each id is single use and lives for {@link #LIFETIME} (a sandbox choice).
 */
final class ConsentStore {

    static final Duration LIFETIME = Duration.ofHours(1);

    /** An authorization request as validated by {@code GET /login/oauth/authorize}. */
    record PendingConsent(String id, SandboxApp app, SandboxUser user, String redirectUri, List<String> scopes,
                          @Nullable String state, @Nullable String codeChallenge, Instant createdAt) {
    }

    private final Map<String, PendingConsent> pending = new ConcurrentHashMap<>();
    private final Clock clock;

    ConsentStore(Clock clock) {
        this.clock = clock;
    }

    PendingConsent create(SandboxApp app, SandboxUser user, String redirectUri, List<String> scopes, @Nullable String state,
                          @Nullable String codeChallenge) {
        PendingConsent consent = new PendingConsent(Secrets.opaqueId(), app, user, redirectUri, List.copyOf(scopes),
                state, codeChallenge, clock.instant());
        pending.put(consent.id(), consent);
        return consent;
    }

    /** Removes and returns the consent if it exists and has not expired; exactly one caller wins. */
    Optional<PendingConsent> take(@Nullable String id) {
        if (id == null) {
            return Optional.empty();
        }
        PendingConsent consent = pending.remove(id);
        if (consent == null || !clock.instant().isBefore(consent.createdAt().plus(LIFETIME))) {
            return Optional.empty();
        }
        return Optional.of(consent);
    }
}
