package dev.integrations.github;

import dev.integrations.internal.http.RateLimitHeaders;
import java.net.http.HttpHeaders;
import java.time.Instant;
import java.util.Optional;

/**
 * GitHub's rate-limit counters as of one response ({@code x-ratelimit-*} headers, see
 * https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api), for one
 * credential and one resource ({@code core}, {@code search}, {@code graphql}...). Counters are
 * between 0 and {@code Integer.MAX_VALUE} and the reset no later than year 9999: a header outside
 * that, or not a plain decimal number, is ignored (logged at debug), never thrown.
 *
 * @param resource the limited resource ({@code x-ratelimit-resource}; {@code core} when absent)
 * @param limit requests allowed per window ({@code x-ratelimit-limit})
 * @param remaining requests left in this window ({@code x-ratelimit-remaining})
 * @param used requests made in this window ({@code x-ratelimit-used}; derived when absent)
 * @param resetAt when the window resets ({@code x-ratelimit-reset}, epoch seconds)
 * @param observedAt when the response was received, by the provider's clock
 */
public record RateLimitSnapshot(String resource, int limit, int remaining, int used, Instant resetAt,
                                Instant observedAt) {
    /**
     * Whether no request is left in this window.
     *
     * @return true when {@link #remaining()} is 0 (or less)
     */
    public boolean exhausted() {
        return remaining <= 0;
    }

    /**
     * The snapshot a response's headers describe, or empty when they do not carry a valid
     * {@code x-ratelimit-limit}, {@code -remaining} and {@code -reset} (GHES with limits off, a
     * response from something other than the API, or values that are not plain numbers in range:
     * those are ignored rather than thrown, see the class comment).
     *
     * @param headers the response headers
     * @param observedAt when the response was received
     * @return the snapshot, or empty
     */
    public static Optional<RateLimitSnapshot> from(HttpHeaders headers, Instant observedAt) {
        Optional<Integer> limit = RateLimitHeaders.count("x-ratelimit-limit", headers.firstValue("x-ratelimit-limit").orElse(null));
        Optional<Integer> remaining = RateLimitHeaders.count("x-ratelimit-remaining",
                headers.firstValue("x-ratelimit-remaining").orElse(null));
        Optional<Instant> reset = RateLimitHeaders.resetAt(headers.firstValue("x-ratelimit-reset").orElse(null));
        if (limit.isEmpty() || remaining.isEmpty() || reset.isEmpty()) {
            return Optional.empty();
        }
        int used = RateLimitHeaders.count("x-ratelimit-used", headers.firstValue("x-ratelimit-used").orElse(null))
                .orElse(Math.max(0, limit.get() - remaining.get()));
        Optional<String> named = headers.firstValue("x-ratelimit-resource").map(String::trim).filter(s -> !s.isEmpty());
        if (named.isPresent() && !RateLimitHeaders.isResourceName(named.get())) {
            return Optional.empty();
        }
        String resource = named.orElse("core");
        return Optional.of(new RateLimitSnapshot(resource, limit.get(), remaining.get(), used, reset.get(), observedAt));
    }
}
