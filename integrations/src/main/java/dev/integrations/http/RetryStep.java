package dev.integrations.http;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Retries requests that failed for reasons that may pass: the connection failed or timed out
 * ({@link TransportException}), or the server answered 502, 503 or 504.
 *
 * <p>Only idempotent methods are retried ({@code GET}, {@code HEAD}, {@code PUT}, {@code DELETE},
 * {@code OPTIONS}): sending them twice has the effect of sending them once. {@code POST} and
 * {@code PATCH} are never retried, because a request that timed out or got a 502 may have been
 * carried out anyway, and a blind retry could create a second issue or comment.
 *
 * <p>Not retried either: a response too large to read (it would be too large again) and an
 * interrupted thread (the caller asked to stop). The waits follow {@link RetryPolicy#backoff};
 * a {@code Retry-After} on a 503 lengthens the wait when it is within
 * {@link RetryPolicy#maxBackoff()}, and ends the retries when it is beyond it. When the retries
 * are used up, the last response is returned (or the last exception thrown) unchanged.
 */
public final class RetryStep implements HttpStep {
    /** Methods whose repetition has no further effect (RFC 9110 §9.2.2). */
    public static final Set<String> IDEMPOTENT_METHODS = Set.of("GET", "HEAD", "PUT", "DELETE", "OPTIONS");
    /** Statuses that mean "a gateway or the server is briefly unavailable". */
    public static final Set<Integer> RETRIED_STATUSES = Set.of(502, 503, 504);

    private static final Logger LOG = LoggerFactory.getLogger(RetryStep.class);

    private final RetryPolicy policy;
    private final Sleeper sleeper;

    /** A step retrying per {@code policy}, waiting with {@code sleeper}. */
    public RetryStep(RetryPolicy policy, Sleeper sleeper) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    @Override
    public HttpResult apply(HttpRequest request, Chain chain) {
        if (policy.maxRetries() == 0 || !IDEMPOTENT_METHODS.contains(request.method().toUpperCase(Locale.ROOT))) {
            return chain.proceed(request);
        }
        for (int retry = 1; ; retry++) {
            boolean last = retry > policy.maxRetries();
            HttpResult result;
            try {
                result = chain.proceed(request);
            } catch (ResponseTooLargeException e) {
                throw e;
            } catch (TransportException e) {
                if (last || e.getCause() instanceof InterruptedException || Thread.currentThread().isInterrupted()) {
                    throw e;
                }
                pause(request, retry, policy.backoff(retry, ThreadLocalRandom.current().nextDouble()), "it failed");
                continue;
            }
            if (last || !RETRIED_STATUSES.contains(result.status())) {
                return result;
            }
            Duration wait = policy.backoff(retry, ThreadLocalRandom.current().nextDouble());
            Optional<Duration> retryAfter = retryAfter(result);
            if (retryAfter.isPresent()) {
                if (retryAfter.get().compareTo(policy.maxBackoff()) > 0) {
                    return result;
                }
                wait = wait.compareTo(retryAfter.get()) >= 0 ? wait : retryAfter.get();
            }
            pause(request, retry, wait, "it got " + result.status());
        }
    }

    private void pause(HttpRequest request, int retry, Duration wait, String why) {
        LOG.debug("Retrying {} {} ({} of {}) in {} ms because {}", request.method(), request.uri().getPath(), retry,
                policy.maxRetries(), wait.toMillis(), why);
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException(request.method() + " " + request.uri().getPath()
                    + " was interrupted while waiting to retry", e);
        }
    }

    private static Optional<Duration> retryAfter(HttpResult result) {
        return result.header("retry-after").flatMap(value -> {
            try {
                long seconds = Long.parseLong(value.trim());
                return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
            } catch (NumberFormatException e) {
                // An HTTP-date Retry-After is legal but GitHub sends seconds; fall back to our backoff.
                return Optional.empty();
            }
        });
    }

    @Override
    public String toString() {
        return "RetryStep[" + policy + "]";
    }
}
