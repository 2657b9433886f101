package dev.integrations.github;

import dev.integrations.core.ConfigurationException;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * What a {@link GithubClient} does when GitHub says a rate limit stopped a request
 * (https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api).
 *
 * <ul>
 *   <li><b>Primary limit</b> used up (403/429 with {@code x-ratelimit-remaining: 0}):
 *       {@link Mode#FAIL_FAST} (the default) throws a
 *       {@link dev.integrations.github.RateLimitException} at once, carrying the reset time;
 *       {@link Mode#WAIT} sleeps until {@code x-ratelimit-reset} and sends the request again.</li>
 *   <li><b>Secondary limit</b> (403/429 with {@code retry-after}, or GitHub's "secondary rate
 *       limit" message): always waits, as GitHub requires: {@code retry-after} seconds if given,
 *       else until the reset if the primary counter is at 0, else 60 s, doubling on each
 *       further secondary limit of the same call.</li>
 * </ul>
 *
 * <p>Waiting is bounded per call: at most {@code maxRetries} re-sends, and at most
 * {@code maxWait} of waiting in total. A wait that would go past the bound is not started; the
 * rate-limit error is thrown instead. {@code maxRetries = 0} turns every wait off.
 *
 * @param mode what to do when the primary limit is used up
 * @param maxWait the most one call may spend waiting for rate limits, in total
 * @param maxRetries how many times one call may be re-sent after rate-limit responses
 */
public record RateLimitPolicy(Mode mode, Duration maxWait, int maxRetries) {
    /** The default bound on waiting: one hour, the length of GitHub's primary window. */
    public static final Duration DEFAULT_MAX_WAIT = Duration.ofHours(1);
    /** The default number of re-sends after rate-limit responses. */
    public static final int DEFAULT_MAX_RETRIES = 3;
    /** Fail fast on the primary limit; wait (bounded) on secondary limits. */
    public static final RateLimitPolicy DEFAULT = new RateLimitPolicy(Mode.FAIL_FAST, DEFAULT_MAX_WAIT, DEFAULT_MAX_RETRIES);

    /** What to do when the primary limit is used up. */
    public enum Mode {
        /** Throw a {@link dev.integrations.github.RateLimitException} with the reset time. */
        FAIL_FAST,
        /** Sleep until the reset (within {@link RateLimitPolicy#maxWait()}) and send again. */
        WAIT;

        /**
         * Reads {@code fail_fast} / {@code wait} (any case; {@code -} or {@code _}).
         *
         * @param value the setting's value
         * @return the mode
         * @throws ConfigurationException for anything else
         */
        public static Mode parse(String value) {
            String v = Objects.requireNonNull(value, "value").trim().toUpperCase(Locale.ROOT).replace('-', '_');
            for (Mode mode : values()) {
                if (mode.name().equals(v)) {
                    return mode;
                }
            }
            throw new ConfigurationException("GitHub rate_limit_policy must be 'fail_fast' or 'wait', got '" + value + "'");
        }

        /**
         * The setting's value, e.g. {@code fail_fast}.
         *
         * @return the mode's name in lower case, as {@link #parse} reads it
         */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * Checks the policy.
     *
     * @param mode what to do when the primary limit is used up
     * @param maxWait the most one call may spend waiting for rate limits, in total
     * @param maxRetries how many times one call may be re-sent after rate-limit responses
     * @throws IllegalArgumentException when {@code maxWait} is negative or {@code maxRetries} is below 0
     */
    public RateLimitPolicy {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(maxWait, "maxWait");
        if (maxWait.isNegative()) {
            throw new IllegalArgumentException("maxWait must not be negative");
        }
        if (maxRetries < 0) {
            throw new IllegalArgumentException("maxRetries must be 0 or more, got " + maxRetries);
        }
    }

    /**
     * The default policy: fail fast on the primary limit.
     *
     * @return {@link #DEFAULT}
     */
    public static RateLimitPolicy failFast() {
        return DEFAULT;
    }

    /**
     * Wait for the primary limit to reset, for at most {@code maxWait} per call.
     *
     * @param maxWait the longest wait per call; not negative
     * @return a {@link Mode#WAIT} policy with the default number of retries
     */
    public static RateLimitPolicy waitUpTo(Duration maxWait) {
        return new RateLimitPolicy(Mode.WAIT, maxWait, DEFAULT_MAX_RETRIES);
    }
}
