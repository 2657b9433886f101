package dev.integrations.github;

import dev.integrations.http.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A rate limit stopped the request: 429, or 403 with {@code x-ratelimit-remaining: 0} or a
 * secondary-limit message. {@link #resetAt()} says when the primary limit resets and
 * {@link #retryAfter()} how long the service asked us to wait.
 */
public class RateLimitException extends ApiException {
    private static final long serialVersionUID = 1L;

    /** When the primary limit resets, or null when the response did not say. */
    private final @Nullable Instant resetAt;
    /** How long the response asked to wait, or null when it did not say. */
    private final @Nullable Duration retryAfter;

    /**
     * An exception for one rate-limit response.
     *
     * @param message what failed and what to do
     * @param details what the response said
     * @param resetAt when the primary limit resets, or null
     * @param retryAfter how long the service asked to wait, or null
     */
    public RateLimitException(String message, ErrorDetails details, @Nullable Instant resetAt,
                              @Nullable Duration retryAfter) {
        super(message, details);
        this.resetAt = resetAt;
        this.retryAfter = retryAfter;
    }

    /**
     * When the primary limit resets ({@code x-ratelimit-reset}), if the service said.
     *
     * @return the reset time, or empty
     */
    public Optional<Instant> resetAt() {
        return Optional.ofNullable(resetAt);
    }

    /**
     * How long to wait ({@code retry-after}), if the service said.
     *
     * @return the wait, or empty
     */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
