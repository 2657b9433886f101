package dev.integrations.github.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The primary REST rate limit (https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api): a fixed hourly window per user, shared by all of
 * that user's tokens (PATs, OAuth-app and GitHub-App user tokens draw on one pool). The window
 * starts with the user's first counted request and resets one hour later by the sandbox clock.
 * A refused request does not count, and neither does a {@code 304 Not Modified} (https://docs.github.com/en/rest/using-the-rest-api/best-practices-for-using-the-rest-api), which
 * is counted on admission and {@linkplain #refund refunded} once the endpoint knows.
 */
final class RateLimiter {

    static final Duration WINDOW = Duration.ofHours(1);

    /** The outcome of one request: whether it may proceed and the header values to report. */
    record Status(boolean allowed, int limit, int remaining, int used, long resetEpochSeconds) {
    }

    private record Window(Instant resetAt, int used, boolean lastAllowed) {
    }

    private final Map<Long, Window> windows = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int limit;

    RateLimiter(Clock clock, int limit) {
        this.clock = clock;
        this.limit = limit;
    }

    /** Counts one request by {@code userId}, atomically. */
    Status acquire(long userId) {
        Instant now = clock.instant();
        Window window = windows.compute(userId, (id, current) -> {
            Window live = current == null || !now.isBefore(current.resetAt())
                    ? new Window(now.plus(WINDOW), 0, true)
                    : current;
            return live.used() < limit
                    ? new Window(live.resetAt(), live.used() + 1, true)
                    : new Window(live.resetAt(), live.used(), false);
        });
        return new Status(window.lastAllowed(), limit, limit - window.used(), window.used(),
                window.resetAt().getEpochSecond());
    }

    /** Gives back one request counted by {@link #acquire} (a 304), atomically; the window stays. */
    Status refund(long userId) {
        Window window = windows.computeIfPresent(userId, (id, current) ->
                new Window(current.resetAt(), Math.max(0, current.used() - 1), true));
        if (window == null) {
            return new Status(true, limit, limit, 0, clock.instant().plus(WINDOW).getEpochSecond());
        }
        return new Status(true, limit, limit - window.used(), window.used(), window.resetAt().getEpochSecond());
    }
}
