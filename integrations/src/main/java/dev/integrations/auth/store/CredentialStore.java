package dev.integrations.auth.store;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Where users' credentials live, keyed by provider name and canonical subject. The SPI for
 * persistent stores; {@link InMemoryCredentialStore} is the default.
 *
 * <p>Implementations must be thread-safe, must copy data in and out (a caller changing a map
 * after {@code set} must not change what is stored), and must never log the data. Provider names
 * arrive lower case and subjects canonical: implementations compare them as exact strings.
 *
 * <p>Refresh safety rests on two operations. {@link #compareAndSet} writes only over the version
 * the writer read, so a stale writer can never overwrite a rotated refresh token.
 * {@link #withRefreshLock} serialises refreshes of one (provider, subject) across threads and, for
 * shared stores, across processes, so that only one refresh request reaches the server and the
 * others re-read what it stored.
 */
public interface CredentialStore {
    /** The stored credentials, or empty when there are none. */
    Optional<StoredCredentials> get(String provider, String subject);

    /** Creates or replaces the credentials, incrementing the version and setting the status to ACTIVE. */
    void set(String provider, String subject, Map<String, Object> data);

    /**
     * Writes the credentials only if the stored version is {@code expectedVersion} ({@code 0}: only
     * if there is no row). Sets the status to ACTIVE.
     *
     * @return whether the write happened
     */
    boolean compareAndSet(String provider, String subject, long expectedVersion, Map<String, Object> data);

    /**
     * Marks the credentials as needing reauthorization, if the stored version is still
     * {@code expectedVersion}. The data and version stay as they were.
     *
     * @return whether the row was marked
     */
    boolean markNeedsReauthorization(String provider, String subject, long expectedVersion);

    /** Deletes the credentials; returns whether there were any. */
    boolean delete(String provider, String subject);

    /** Rows matching {@code filter}, ordered by provider then subject. */
    List<StoredCredentials> list(CredentialFilter filter);

    /**
     * Runs {@code action} while holding the refresh lock of (provider, subject). Shared stores hold
     * it across processes (a row lock or an equivalent claim). The action runs on the calling
     * thread and may call this store's other methods for the same row; they must not deadlock
     * against the lock (JDBC stores run them in the lock's transaction). Locks are not re-entrant
     * across different (provider, subject) pairs: never nest them. When the action throws,
     * transactional stores (JDBC) roll back its writes; the in-memory store keeps them, which is
     * why the refresher reports failures as results and throws only after the lock is released.
     *
     * @throws RefreshLockTimeoutException when the lock is not obtained within {@code timeout}
     */
    <T> T withRefreshLock(String provider, String subject, Duration timeout, Supplier<T> action);
}
