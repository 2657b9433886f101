package dev.integrations.auth.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

/**
 * A thread-safe credential store in memory: the default when none is configured. Everything is
 * lost when the process ends; use a persistent store for real users.
 *
 * <p>Rows are immutable {@link StoredCredentials} values holding deep copies, swapped atomically,
 * so readers never see a half-written row and never share mutable state with writers. Refresh
 * leases are entries of a concurrent map, claimed and released atomically per key (no monitor is
 * held, so virtual threads never pin their carriers); released leases are removed, so the map
 * only holds refreshes in progress. Lease expiry is judged by this store's clock.
 */
public final class InMemoryCredentialStore implements CredentialStore {
    private record Key(String provider, String subject) {
    }

    private final ConcurrentHashMap<Key, StoredCredentials> rows = new ConcurrentHashMap<>();
    private record Lease(String holder, Instant until) {
    }

    private final ConcurrentHashMap<Key, Lease> leases = new ConcurrentHashMap<>();
    private final Clock clock;

    /** A store whose times come from the UTC system clock. */
    public InMemoryCredentialStore() {
        this(Clock.systemUTC());
    }

    /**
     * A store with its own clock.
     *
     * @param clock the source of created/updated times and lease expiries
     */
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
    public boolean tryAcquireRefreshLease(String provider, String subject, String holder, Duration ttl) {
        Objects.requireNonNull(holder, "holder");
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("the lease ttl must be positive, not " + ttl);
        }
        Instant now = clock.instant();
        Lease mine = new Lease(holder, now.plus(ttl));
        Lease result = leases.compute(new Key(provider, subject), (key, old) ->
                old == null || old.holder().equals(holder) || !now.isBefore(old.until()) ? mine : old);
        return result == mine;
    }

    @Override
    public void releaseRefreshLease(String provider, String subject, String holder) {
        Objects.requireNonNull(holder, "holder");
        leases.computeIfPresent(new Key(provider, subject), (key, old) -> old.holder().equals(holder) ? null : old);
    }

    /**
     * The number of refresh leases recorded.
     *
     * @return how many leases are held, or expired but not yet taken over or released
     */
    public int leaseCount() {
        return leases.size();
    }

    /**
     * The number of stored rows.
     *
     * @return how many (provider, subject) pairs have credentials
     */
    public int size() {
        return rows.size();
    }

    private StoredCredentials write(Key key, @Nullable StoredCredentials old, Map<String, Object> data) {
        var now = clock.instant();
        return new StoredCredentials(key.provider(), key.subject(), data, old == null ? 1 : old.version() + 1,
                CredentialStatus.ACTIVE, StoredCredentials.expiresAtOf(data), old == null ? now : old.createdAt(), now);
    }

    @Override
    public String toString() {
        return "InMemoryCredentialStore[" + rows.size() + " rows]";
    }
}
