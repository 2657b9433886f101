package dev.integrations.internal.http;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Reads GitHub's rate-limit headers ({@code x-ratelimit-limit}, {@code -remaining}, {@code -used},
 * {@code -reset} and {@code retry-after}, see
 * https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api) defensively:
 * they arrive from the network, and a proxy, a GHES misconfiguration or a hostile server can put
 * anything in them. A value that is not a plain decimal number within its range is ignored
 * (logged at debug, never thrown), so one bad header cannot break every response, and nothing
 * beyond the range reaches {@link Instant} or {@code int} arithmetic.
 */
public final class RateLimitHeaders {
    /** Counters fit an {@code int}; GitHub's largest limits are in the tens of thousands. */
    static final long MAX_COUNT = Integer.MAX_VALUE;
    /** 9999-12-31T23:59:59Z: far beyond any real reset (GitHub's windows are an hour), yet a valid Instant. */
    static final long MAX_RESET_EPOCH_SECOND = 253_402_300_799L;
    /**
     * Longer waits are cut to this: it is still longer than any sensible wait budget, so the
     * request fails fast with a rate-limit error rather than sleeping or overflowing.
     */
    static final Duration MAX_RETRY_AFTER = Duration.ofDays(1);

    private static final Logger LOG = LoggerFactory.getLogger(RateLimitHeaders.class);
    /** Longer digit strings cannot be in range; refusing them early keeps parsing cheap. */
    private static final int MAX_DIGITS = 19;

    private RateLimitHeaders() {
    }

    /** A counter header ({@code x-ratelimit-limit}, {@code -remaining}, {@code -used}) within {@code [0, MAX_COUNT]}. */
    public static Optional<Integer> count(String name, @Nullable String value) {
        return number(name, value, MAX_COUNT).map(Long::intValue);
    }

    /** {@code x-ratelimit-reset} (epoch seconds) as an instant, when within {@code [0, MAX_RESET_EPOCH_SECOND]}. */
    public static Optional<Instant> resetAt(@Nullable String value) {
        return number("x-ratelimit-reset", value, MAX_RESET_EPOCH_SECOND).map(Instant::ofEpochSecond);
    }

    /**
     * {@code retry-after} in seconds, cut to {@link #MAX_RETRY_AFTER}. The HTTP-date form is
     * legal but GitHub sends seconds; it is ignored.
     */
    public static Optional<Duration> retryAfter(@Nullable String value) {
        if (value != null && isDigits(value.trim()) && value.trim().length() > MAX_DIGITS) {
            return Optional.of(MAX_RETRY_AFTER);
        }
        return number("retry-after", value, Long.MAX_VALUE)
                .map(seconds -> seconds > MAX_RETRY_AFTER.toSeconds() ? MAX_RETRY_AFTER : Duration.ofSeconds(seconds));
    }

    /**
     * Whether {@code x-ratelimit-resource} is a plausible resource name ({@code core},
     * {@code search}, {@code code_search}...): at most 64 letters, digits, {@code _} or {@code -}.
     * Anything else is logged at debug and the response's counters are not recorded, so a
     * server cannot fill the tracker with made-up names.
     */
    public static boolean isResourceName(String value) {
        if (value.length() <= 64 && value.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9') || c == '_' || c == '-')) {
            return true;
        }
        LOG.debug("Ignoring rate-limit headers: x-ratelimit-resource is not a resource name ({} chars)", value.length());
        return false;
    }

    private static Optional<Long> number(String name, @Nullable String value, long max) {
        if (value == null) {
            return Optional.empty();
        }
        String trimmed = value.trim();
        if (!isDigits(trimmed) || trimmed.length() > MAX_DIGITS) {
            LOG.debug("Ignoring the {} header: not a non-negative decimal number ({} chars)", name, trimmed.length());
            return Optional.empty();
        }
        try {
            long parsed = Long.parseLong(trimmed);
            if (parsed <= max) {
                return Optional.of(parsed);
            }
        } catch (NumberFormatException e) {
            // 19 digits above Long.MAX_VALUE: out of range like any other too-large value.
        }
        LOG.debug("Ignoring the {} header: {} is out of range (at most {})", name, trimmed, max);
        return Optional.empty();
    }

    private static boolean isDigits(String s) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }
}
