package dev.integrations.auth.store;

import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * A thread-safe credential store in memory: the default when none is configured. Everything is
 * lost when the process ends; use a persistent store for real users.
 *
 * <p>Rows are immutable {@link StoredCredentials} values holding deep copies, swapped atomically,
 * so readers never see a half-written row and never share mutable state with writers. Refresh
 * locks are per-row {@link ReentrantLock}s (not {@code synchronized}, so waiting virtual threads
 * do not pin their carriers).
 */
public final class InMemoryCredentialStore implements CredentialStore {
    private record Key(String provider, String subject) {
    }

    private final ConcurrentHashMap<Key, StoredCredentials> rows = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Key, ReentrantLock> locks = new ConcurrentHashMap<>();
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
        rows.compute(new Key(provider, subject), (key, old) -> write(key, old, data));
    }

    @Override
    public boolean compareAndSet(String provider, String subject, long expectedVersion, Map<String, Object> data) {
        Objects.requireNonNull(data, "data");
        boolean[] written = {false};
        rows.compute(new Key(provider, subject), (key, old) -> {
            long current = old == null ? 0 : old.version();
            if (current != expectedVersion) {
                return old;
            }
            written[0] = true;
            return write(key, old, data);
        });
        return written[0];
    }

    @Override
    public boolean markNeedsReauthorization(String provider, String subject, long expectedVersion) {
        boolean[] marked = {false};
        rows.computeIfPresent(new Key(provider, subject), (key, old) -> {
            if (old.version() != expectedVersion) {
                return old;
            }
            marked[0] = true;
            return new StoredCredentials(old.provider(), old.subject(), old.data(), old.version(),
                    CredentialStatus.NEEDS_REAUTHORIZATION, old.expiresAt(), old.createdAt(), clock.instant());
        });
        return marked[0];
    }

    @Override
    public boolean delete(String provider, String subject) {
        return rows.remove(new Key(provider, subject)) != null;
    }

    @Override
    public List<StoredCredentials> list(CredentialFilter filter) {
        return rows.values().stream()
                .filter(filter::matches)
                .sorted(Comparator.comparing(StoredCredentials::provider).thenComparing(StoredCredentials::subject))
                .limit(filter.limit())
                .toList();
    }

    @Override
    public <T> T withRefreshLock(String provider, String subject, Duration timeout, Supplier<T> action) {
        ReentrantLock lock = locks.computeIfAbsent(new Key(provider, subject), k -> new ReentrantLock());
        try {
            if (!lock.tryLock(timeout.toNanos(), TimeUnit.NANOSECONDS)) {
                throw new RefreshLockTimeoutException("Timed out after " + timeout + " waiting for another refresh of "
                        + provider + " credentials for subject '" + subject + "'; retry, or raise the refresh lock timeout");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RefreshLockTimeoutException("Interrupted while waiting for the refresh lock", e);
        }
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    /** The number of stored rows. */
    public int size() {
        return rows.size();
    }

    private StoredCredentials write(Key key, StoredCredentials old, Map<String, Object> data) {
        var now = clock.instant();
        return new StoredCredentials(key.provider(), key.subject(), data, old == null ? 1 : old.version() + 1,
                CredentialStatus.ACTIVE, StoredCredentials.expiresAtOf(data), old == null ? now : old.createdAt(), now);
    }

    @Override
    public String toString() {
        return "InMemoryCredentialStore[" + rows.size() + " rows]";
    }
}
