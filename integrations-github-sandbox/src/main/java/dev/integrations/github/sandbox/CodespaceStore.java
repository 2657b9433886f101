package dev.integrations.github.sandbox;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.jspecify.annotations.Nullable;

/**
 * Codespaces by name. A codespace is created {@code Available}, stopping makes it
 * {@code Shutdown}, starting makes it {@code Available} again; both are idempotent. Deleting
 * removes it (GitHub deletes in the background after answering 202; the sandbox at once).
 * Thread-safe: state changes are atomic per codespace.
 */
final class CodespaceStore {

    /** A codespace; {@code state} is one of GitHub's codespace states. */
    record Codespace(long id, String name, @Nullable String displayName, SandboxUser owner, long repositoryId, String ref,
                     String machine, String location, String state, Integer idleTimeoutMinutes,
                     @Nullable Integer retentionPeriodMinutes, @Nullable String devcontainerPath, String environmentId,
                     Instant createdAt, Instant updatedAt, Instant lastUsedAt) {

        Codespace withState(String newState, Instant at) {
            return new Codespace(id, name, displayName, owner, repositoryId, ref, machine, location, newState,
                    idleTimeoutMinutes, retentionPeriodMinutes, devcontainerPath, environmentId, createdAt, at,
                    newState.equals("Available") ? at : lastUsedAt);
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    private final Map<String, Codespace> byName = new ConcurrentHashMap<>();
    private final AtomicLong nextId = new AtomicLong(1);

    Codespace create(SandboxUser owner, SandboxRepository repository, String ref, String machine, String location,
                     @Nullable String displayName, Integer idleTimeoutMinutes,
                     @Nullable Integer retentionPeriodMinutes, @Nullable String devcontainerPath, Instant now) {
        String slug = (owner.login() + "-" + repository.owner().login() + "-" + repository.name())
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        String name;
        Codespace codespace;
        do {
            name = slug + "-" + random(10);
            codespace = new Codespace(nextId.getAndIncrement(), name, displayName != null ? displayName : repository.name(),
                    owner, repository.id(), ref, machine, location, "Available", idleTimeoutMinutes, retentionPeriodMinutes,
                    devcontainerPath, UUID.randomUUID().toString(), now, now, now);
        } while (byName.putIfAbsent(name, codespace) != null);
        return codespace;
    }

    /** The owner's codespace with this name. */
    Optional<Codespace> get(SandboxUser owner, String name) {
        return Optional.ofNullable(byName.get(name)).filter(c -> c.owner().id() == owner.id());
    }

    /** The owner's codespaces in creation order, optionally only those of one repository. */
    List<Codespace> ownedBy(SandboxUser owner, @Nullable Long repositoryId) {
        return byName.values().stream()
                .filter(c -> c.owner().id() == owner.id())
                .filter(c -> repositoryId == null || c.repositoryId() == repositoryId)
                .sorted(Comparator.comparingLong(Codespace::id)).toList();
    }

    /** Moves the owner's codespace to {@code state}; empty if it does not exist. */
    Optional<Codespace> setState(SandboxUser owner, String name, String state, Instant now) {
        Codespace updated = byName.computeIfPresent(name, (n, c) -> c.owner().id() == owner.id() ? c.withState(state, now) : c);
        return Optional.ofNullable(updated).filter(c -> c.owner().id() == owner.id());
    }

    boolean delete(SandboxUser owner, String name) {
        Codespace codespace = byName.get(name);
        return codespace != null && codespace.owner().id() == owner.id() && byName.remove(name, codespace);
    }

    private static String random(int length) {
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        }
        return out.toString();
    }
}
