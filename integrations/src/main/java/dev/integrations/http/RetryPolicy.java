package dev.integrations.http;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@code RetryStep} retries reads (and requests marked safe to repeat) that failed for
 * transient reasons: up to
 * {@code maxRetries} more attempts, waiting an exponentially growing, jittered backoff between
 * them.
 *
 * <p>The wait before retry {@code n} (1-based) is drawn uniformly from
 * {@code [b/2, b]} where {@code b = min(maxBackoff, initialBackoff * 2^(n-1))}: it still grows
 * with every attempt, yet clients that failed together do not retry together.
 *
 * @param maxRetries how many times a request may be re-sent after its first attempt; 0 disables retries
 * @param initialBackoff the base wait before the first retry
 * @param maxBackoff the cap on any single wait
 */
public record RetryPolicy(int maxRetries, Duration initialBackoff, Duration maxBackoff) {
    /** Three retries, starting at one second, never more than 30 seconds apart. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(30));

    /**
     * Checks the values: no negative count or duration, and {@code maxBackoff >= initialBackoff}.
     *
     * @param maxRetries how many times a request may be re-sent after its first attempt; 0
     *     disables retries
     * @param initialBackoff the base wait before the first retry
     * @param maxBackoff the cap on any single wait
     * @throws IllegalArgumentException when a value is negative or {@code maxBackoff} is below
     *     {@code initialBackoff}
     */
    public RetryPolicy {
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be 0 or more, got " + maxRetries);
        }
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (initialBackoff.isNegative() || maxBackoff.isNegative()) {
            throw new IllegalArgumentException("backoff durations must not be negative");
        }
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new IllegalArgumentException("maxBackoff (" + maxBackoff + ") must not be below initialBackoff ("
                    + initialBackoff + ")");
        }
    }

    /**
     * A policy that never retries.
     *
     * @return a policy with no retries and no backoff
     */
    public static RetryPolicy none() {
        return new RetryPolicy(0, Duration.ZERO, Duration.ZERO);
    }

    /**
     * The wait before a retry.
     *
     * @param retry which retry, 1 for the first
     * @param random a value in {@code [0, 1)} that places the wait within its jitter range
     * @return a wait between half and all of the capped exponential backoff
     * @throws IllegalArgumentException when {@code retry} is below 1
     */
    public Duration backoff(int retry, double random) {
        if (retry < 1) {
            throw new IllegalArgumentException("retry counts from 1, got " + retry);
        }
        long initial = initialBackoff.toNanos();
        long cap = maxBackoff.toNanos();
        // Doubling stops once it passes the cap, so large retry counts cannot overflow.
        long base = initial;
        for (int i = 1; i < retry && base < cap; i++) {
            base = base > cap / 2 ? cap : base * 2;
        }
        base = Math.min(base, cap);
        double clamped = Math.max(0, Math.min(random, 1));
        return Duration.ofNanos(base / 2 + (long) (clamped * (base - base / 2)));
    }
}
