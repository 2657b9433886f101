package dev.integrations.github;

import java.net.http.HttpHeaders;
import java.time.Instant;
import java.util.Optional;

/**
 * GitHub's rate-limit counters as of one response ({@code x-ratelimit-*} headers, PROTOCOL
 * §5.2), for one credential and one resource ({@code core}, {@code search}, {@code graphql}...).
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
    /** True when no request is left in this window. */
    public boolean exhausted() {
        return remaining <= 0;
    }

    /**
     * The snapshot a response's headers describe, or empty when they do not carry
     * {@code x-ratelimit-limit}, {@code -remaining} and {@code -reset} (GHES with limits off,
     * or a response from something other than the API).
     */
    public static Optional<RateLimitSnapshot> from(HttpHeaders headers, Instant observedAt) {
        Long limit = number(headers, "x-ratelimit-limit");
        Long remaining = number(headers, "x-ratelimit-remaining");
        Long reset = number(headers, "x-ratelimit-reset");
        if (limit == null || remaining == null || reset == null) {
            return Optional.empty();
        }
        Long used = number(headers, "x-ratelimit-used");
        String resource = headers.firstValue("x-ratelimit-resource").map(String::trim).filter(s -> !s.isEmpty())
                .orElse("core");
        return Optional.of(new RateLimitSnapshot(resource, (int) (long) limit, (int) (long) remaining,
                (int) (used != null ? used : Math.max(0, limit - remaining)), Instant.ofEpochSecond(reset), observedAt));
    }

    private static Long number(HttpHeaders headers, String name) {
        Optional<String> value = headers.firstValue(name);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return Long.parseLong(value.get().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
