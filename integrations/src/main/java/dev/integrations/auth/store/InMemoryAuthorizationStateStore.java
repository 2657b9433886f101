package dev.integrations.auth.store;

import dev.integrations.auth.oauth2.PendingAuthorization;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Pending authorizations in memory, for a single process.
 *
 * <p>Entries are indexed by a SHA-256 digest of provider and state rather than by the state
 * itself, so a hash-map lookup cannot leak, through timing, how much of a guessed state was
 * right; the stored state is then compared with {@link MessageDigest#isEqual} (constant time).
 * Expired entries are purged on every save, so the map cannot grow without bound.
 */
public final class InMemoryAuthorizationStateStore implements AuthorizationStateStore {
    private final ConcurrentHashMap<String, PendingAuthorization> pending = new ConcurrentHashMap<>();

    @Override
    public void save(PendingAuthorization authorization) {
        purgeExpired(authorization.createdAt());
        PendingAuthorization previous = pending.putIfAbsent(key(authorization.provider(), authorization.state()),
                authorization);
        if (previous != null) {
            throw new IllegalStateException("This state is already pending for provider '" + authorization.provider()
                    + "'; every authorization needs its own state (leave it unset to get a random one)");
        }
    }

    @Override
    public Optional<PendingAuthorization> consume(String provider, String state, Instant now) {
        PendingAuthorization found = pending.remove(key(provider, state));
        if (found == null || !MessageDigest.isEqual(bytes(found.state()), bytes(state)) || found.isExpired(now)) {
            return Optional.empty();
        }
        return Optional.of(found);
    }

    @Override
    public int purgeExpired(Instant now) {
        int before = pending.size();
        pending.values().removeIf(p -> p.isExpired(now));
        return Math.max(0, before - pending.size());
    }

    /** The number of pending authorizations, expired ones included until purged. */
    public int size() {
        return pending.size();
    }

    private static String key(String provider, String state) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(bytes(provider));
            sha.update((byte) 0);
            return HexFormat.of().formatHex(sha.digest(bytes(state)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
