package dev.integrations.github.sandbox;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The repositories of one sandbox. Every user starts with {@link #SEEDS} (two public, one
 * private), created the first time anything asks about that user's repositories. A rename keeps
 * the id and remembers the old name, so that {@code GET /repos/{owner}/{old}} can answer 301 as
 * GitHub does. Thread-safe: writes are serialised, reads see a consistent map.
 */
final class RepositoryStore {

    /** A seeded repository: name, description, private. */
    record Seed(String name, String description, boolean isPrivate) {
    }

    static final List<Seed> SEEDS = List.of(
            new Seed("Hello-World", "My first repository on GitHub!", false),
            new Seed("Spoon-Knife", "This repo is for demonstration purposes only.", false),
            new Seed("notes", "Private notes", true));

    /** GitHub's example repository id, so the first sandbox repository looks familiar. */
    private static final long FIRST_ID = 1_296_269;

    private final Clock clock;
    private final Directory directory;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<Long, SandboxRepository> byId = new ConcurrentHashMap<>();
    /** {@code owner/old-name} in lower case to the repository's id. */
    private final Map<String, Long> formerNames = new ConcurrentHashMap<>();
    private final Set<Long> seededUsers = ConcurrentHashMap.newKeySet();
    private long nextId = FIRST_ID;

    RepositoryStore(Clock clock, Directory directory) {
        this.clock = clock;
        this.directory = directory;
    }

    /** The user's repositories (seeding them on first use), in creation order. */
    List<SandboxRepository> ownedBy(SandboxUser owner) {
        seed(owner);
        List<SandboxRepository> owned = new ArrayList<>();
        for (SandboxRepository repository : byId.values()) {
            if (repository.owner().id() == owner.id()) {
                owned.add(repository);
            }
        }
        owned.sort(Comparator.comparingLong(SandboxRepository::id));
        return owned;
    }

    SandboxRepository create(SandboxUser owner, String name, @Nullable String description, boolean isPrivate) {
        Objects.requireNonNull(owner, "owner");
        SandboxRepository.checkName(name);
        seed(owner);
        return insert(owner, name, description, isPrivate);
    }

    /** The repository now called {@code name} under {@code ownerLogin} (ignoring case). */
    Optional<SandboxRepository> find(String ownerLogin, String name) {
        Optional<SandboxUser> owner = directory.userByLogin(ownerLogin);
        if (owner.isEmpty()) {
            return Optional.empty();
        }
        seed(owner.get());
        for (SandboxRepository repository : byId.values()) {
            if (repository.owner().id() == owner.get().id() && repository.name().equalsIgnoreCase(name)) {
                return Optional.of(repository);
            }
        }
        return Optional.empty();
    }

    /** The repository that was once called {@code ownerLogin/name}, if it was renamed. */
    Optional<SandboxRepository> formerlyNamed(String ownerLogin, String name) {
        Long id = formerNames.get(key(ownerLogin, name));
        return id == null ? Optional.empty() : byId(id);
    }

    Optional<SandboxRepository> byId(long id) {
        return Optional.ofNullable(byId.get(id));
    }

    SandboxRepository rename(SandboxRepository repository, String newName) {
        Objects.requireNonNull(repository, "repository");
        SandboxRepository.checkName(newName);
        lock.lock();
        try {
            SandboxRepository current = byId.get(repository.id());
            if (current == null) {
                throw new IllegalArgumentException("Repository is not known to this sandbox: " + repository.fullName());
            }
            if (!current.name().equalsIgnoreCase(newName) && taken(current.owner(), newName)) {
                throw new IllegalArgumentException("A repository named " + current.owner().login() + "/" + newName
                        + " already exists");
            }
            SandboxRepository renamed = current.withName(newName);
            byId.put(renamed.id(), renamed);
            formerNames.put(key(current.owner().login(), current.name()), current.id());
            // The new name is live again; an old redirect with this name must not shadow it.
            formerNames.remove(key(current.owner().login(), newName));
            return renamed;
        } finally {
            lock.unlock();
        }
    }

    /** Sets a repository's description (null clears it); returns the updated repository. */
    SandboxRepository describe(SandboxRepository repository, @Nullable String description) {
        lock.lock();
        try {
            SandboxRepository current = byId.get(repository.id());
            if (current == null) {
                throw new IllegalArgumentException("Repository is not known to this sandbox: " + repository.fullName());
            }
            SandboxRepository described = current.withDescription(description);
            byId.put(described.id(), described);
            return described;
        } finally {
            lock.unlock();
        }
    }

    private void seed(SandboxUser owner) {
        if (seededUsers.contains(owner.id())) {
            return;
        }
        lock.lock();
        try {
            if (seededUsers.add(owner.id())) {
                for (Seed seed : SEEDS) {
                    insertLocked(owner, seed.name(), seed.description(), seed.isPrivate());
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private SandboxRepository insert(SandboxUser owner, String name, @Nullable String description, boolean isPrivate) {
        lock.lock();
        try {
            return insertLocked(owner, name, description, isPrivate);
        } finally {
            lock.unlock();
        }
    }

    private SandboxRepository insertLocked(SandboxUser owner, String name, @Nullable String description,
                                           boolean isPrivate) {
        if (taken(owner, name)) {
            throw new IllegalArgumentException("A repository named " + owner.login() + "/" + name + " already exists");
        }
        SandboxRepository repository = new SandboxRepository(nextId++, owner, name, description, isPrivate, clock.instant());
        byId.put(repository.id(), repository);
        formerNames.remove(key(owner.login(), name));
        return repository;
    }

    private boolean taken(SandboxUser owner, String name) {
        for (SandboxRepository repository : byId.values()) {
            if (repository.owner().id() == owner.id() && repository.name().equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }

    private static String key(String ownerLogin, String name) {
        return (ownerLogin + "/" + name).toLowerCase(Locale.ROOT);
    }
}
