package dev.integrations.internal.github.app;

import dev.integrations.core.IntegrationsException;
import dev.integrations.github.app.InstallationToken;
import dev.integrations.github.app.InstallationTokenRequest;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Installation tokens per request (installation, sorted repositories, sorted permissions), created
 * on demand with single flight: the first caller for a key creates the token while later callers
 * wait on the same future, so N concurrent sessions cause one request. A token is renewed when less
 * than the margin remains, and never handed out at or after its {@code expires_at}. A failed
 * creation is removed before its waiters are woken, so the next caller tries again. No lock is
 * held while GitHub is called: {@link ConcurrentHashMap#compute} only installs the future.
 */
public final class InstallationTokenCache {
    private static final int MAX_ATTEMPTS = 3;

    private final ConcurrentHashMap<InstallationTokenRequest, CompletableFuture<InstallationToken>> entries =
            new ConcurrentHashMap<>();
    private final Function<InstallationTokenRequest, InstallationToken> creator;
    private final Clock clock;
    private final Duration margin;

    public InstallationTokenCache(Function<InstallationTokenRequest, InstallationToken> creator, Clock clock,
                                  Duration margin) {
        this.creator = creator;
        this.clock = clock;
        this.margin = margin;
    }

    /** A token for {@code request} that has not expired: cached while more than the margin remains, else new. */
    public InstallationToken get(InstallationTokenRequest request) {
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            @SuppressWarnings("unchecked")
            CompletableFuture<InstallationToken>[] created = new CompletableFuture[1];
            CompletableFuture<InstallationToken> future = entries.compute(request, (key, existing) -> {
                if (existing != null && (!existing.isDone() || fresh(existing))) {
                    return existing;
                }
                created[0] = new CompletableFuture<>();
                return created[0];
            });
            if (future == created[0]) {
                try {
                    future.complete(creator.apply(request));
                } catch (RuntimeException | Error e) {
                    entries.remove(request, future);
                    future.completeExceptionally(e);
                    throw e;
                }
            }
            InstallationToken token = join(future);
            if (clock.instant().isBefore(token.expiresAt())) {
                return token;
            }
            // Expired by our clock even though it was just issued or cached: drop it, ask again.
            entries.remove(request, future);
        }
        throw new IntegrationsException("GitHub's installation tokens for installation " + request.installationId()
                + " keep arriving already expired by this machine's clock; synchronise the clock (NTP)");
    }

    /** Drops the cached token for {@code request} if it is {@code rejected} (GitHub answered 401 to it). */
    public void invalidate(InstallationTokenRequest request, String rejected) {
        entries.computeIfPresent(request, (key, future) -> {
            if (!future.isDone() || future.isCompletedExceptionally()) {
                return future;
            }
            return future.join().token().equals(rejected) ? null : future;
        });
    }

    private boolean fresh(CompletableFuture<InstallationToken> future) {
        if (future.isCompletedExceptionally()) {
            return false;
        }
        return clock.instant().isBefore(future.join().expiresAt().minus(margin));
    }

    private static InstallationToken join(CompletableFuture<InstallationToken> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    @Override
    public String toString() {
        return "InstallationTokenCache[entries=" + entries.size() + ", margin=" + margin + "]";
    }
}
