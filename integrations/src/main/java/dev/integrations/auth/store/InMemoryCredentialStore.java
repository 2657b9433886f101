package dev.integrations.auth.store;

import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A thread-safe credential store in memory: the default when none is configured. Everything is
 * lost when the process ends; use a persistent store for real users.
 *
 * <p>Rows are immutable {@link StoredCredentials} values holding deep copies, swapped atomically,
 * so readers never see a half-written row and never share mutable state with writers.
 */
public final class InMemoryCredentialStore implements CredentialStore {
    private record Key(String provider, String subject) {
    }

    private final ConcurrentHashMap<Key, StoredCredentials> rows = new ConcurrentHashMap<>();
    private final Clock clock;

    public InMemoryCredentialStore() {
        this(Clock.systemUTC());
    }

    public InMemoryCredentialStore(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<StoredCredentials> get(String provider, String subject) {
        return Optional.ofNullable(rows.get(new Key(provider, subject)));
    }

    @Override
    public void set(String provider, String subject, Map<String, Object> data) {
        Objects.requireNonNull(data, "data");
        rows.compute(new Key(provider, subject), (key, old) ->
                new StoredCredentials(provider, subject, data, old == null ? 1 : old.version() + 1, clock.instant()));
    }

    @Override
    public boolean delete(String provider, String subject) {
        return rows.remove(new Key(provider, subject)) != null;
    }

    /** The number of stored rows. */
    public int size() {
        return rows.size();
    }

    @Override
    public String toString() {
        return "InMemoryCredentialStore[" + rows.size() + " rows]";
    }
}
