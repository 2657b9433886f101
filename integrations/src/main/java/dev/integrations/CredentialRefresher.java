package dev.integrations;

import dev.integrations.auth.AuthProvider;
import dev.integrations.auth.CredentialEvent;
import dev.integrations.auth.CredentialListener;
import dev.integrations.auth.MissingCredentialsException;
import dev.integrations.auth.OAuthException;
import dev.integrations.auth.ReauthorizationRequiredException;
import dev.integrations.auth.RefreshNotStoredException;
import dev.integrations.auth.UserCredentials;

import dev.integrations.core.IntegrationsException;
import dev.integrations.auth.store.CredentialStatus;
import dev.integrations.auth.store.CredentialStore;
import dev.integrations.auth.store.RefreshLockTimeoutException;
import dev.integrations.auth.store.StoredCredentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;

/**
 * Refreshes stored credentials so that a rotated refresh token is never lost.
 *
 * <ol>
 *   <li>In process: one refresh per (provider, subject) at a time; concurrent callers wait for the
 *       leader's result (single flight).</li>
 *   <li>Across processes: the leader takes the store's refresh <em>lease</em> (a claim with an
 *       expiry; no transaction, connection or lock is held while the token request runs, so a
 *       stalled authorization server never blocks other users' store calls). While another holder
 *       has it, the leader polls with backoff, bounded by the lock timeout, re-reading the row: if
 *       the version moved to an unexpired token, that token is used and no request is sent.</li>
 *   <li>Holding the lease, it re-reads the row, refreshes, and writes the new token set with
 *       compare-and-set on the version it read (the fence: a holder whose lease expired cannot
 *       overwrite a newer token). A failed write is retried a few times with backoff, because the
 *       server has already rotated the refresh token; only then is the failure reported, and
 *       logged as a lost token set. The new token set is handed out only once stored.</li>
 *   <li>A refused refresh token marks the row {@code NEEDS_REAUTHORIZATION} only if the row is
 *       still the version that was read; if another holder stored newer credentials meanwhile,
 *       those are used instead. Any other failure leaves the row exactly as it was.</li>
 * </ol>
 */
final class CredentialRefresher {
    private static final Logger LOG = LoggerFactory.getLogger(CredentialRefresher.class);
    /** How often a refreshed token set is offered to the store before it is given up. */
    static final int STORE_ATTEMPTS = 5;
    private static final long FIRST_STORE_PAUSE_MILLIS = 100;
    private static final long FIRST_POLL_MILLIS = 10;
    private static final long MAX_POLL_MILLIS = 250;

    private record Key(String provider, String subject) {
    }

    private final CredentialStore store;
    private final Clock clock;
    private final Duration skew;
    private final Duration lockTimeout;
    private final Duration leaseTtl;
    private final List<CredentialListener> listeners;
    private final ConcurrentHashMap<Key, CompletableFuture<UserCredentials>> inFlight = new ConcurrentHashMap<>();
    /** Identifies this refresher's lease holders; a counter makes each attempt's id unique. */
    private final String instance = UUID.randomUUID().toString();
    private final AtomicLong attempts = new AtomicLong();

    CredentialRefresher(CredentialStore store, Clock clock, Duration skew, Duration lockTimeout, Duration leaseTtl,
                        List<CredentialListener> listeners) {
        this.store = store;
        this.clock = clock;
        this.skew = skew;
        this.lockTimeout = lockTimeout;
        this.leaseTtl = leaseTtl;
        this.listeners = List.copyOf(listeners);
    }

    /** Whether credentials expire within the skew. Credentials without expiry never do. */
    boolean isDue(UserCredentials credentials) {
        Instant expiresAt = credentials.expiresAt();
        return expiresAt != null && !clock.instant().plus(skew).isBefore(expiresAt);
    }

    /** Whether the access token has expired by the clock (no skew). Credentials without expiry never do. */
    boolean isExpired(UserCredentials credentials) {
        Instant expiresAt = credentials.expiresAt();
        return expiresAt != null && !clock.instant().isBefore(expiresAt);
    }

