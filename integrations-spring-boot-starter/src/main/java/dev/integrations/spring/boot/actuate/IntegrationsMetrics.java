package dev.integrations.spring.boot.actuate;

import dev.integrations.AuthManager;
import dev.integrations.auth.CredentialEvent;
import dev.integrations.auth.CredentialListener;
import dev.integrations.http.HttpResult;
import dev.integrations.http.HttpStep;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.net.http.HttpRequest;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Micrometer meters for an {@link AuthManager}:
 * <ul>
 *   <li>{@value #REFRESHES} (counter, tag {@code provider}): credentials refreshed and stored;</li>
 *   <li>{@value #REFRESH_FAILURES} (counter, tags {@code provider}, {@code reauthorization}):
 *       refreshes that failed, and whether the user must authorize again;</li>
 *   <li>{@value #RATE_LIMIT_REMAINING} (gauge, tag {@code resource}): GitHub's
 *       {@code X-RateLimit-Remaining} as last seen for each {@code X-RateLimit-Resource}.</li>
 * </ul>
 * Register it with {@link #register(AuthManager.Builder)}: it listens to credential events and
 * reads the rate-limit headers in a network step. No subject or token is ever a tag.
 */
public class IntegrationsMetrics implements CredentialListener {
    /** Counter of refreshed credentials. */
    public static final String REFRESHES = "integrations.credentials.refreshes";
    /** Counter of failed refreshes. */
    public static final String REFRESH_FAILURES = "integrations.credentials.refresh.failures";
    /** Gauge of the remaining GitHub rate limit per resource. */
    public static final String RATE_LIMIT_REMAINING = "integrations.github.rate-limit.remaining";
    /** GitHub's resources are a handful of names; this bounds the gauges a misbehaving server could create. */
    private static final int MAX_RESOURCES = 32;

    private final MeterRegistry registry;
    private final Map<String, AtomicLong> remaining = new ConcurrentHashMap<>();

    /**
     * Creates the meters' source.
     *
     * @param registry where meters are registered
     */
    public IntegrationsMetrics(MeterRegistry registry) {
        this.registry = Objects.requireNonNull(registry, "registry");
    }

    /**
     * Adds this listener and its rate-limit network step to a builder.
     *
     * @param builder the manager's builder
     * @return the builder
     */
    public AuthManager.Builder register(AuthManager.Builder builder) {
        return builder.listener(this).addNetworkStep(rateLimitStep());
    }

    /**
     * Counts refreshes and refresh failures.
     *
     * @param event the credential event
     */
    @Override
    public void onEvent(CredentialEvent event) {
        switch (event.type()) {
            case REFRESHED -> Counter.builder(REFRESHES).description("Credentials refreshed and stored")
                    .tag("provider", event.provider()).register(registry).increment();
            case REFRESH_FAILED -> Counter.builder(REFRESH_FAILURES).description("Credential refreshes that failed")
                    .tag("provider", event.provider()).tag("reauthorization", Boolean.toString(event.requiresReauthorization()))
                    .register(registry).increment();
            default -> {
                // Stored and deleted credentials are not metered.
            }
        }
    }

    /**
     * The network step that reads {@code X-RateLimit-Resource} and {@code X-RateLimit-Remaining}
     * from every response; it never changes the request or the result.
     *
     * @return the step
     */
    public HttpStep rateLimitStep() {
        return (HttpRequest request, HttpStep.Chain chain) -> {
            HttpResult result = chain.proceed(request);
            record(result.header("X-RateLimit-Resource"), result.header("X-RateLimit-Remaining"));
            return result;
        };
    }

    /**
     * The last remaining count seen for a resource.
     *
     * @param resource e.g. {@code core}, {@code search}, {@code graphql}
     * @return the count, or empty when no response for it was seen
     */
    public Optional<Long> remaining(String resource) {
        AtomicLong value = remaining.get(resource);
        return value == null ? Optional.empty() : Optional.of(value.get());
    }

    private void record(Optional<String> resourceHeader, Optional<String> remainingHeader) {
        if (resourceHeader.isEmpty() || remainingHeader.isEmpty()) {
            return;
        }
        String resource = resourceHeader.get().trim();
        long count;
        try {
            count = Long.parseLong(remainingHeader.get().trim());
        } catch (NumberFormatException e) {
            return;
        }
        if (!resource.matches("[a-z0-9_]{1,40}")) {
            return;
        }
        AtomicLong value = remaining.get(resource);
        if (value == null) {
            if (remaining.size() >= MAX_RESOURCES) {
                return;
            }
            value = remaining.computeIfAbsent(resource, name -> {
                AtomicLong created = new AtomicLong(-1);
                Gauge.builder(RATE_LIMIT_REMAINING, created, AtomicLong::get)
                        .description("GitHub's X-RateLimit-Remaining as last seen").tag("resource", name).register(registry);
                return created;
            });
        }
        value.set(count);
    }
}
