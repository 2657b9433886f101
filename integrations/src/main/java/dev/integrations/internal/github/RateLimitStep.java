package dev.integrations.internal.github;

import dev.integrations.github.RateLimitPolicy;
import dev.integrations.github.RateLimitSnapshot;
import dev.integrations.internal.http.CredentialHash;
import dev.integrations.http.HttpResult;
import dev.integrations.http.HttpStep;
import dev.integrations.http.Sleeper;
import dev.integrations.http.TransportException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Tracks GitHub's rate-limit headers and waits out rate limits per a {@link RateLimitPolicy}
 * (https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api).
 *
 * <p>Every response's {@code x-ratelimit-*} headers update the {@link RateLimitTracker} under the
 * hash of the request's credential (read from its {@code Authorization} header, so this step runs
 * after {@link GithubHeadersStep}). When the response is a {@link RateLimitRejection}, the step
 * decides, per the policy, whether to sleep (with the injected {@link Sleeper}, measuring time
 * with the injected {@link Clock}) and send the request again, or to return the rejection so that
 * the provider throws a {@link dev.integrations.github.RateLimitException} with the reset time.
 *
 * <p>Re-sending after a rate-limit response is safe for every method, {@code POST} included:
 * GitHub refused the request before acting on it. Waits until a reset add one second, because the
 * reset is given in whole seconds and our clock may run slightly ahead of GitHub's.
 */
public final class RateLimitStep implements HttpStep {
    /** GitHub: without other guidance, wait at least a minute after a secondary limit. */
    static final Duration SECONDARY_MINIMUM = Duration.ofSeconds(60);
    private static final Duration RESET_MARGIN = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(RateLimitStep.class);

    private final RateLimitPolicy policy;
    private final RateLimitTracker tracker;
    private final Clock clock;
    private final Sleeper sleeper;
    private final java.util.function.UnaryOperator<String> credentialHash = CredentialHash.memoizingOfAuthorization();

    public RateLimitStep(RateLimitPolicy policy, RateLimitTracker tracker, Clock clock, Sleeper sleeper) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.tracker = Objects.requireNonNull(tracker, "tracker");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
    }

    @Override
    public HttpResult apply(HttpRequest request, Chain chain) {
        String credential = credentialHash.apply(request.headers().firstValue("authorization").orElse(null));
        Duration waited = Duration.ZERO;
        int secondaryHits = 0;
        for (int retry = 1; ; retry++) {
            HttpResult result = chain.proceed(request);
            Instant now = clock.instant();
            RateLimitSnapshot.from(result.headers(), now).ifPresent(snapshot -> tracker.record(credential, snapshot));
            RateLimitRejection rejection = RateLimitRejection.of(result).orElse(null);
            if (rejection == null || retry > policy.maxRetries()) {
                return result;
            }
            Duration budget = policy.maxWait().minus(waited);
            Duration wait;
            if (rejection.secondary()) {
                if (rejection.retryAfter() != null) {
                    wait = rejection.retryAfter();
                } else if (Integer.valueOf(0).equals(rejection.remaining()) && rejection.resetAt() != null) {
                    wait = untilReset(rejection.resetAt(), now, budget);
                } else {
                    wait = SECONDARY_MINIMUM.multipliedBy(1L << Math.min(secondaryHits, 10));
                }
                secondaryHits++;
            } else {
                if (policy.mode() == RateLimitPolicy.Mode.FAIL_FAST) {
                    return result;
                }
                if (rejection.retryAfter() != null) {
                    wait = rejection.retryAfter();
                } else if (rejection.resetAt() != null) {
                    wait = untilReset(rejection.resetAt(), now, budget);
                } else {
                    // Nothing says when the limit ends: waiting blindly could take an hour.
                    return result;
                }
            }
            if (wait == null || wait.compareTo(budget) > 0) {
                return result;
            }
            LOG.info("GitHub {} rate limit on {} {}; waiting {} s before re-sending ({} of {})",
                    rejection.secondary() ? "secondary" : "primary", request.method(), request.uri().getPath(),
                    wait.toSeconds(), retry, policy.maxRetries());
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransportException("GitHub " + request.method() + " " + request.uri().getPath()
                        + " was interrupted while waiting for a rate limit to pass", e);
            }
            waited = waited.plus(wait);
        }
    }

    /** Until the reset plus a margin, trimmed to the budget; null when the reset itself is beyond the budget. */
    private static @Nullable Duration untilReset(Instant resetAt, Instant now, Duration budget) {
        Duration bare = Duration.between(now, resetAt);
        if (bare.isNegative()) {
            bare = Duration.ZERO;
        }
        if (bare.compareTo(budget) > 0) {
            return null;
        }
        Duration padded = bare.plus(RESET_MARGIN);
        return padded.compareTo(budget) > 0 ? budget : padded;
    }

    @Override
    public String toString() {
        return "RateLimitStep[" + policy + "]";
    }
}
