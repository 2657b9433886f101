package dev.integrations.auth;

import dev.integrations.IntegrationsException;
import dev.integrations.auth.store.CredentialStatus;
import dev.integrations.auth.store.CredentialStore;
import dev.integrations.auth.store.StoredCredentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Refreshes stored credentials so that a rotated refresh token is never lost.
 *
 * <ol>
 *   <li>In process: one refresh per (provider, subject) at a time; concurrent callers wait for the
 *       leader's result (single flight).</li>
 *   <li>Across processes: the leader takes the store's refresh lock, then re-reads the row. If
 *       another instance stored a newer, unexpired token meanwhile, that token is used and no
 *       request is sent.</li>
 *   <li>Otherwise it refreshes, writes the new token set with compare-and-set on the version it
 *       read, and only then hands it out. A refused refresh token marks the row
 *       {@code NEEDS_REAUTHORIZATION}; any other failure leaves the row exactly as it was.</li>
 * </ol>
 */
final class CredentialRefresher {
    private static final Logger LOG = LoggerFactory.getLogger(CredentialRefresher.class);

    private record Key(String provider, String subject) {
    }

    /** What happened under the lock; exceptions are thrown after the lock is released so marks commit. */
    private record Outcome(UserCredentials credentials, RuntimeException failure) {
    }

    private final CredentialStore store;
    private final Clock clock;
    private final Duration skew;
    private final Duration lockTimeout;
    private final List<CredentialListener> listeners;
    private final ConcurrentHashMap<Key, CompletableFuture<UserCredentials>> inFlight = new ConcurrentHashMap<>();

    CredentialRefresher(CredentialStore store, Clock clock, Duration skew, Duration lockTimeout,
                        List<CredentialListener> listeners) {
        this.store = store;
        this.clock = clock;
        this.skew = skew;
        this.lockTimeout = lockTimeout;
        this.listeners = List.copyOf(listeners);
    }

    /** Whether credentials expire within the skew. Credentials without expiry never do. */
    boolean isDue(UserCredentials credentials) {
        Instant expiresAt = credentials.expiresAt();
        return expiresAt != null && !clock.instant().plus(skew).isBefore(expiresAt);
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
            Outcome outcome = store.withRefreshLock(auth.name(), seen.subject(), lockTimeout,
                    () -> refreshUnderLock(auth, seen, force));
            if (outcome.failure() != null) {
                throw outcome.failure();
            }
            mine.complete(outcome.credentials());
            return auth.credentialsType().cast(outcome.credentials());
        } catch (RuntimeException e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            inFlight.remove(key, mine);
        }
    }

    private <C extends UserCredentials> Outcome refreshUnderLock(AuthProvider<C> auth, StoredCredentials seen, boolean force) {
        String provider = auth.name();
        String subject = seen.subject();
        StoredCredentials current = store.get(provider, subject).orElse(null);
        if (current == null) {
            return new Outcome(null, new MissingCredentialsException(provider, "The " + provider + " credentials of subject '"
                    + subject + "' were deleted while they were being refreshed; connect the user again."));
        }
        if (current.status() == CredentialStatus.NEEDS_REAUTHORIZATION) {
            return new Outcome(null, needsReauthorization(provider, subject, "needs_reauthorization"));
        }
        C credentials = auth.credentialsFromMap(current.data());
        boolean changed = current.version() != seen.version();
        if (changed ? !isDue(credentials) : !(force || isDue(credentials))) {
            LOG.debug("Using {} credentials of subject {} refreshed elsewhere (version {})", provider, subject,
                    current.version());
            return new Outcome(credentials, null);
        }
        C refreshed;
        try {
            refreshed = auth.oauth2().refresh(credentials);
        } catch (OAuthException e) {
            if (e.requiresReauthorization()) {
                store.markNeedsReauthorization(provider, subject, current.version());
                emit(CredentialEvent.Type.REFRESH_FAILED, provider, subject, current.version(), null, e.error(), true);
                LOG.info("Refresh of {} credentials for subject {} was refused ({}); marked as needing reauthorization",
                        provider, subject, e.error());
                return new Outcome(null, needsReauthorization(provider, subject, e.error()));
            }
            emit(CredentialEvent.Type.REFRESH_FAILED, provider, subject, current.version(), null, e.error(), false);
            return new Outcome(null, e);
        } catch (IntegrationsException e) {
            emit(CredentialEvent.Type.REFRESH_FAILED, provider, subject, current.version(), null,
                    e.getClass().getSimpleName(), false);
            return new Outcome(null, e);
        }
        if (!store.compareAndSet(provider, subject, current.version(), refreshed.toMap())) {
            // Only a store whose lock does not exclude writers gets here: never hand out a token
            // set that is not the stored one.
            emit(CredentialEvent.Type.REFRESH_FAILED, provider, subject, current.version(), null, "version_conflict", false);
            return new Outcome(null, new IntegrationsException("The " + provider + " credentials of subject '" + subject
                    + "' changed during the refresh; retry (the store's refresh lock should prevent this)"));
        }
        emit(CredentialEvent.Type.REFRESHED, provider, subject, current.version() + 1, refreshed.expiresAt(), null, false);
        LOG.debug("Refreshed {} credentials for subject {} (version {})", provider, subject, current.version() + 1);
        return new Outcome(refreshed, null);
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

    void emit(CredentialEvent.Type type, String provider, String subject, long version, Instant expiresAt, String error,
              boolean reauthorize) {
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
