package dev.integrations.auth.store;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where users' credentials live, keyed by provider name and canonical subject. The SPI for
 * persistent stores; {@link InMemoryCredentialStore} is the default.
 *
 * <p>Implementations must be thread-safe, must copy data in and out (a caller changing a map
 * after {@code set} must not change what is stored), and must never log the data. Provider names
 * arrive lower case and subjects canonical: implementations compare them as exact strings.
 *
 * <p>Refresh safety rests on two operations. {@link #compareAndSet} writes only over the version
 * the writer read, so a stale writer can never overwrite a rotated refresh token: it is the fence.
 * The <em>refresh lease</em> ({@link #tryAcquireRefreshLease}, {@link #releaseRefreshLease}) makes
 * one refresh of a (provider, subject) run at a time across threads and, for shared stores, across
 * processes, so that normally only one refresh request reaches the server and the others re-read
 * what it stored. A lease is a claim with an expiry, not a held lock: taking and releasing it are
 * short, self-contained operations, and nothing (no transaction, connection or database lock) is
 * held between them, so a slow or stalled token endpoint never blocks other users' reads and
 * writes. A holder that outlives its lease may be overtaken; the compare-and-set fence keeps it
 * from overwriting what the new holder stored.
 */
public interface CredentialStore {
    /**
     * Reads one row.
     *
     * @param provider the provider name, lower case
     * @param subject the canonical subject
     * @return the stored credentials, or empty when there are none
     */
    Optional<StoredCredentials> get(String provider, String subject);

    /**
     * Creates or replaces the credentials, incrementing the version and setting the status to
     * ACTIVE.
     *
     * @param provider the provider name, lower case
     * @param subject the canonical subject
     * @param data the credentials' map form ({@link dev.integrations.auth.UserCredentials#toMap()})
     */
    void set(String provider, String subject, Map<String, Object> data);

    /**
     * Writes the credentials only if the stored version is {@code expectedVersion} ({@code 0}: only
     * if there is no row). Sets the status to ACTIVE.
     *
     * @param provider the provider name, lower case
     * @param subject the canonical subject
     * @param expectedVersion the version read before; 0 when no row was read
     * @param data the credentials' map form
     * @return whether the write happened
     */
    boolean compareAndSet(String provider, String subject, long expectedVersion, Map<String, Object> data);

    /**
     * Marks the credentials as needing reauthorization, if the stored version is still
     * {@code expectedVersion}. The data and version stay as they were.
     *
     * @param provider the provider name, lower case
     * @param subject the canonical subject
     * @param expectedVersion the version whose refresh token was refused
     * @return whether the row was marked
     */
    boolean markNeedsReauthorization(String provider, String subject, long expectedVersion);

    /**
     * Deletes the credentials.
     *
     * @param provider the provider name, lower case
     * @param subject the canonical subject
     * @return true when a row was deleted, false when there was none
     */
    boolean delete(String provider, String subject);

    /**
     * Lists rows.
     *
     * @param filter the conditions and the most rows to return
     * @return the rows matching {@code filter}, ordered by provider then subject
     */
    List<StoredCredentials> list(CredentialFilter filter);

    /**
     * Tries once, without waiting, to take the refresh lease of (provider, subject) for
     * {@code holder} until {@code ttl} from now.
     *
     * <p>Implementations must guarantee:
     * <ul>
     *   <li>At most one unexpired lease per (provider, subject): the call succeeds when there is no
     *       lease, when the existing lease has expired (it is taken over), or when {@code holder}
     *       already holds it (its expiry is extended); otherwise it returns {@code false} at once.</li>
     *   <li>The check and the claim are atomic across every store object sharing the same storage
     *       (threads and, for shared stores, processes).</li>
     *   <li>Nothing is held when the call returns: no transaction, connection or lock. A lease
     *       never blocks {@link #get}, {@link #set}, {@link #compareAndSet} or any other call.</li>
     *   <li>It works whether or not credentials are stored for the pair.</li>
     * </ul>
     *
     * @param provider the provider name, lower case
     * @param subject the canonical subject
     * @param holder an id unique to this attempt (e.g. instance id plus a counter)
     * @param ttl how long the lease lasts unless released; positive
     * @return whether {@code holder} now holds the lease
     */
    boolean tryAcquireRefreshLease(String provider, String subject, String holder, Duration ttl);

    /**
     * Releases the refresh lease of (provider, subject) if {@code holder} still holds it, removing
     * it from storage (leases must not accumulate). A lease taken over by another holder is left
     * alone; releasing a lease that is not held does nothing. Implementations may also remove
     * other expired leases here. Like {@link #tryAcquireRefreshLease}, holds nothing afterwards.
     *
     * @param provider the provider name, lower case
     * @param subject the canonical subject
     * @param holder the id the lease was acquired with
     */
    void releaseRefreshLease(String provider, String subject, String holder);
}
