package dev.integrations.internal.github;

import dev.integrations.github.RateLimitSnapshot;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;

/**
 * The latest {@link RateLimitSnapshot} per credential and resource, shared by every provider on
 * one transport (so a new session for the same user knows where its token stands). Credentials
 * are {@linkplain dev.integrations.internal.http.CredentialHash hashes}, never tokens. Bounded: at most
 * {@value #MAX_RESOURCES_PER_CREDENTIAL} resources per credential (the least recently updated
 * dropped first), and the least recently updated credentials are forgotten first.
 */
public final class RateLimitTracker {
    static final int DEFAULT_MAX_CREDENTIALS = 10_000;
    /** GitHub has about a dozen resources; more per credential means made-up names, dropped oldest first. */
    static final int MAX_RESOURCES_PER_CREDENTIAL = 32;

    private final int maxCredentials;
    private final ReentrantLock lock = new ReentrantLock();
    /** Per credential hash: the latest snapshot per resource, and the latest of all. Access-ordered. */
    private final LinkedHashMap<String, PerCredential> byCredential = new LinkedHashMap<>(16, 0.75f, true);

    private static final class PerCredential {
        final Map<String, RateLimitSnapshot> byResource = new LinkedHashMap<>();
        @Nullable RateLimitSnapshot latest;
    }

    public RateLimitTracker() {
        this(DEFAULT_MAX_CREDENTIALS);
    }

    public RateLimitTracker(int maxCredentials) {
        this.maxCredentials = maxCredentials;
    }

    public void record(String credentialHash, RateLimitSnapshot snapshot) {
        lock.lock();
        try {
            PerCredential entry = byCredential.computeIfAbsent(credentialHash, k -> new PerCredential());
            entry.byResource.remove(snapshot.resource());
            entry.byResource.put(snapshot.resource(), snapshot);
            if (entry.byResource.size() > MAX_RESOURCES_PER_CREDENTIAL) {
                var oldest = entry.byResource.keySet().iterator();
                oldest.next();
                oldest.remove();
            }
            entry.latest = snapshot;
            if (byCredential.size() > maxCredentials) {
                var eldest = byCredential.keySet().iterator();
                eldest.next();
                eldest.remove();
            }
        } finally {
            lock.unlock();
        }
    }

    public Optional<RateLimitSnapshot> latest(String credentialHash) {
        lock.lock();
        try {
            PerCredential entry = byCredential.get(credentialHash);
            return entry == null ? Optional.empty() : Optional.ofNullable(entry.latest);
        } finally {
            lock.unlock();
        }
    }

    public Optional<RateLimitSnapshot> latest(String credentialHash, String resource) {
        lock.lock();
        try {
            PerCredential entry = byCredential.get(credentialHash);
            return entry == null ? Optional.empty() : Optional.ofNullable(entry.byResource.get(resource));
        } finally {
            lock.unlock();
        }
    }
}
