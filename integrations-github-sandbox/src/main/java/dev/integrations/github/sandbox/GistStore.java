package dev.integrations.github.sandbox;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/** Gists by id (32 hex characters, as GitHub's), each a set of named text files. Thread-safe. */
final class GistStore {

    /** A gist; {@code files} maps file names to their text, in the order given. */
    record Gist(String id, SandboxUser owner, @Nullable String description, boolean isPublic, Map<String, String> files,
                Instant createdAt, String version) {
        Gist {
            files = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(files));
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<String, Gist> byId = new ConcurrentHashMap<>();

    Gist create(SandboxUser owner, @Nullable String description, boolean isPublic, Map<String, String> files, Instant now) {
        Gist gist = new Gist(hex(16), owner, description, isPublic, files, now, hex(20));
        byId.put(gist.id(), gist);
        return gist;
    }

    Optional<Gist> get(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The user's gists, newest first. */
    List<Gist> ownedBy(SandboxUser owner) {
        return byId.values().stream().filter(g -> g.owner().id() == owner.id())
                .sorted(Comparator.comparing(Gist::createdAt).thenComparing(Gist::id).reversed()).toList();
    }

    private static String hex(int bytes) {
        byte[] buffer = new byte[bytes];
        RANDOM.nextBytes(buffer);
        return HexFormat.of().formatHex(buffer);
    }
}
