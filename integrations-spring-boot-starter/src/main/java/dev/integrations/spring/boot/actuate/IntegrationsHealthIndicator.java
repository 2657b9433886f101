package dev.integrations.spring.boot.actuate;

import dev.integrations.AuthManager;
import dev.integrations.auth.store.CredentialFilter;
import dev.integrations.auth.store.StoredCredentials;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health of the credential store: UP with the number of GitHub connections that need the user to
 * authorize again ({@code needingReauthorization}; at most {@value #LIMIT} are counted), DOWN when
 * the store does not answer within the timeout or fails. One query per check, on a thread of its
 * own so a hung database cannot hang the health endpoint.
 */
public class IntegrationsHealthIndicator implements HealthIndicator, DisposableBean {
    /** The most rows counted: past it the count reads {@value #LIMIT} and {@code atLeast} is true. */
    public static final int LIMIT = 1000;

    private final AuthManager auth;
    private final Duration timeout;
    private final ExecutorService executor = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "integrations-health");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * Creates the indicator.
     *
     * @param auth the manager whose store is checked
     * @param timeout how long the store may take to answer
     */
    public IntegrationsHealthIndicator(AuthManager auth, Duration timeout) {
        this.auth = Objects.requireNonNull(auth, "auth");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * Checks the store.
     *
     * @return UP with {@code store} and {@code needingReauthorization}, or DOWN with the reason
     */
    @Override
    public Health health() {
        String store = auth.credentialStore().getClass().getSimpleName();
        Future<List<StoredCredentials>> rows = executor.submit(() -> auth.listCredentials(
                new CredentialFilter("github", dev.integrations.auth.store.CredentialStatus.NEEDS_REAUTHORIZATION, null, LIMIT)));
        try {
            int count = rows.get(timeout.toMillis(), TimeUnit.MILLISECONDS).size();
            return Health.up().withDetail("store", store).withDetail("needingReauthorization", count)
                    .withDetail("atLeast", count >= LIMIT).build();
        } catch (TimeoutException e) {
            rows.cancel(true);
            return Health.down().withDetail("store", store)
                    .withDetail("error", "the credential store did not answer within " + timeout.toMillis() + " ms").build();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            // The class only: a driver's message may carry connection details.
            return Health.down().withDetail("store", store).withDetail("error", cause.getClass().getName()).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Health.unknown().withDetail("store", store).withDetail("error", "interrupted").build();
        }
    }

    /** Stops the checking thread. */
    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