    /**
     * Returns usable credentials for the row that was read as {@code seen}: refreshed and stored,
     * or the newer ones another thread or instance stored.
     *
     * @param force refresh even if not due by the clock (the server just answered 401), unless the
     *     row has changed since {@code seen}
     */
    <C extends UserCredentials> C refresh(AuthProvider<C> auth, StoredCredentials seen, boolean force) {
        Key key = new Key(auth.name(), seen.subject());
        CompletableFuture<UserCredentials> mine = new CompletableFuture<>();
        CompletableFuture<UserCredentials> leader = inFlight.putIfAbsent(key, mine);
        if (leader != null) {
            return auth.credentialsType().cast(await(leader));
        }
        try {
            C credentials = refreshWithLease(auth, seen, force);
            mine.complete(credentials);
            return credentials;
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    private <C extends UserCredentials> C refreshWithLease(AuthProvider<C> auth, StoredCredentials seen, boolean force) {
        String provider = auth.name();
        String subject = seen.subject();
        String holder = instance + "#" + attempts.incrementAndGet();
        long deadline = System.nanoTime() + lockTimeout.toNanos();
        long pause = FIRST_POLL_MILLIS;
        while (!store.tryAcquireRefreshLease(provider, subject, holder, leaseTtl)) {
            // Another instance is refreshing: it may already have stored what we need.
            StoredCredentials current = readUsable(auth, subject);
            C credentials = auth.credentialsFromMap(current.data());
            if (current.version() != seen.version() && !isDue(credentials)) {
                LOG.debug("Using {} credentials of subject {} refreshed elsewhere (version {})", provider, subject,
                        current.version());
                return credentials;
            }
            long remainingMillis = TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (remainingMillis <= 0) {
                emit(CredentialEvent.Type.REFRESH_FAILED, provider, subject, current.version(), null,
                        RefreshLockTimeoutException.class.getSimpleName(), false);
                throw new RefreshLockTimeoutException("Timed out after " + lockTimeout + " waiting for another instance"
                        + " refreshing " + provider + " credentials for subject '" + subject + "'; stored credentials are"
                        + " unchanged. Retry, or raise refreshLockTimeout if the authorization server is slow");
            }
            if (!sleep(Math.min(pause, remainingMillis))) {
                throw new RefreshLockTimeoutException("Interrupted while waiting for another instance refreshing "
                        + provider + " credentials for subject '" + subject + "'; stored credentials are unchanged");
            }
            pause = Math.min(pause * 2, MAX_POLL_MILLIS);
        }
        try {
            return refreshHoldingLease(auth, seen, force);
        } finally {
            try {
                store.releaseRefreshLease(provider, subject, holder);
            } catch (RuntimeException e) {
                LOG.warn("Releasing the refresh lease of {} credentials for subject {} failed; it expires by itself within {}: {}",
                        provider, subject, leaseTtl, e.toString());
            }
        }
    }

    /** The row as it is now, if it can be refreshed; otherwise the typed reason why not. */
    private StoredCredentials readUsable(AuthProvider<?> auth, String subject) {
        String provider = auth.name();
        StoredCredentials current = store.get(provider, subject).orElse(null);
        if (current == null) {
            throw new MissingCredentialsException(provider, "The " + provider + " credentials of subject '" + subject
                    + "' were deleted while they were being refreshed; connect the user again.");
        }
        if (current.status() == CredentialStatus.NEEDS_REAUTHORIZATION) {
            throw needsReauthorization(provider, subject, "needs_reauthorization");
        }
        return current;
    }

    private <C extends UserCredentials> C refreshHoldingLease(AuthProvider<C> auth, StoredCredentials seen, boolean force) {
        String provider = auth.name();
        String subject = seen.subject();
        StoredCredentials current = readUsable(auth, subject);
        C credentials = auth.credentialsFromMap(current.data());
        boolean changed = current.version() != seen.version();
        if (changed ? !isDue(credentials) : !(force || isDue(credentials))) {
            LOG.debug("Using {} credentials of subject {} refreshed elsewhere (version {})", provider, subject,
                    current.version());
            return credentials;
        }
        C refreshed;
        try {
            refreshed = auth.oauth2().refresh(credentials);
        } catch (OAuthException e) {
            if (e.requiresReauthorization()) {
                return afterRefusal(auth, current, e);
            }
            emit(CredentialEvent.Type.REFRESH_FAILED, provider, subject, current.version(), null, e.error(), false);
            throw e;
        } catch (IntegrationsException e) {
            emit(CredentialEvent.Type.REFRESH_FAILED, provider, subject, current.version(), null,
                    e.getClass().getSimpleName(), false);
            throw e;
        }
        return storeRefreshed(auth, current, refreshed);
    }

    /**
     * The server refused the refresh token of {@code current}. If the row is unchanged it is marked
     * (fenced by its version); if another holder stored newer credentials meanwhile (e.g. after
     * this holder's lease expired), the refused token was merely stale and those are used.
     */
    private <C extends UserCredentials> C afterRefusal(AuthProvider<C> auth, StoredCredentials current, OAuthException e) {
        String provider = auth.name();
        String subject = current.subject();
        if (!store.markNeedsReauthorization(provider, subject, current.version())) {
            StoredCredentials latest = store.get(provider, subject).orElse(null);
            if (latest != null && latest.status() == CredentialStatus.ACTIVE && latest.version() != current.version()) {
                C newer = auth.credentialsFromMap(latest.data());
                if (!isDue(newer)) {
                    LOG.info("Refresh of {} credentials for subject {} was refused ({}), but another instance stored newer"
                            + " credentials meanwhile (version {}); using those", provider, subject, e.error(), latest.version());
                    return newer;
                }
            }
        } else {
            LOG.info("Refresh of {} credentials for subject {} was refused ({}); marked as needing reauthorization",
                    provider, subject, e.error());
        }
        emit(CredentialEvent.Type.REFRESH_FAILED, provider, subject, current.version(), null, e.error(), true);
        throw needsReauthorization(provider, subject, e.error());
    }

    /**
     * Writes the new token set over {@code current}'s version. The server has already rotated the
     * refresh token, so a failed write is retried with backoff on the store's next connection; a
     * write whose answer was lost is recognised on re-reading (the row holds our access token).
     */
    private <C extends UserCredentials> C storeRefreshed(AuthProvider<C> auth, StoredCredentials current, C refreshed) {
        String provider = auth.name();
        String subject = current.subject();
        long expected = current.version();
        Map<String, Object> data = refreshed.toMap();
        RuntimeException lastFailure = null;
        long pause = FIRST_STORE_PAUSE_MILLIS;
        for (int attempt = 1; attempt <= STORE_ATTEMPTS; attempt++) {
            StoredCredentials latest;
            try {
                if (store.compareAndSet(provider, subject, expected, data)) {
                    return stored(provider, subject, expected + 1, refreshed);
                }
                latest = store.get(provider, subject).orElse(null);
            } catch (IntegrationsException e) {
                lastFailure = e;
                if (attempt < STORE_ATTEMPTS) {
                    LOG.warn("Storing refreshed {} credentials for subject {} failed (attempt {} of {}); retrying in {} ms: {}",
                            provider, subject, attempt, STORE_ATTEMPTS, pause, e.toString());
                    sleep(pause);
                    pause *= 2;
                }
                continue;
            }
            if (latest != null && latest.version() == expected + 1
                    && Objects.equals(latest.data().get("access_token"), refreshed.accessToken())) {
                // An earlier attempt was committed but its answer was lost with the connection.
                return stored(provider, subject, latest.version(), refreshed);
            }
            if (latest != null && latest.status() == CredentialStatus.ACTIVE && latest.version() != expected) {
                C newer = auth.credentialsFromMap(latest.data());
                if (!isDue(newer)) {
                    // Another holder (after this one's lease expired) stored first: the fence kept its token.
                    LOG.info("{} credentials of subject {} were stored by another instance during this refresh (version {});"
                            + " using those", provider, subject, latest.version());
                    return newer;
                }
            }
            emit(CredentialEvent.Type.REFRESH_FAILED, provider, subject, expected, null, "version_conflict", false);
            throw new IntegrationsException("The " + provider + " credentials of subject '" + subject + "' changed during"
                    + " the refresh and the stored ones are not usable; retry");
        }
        LOG.error("LOST TOKEN SET: {} credentials for subject {} were refreshed, but storing them failed {} times; the"
                        + " provider may have rotated the refresh token, so the stored one may no longer work and the user may"
                        + " have to connect again. Last store error: {}", provider, subject, STORE_ATTEMPTS,
                String.valueOf(lastFailure));
        emit(CredentialEvent.Type.REFRESH_FAILED, provider, subject, expected, null, "store_failed", false);
        throw new RefreshNotStoredException(provider, subject, "The " + provider + " credentials of subject '" + subject
                + "' were refreshed, but the credential store failed " + STORE_ATTEMPTS + " attempts to store them; the"
                + " stored credentials are unchanged, and their refresh token may have been rotated. Check that the store is"
                + " reachable; if later refreshes are refused, connect the user again.", lastFailure);
    }

    private <C extends UserCredentials> C stored(String provider, String subject, long version, C refreshed) {
        emit(CredentialEvent.Type.REFRESHED, provider, subject, version, refreshed.expiresAt(), null, false);
        LOG.debug("Refreshed {} credentials for subject {} (version {})", provider, subject, version);
        return refreshed;
    }

    /** Sleeps; on interruption returns false at once and keeps the interrupt flag set. */
    private static boolean sleep(long millis) {
        try {
            Thread.sleep(millis);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static ReauthorizationRequiredException needsReauthorization(String provider, String subject, String error) {
        return new ReauthorizationRequiredException(provider, subject, error, "The " + provider + " credentials of subject '"
                + subject + "' can no longer be refreshed (" + error + "): the user must connect again. Start a new"
                + " authorization and store the new credentials.");
    }

    /** Whether any listener is registered, so callers can skip work that only feeds events. */
    boolean hasListeners() {
        return !listeners.isEmpty();
    }

    void emit(CredentialEvent.Type type, String provider, String subject, long version, @Nullable Instant expiresAt,
            @Nullable String error, boolean reauthorize) {
        if (listeners.isEmpty()) {
            return;
        }
        CredentialEvent event = new CredentialEvent(type, provider, subject, version, expiresAt, error, reauthorize,
                clock.instant());
        for (CredentialListener listener : listeners) {
            try {
                listener.onEvent(event);
            } catch (RuntimeException e) {
                LOG.warn("A credential listener failed on a {} event; ignoring it", type, e);
            }
        }
    }

    private static UserCredentials await(CompletableFuture<UserCredentials> leader) {
        try {
            return leader.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }
}
