package dev.integrations.internal.http;

import dev.integrations.http.HttpResult;
import dev.integrations.http.HttpStep;
import dev.integrations.http.ResponseTooLargeException;
import dev.integrations.http.RetryPolicy;
import dev.integrations.http.Sleeper;
import dev.integrations.http.TransportException;
import dev.integrations.http.TransportTimeoutException;
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
 * <p>Only reads are retried on their own: {@code GET}, {@code HEAD} and {@code OPTIONS}
 * ({@link #RETRIED_METHODS}). Every write ({@code POST}, {@code PATCH}, {@code PUT},
 * {@code DELETE}) is sent once, because a request that timed out or got a 502 may have been
 * carried out anyway, and GitHub's writes are not safe to repeat even where HTTP calls the method
 * idempotent: a repeated contents {@code PUT} or merge {@code PUT} answers 409 or 422 because the
 * first one already committed
 * (https://docs.github.com/en/rest/repos/contents#create-or-update-file-contents,
 * https://docs.github.com/en/rest/pulls/pulls#merge-a-pull-request), and a repeated
 * {@code DELETE} answers 404 or 422 because the first one already deleted (e.g.
 * https://docs.github.com/en/rest/git/refs#delete-a-reference). Either way the caller would see
 * an error for a write that succeeded.
 *
 * <p>A request that knows repeating it is harmless (a {@code PUT} that sets a fixed state, such as
 * starring a repository) may opt in with the {@link #RETRY_SAFE_HEADER} header (see
 * {@link #markRetrySafe}); this step removes that header before the request leaves, so it never
 * reaches the server.
 *
 * <p>Not retried either: a response too large to read (it would be too large again) and an
 * interrupted thread (the caller asked to stop). The waits follow {@link RetryPolicy#backoff};
 * a {@code Retry-After} on a 503 lengthens the wait when it is within
 * {@link RetryPolicy#maxBackoff()}, and ends the retries when it is beyond it. When the retries
 * are used up, the last response is returned unchanged, or the last exception is thrown with
 * the number of attempts and the time they took added to its message. Each retry is logged at
 * INFO, so a slow failure is never silent.
 */
public final class RetryStep implements HttpStep {
    /** Methods retried without being marked: reads, which change nothing when repeated. */
    public static final Set<String> RETRIED_METHODS = Set.of("GET", "HEAD", "OPTIONS");
    /**
     * The request header by which a write declares itself safe to repeat, with the value
     * {@code true}. It is for this step only and is removed before the request is sent.
     */
    public static final String RETRY_SAFE_HEADER = "X-Integrations-Retry-Safe";
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

    /**
     * Marks a request as safe to repeat, so that this step retries it whatever its method.
     *
     * @param builder the request being built
     * @return the same builder
     */
    public static HttpRequest.Builder markRetrySafe(HttpRequest.Builder builder) {
        return builder.setHeader(RETRY_SAFE_HEADER, "true");
    }

    /**
     * Whether this step would retry {@code request} after a transient failure: a read, or a
     * request marked with {@link #RETRY_SAFE_HEADER}.
     *
     * @param request the request
     * @return true when a retry cannot repeat a write the caller did not expect to repeat
     */
    public static boolean isRetrySafe(HttpRequest request) {
        return RETRIED_METHODS.contains(request.method().toUpperCase(Locale.ROOT))
                || request.headers().firstValue(RETRY_SAFE_HEADER).filter("true"::equalsIgnoreCase).isPresent();
    }

    @Override
    public HttpResult apply(HttpRequest original, Chain chain) {
        boolean retrySafe = isRetrySafe(original);
        HttpRequest request = original.headers().firstValue(RETRY_SAFE_HEADER).isPresent()
                ? HttpRequest.newBuilder(original, (name, value) -> !name.equalsIgnoreCase(RETRY_SAFE_HEADER)).build()
                : original;
        if (policy.maxRetries() == 0 || !retrySafe) {
            return chain.proceed(request);
        }
        long started = System.nanoTime();
        for (int retry = 1; ; retry++) {
            boolean last = retry > policy.maxRetries();
            HttpResult result;
            try {
                result = chain.proceed(request);
            } catch (ResponseTooLargeException e) {
                throw e;
            } catch (TransportException e) {
                if (e.getCause() instanceof InterruptedException || Thread.currentThread().isInterrupted()) {
                    throw e;
                }
                if (last) {
                    throw gaveUp(e, retry, Duration.ofNanos(System.nanoTime() - started));
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

    /**
     * The last failure, with how many attempts were made over how long, so that a caller who sees
     * it after seconds of silent retries knows why it took that long.
     */
    private static TransportException gaveUp(TransportException last, int attempts, Duration elapsed) {
        String message = last.getMessage() + " (gave up after " + attempts + " attempts over "
                + String.format(Locale.ROOT, "%.1f", elapsed.toMillis() / 1000.0) + " s)";
        if (last.getClass() == TransportException.class) {
            return new TransportException(message, last.getCause());
        }
        if (last.getClass() == TransportTimeoutException.class) {
            return new TransportTimeoutException(message, ((TransportTimeoutException) last).timeout(), last.getCause());
        }
        return last;
    }

    private void pause(HttpRequest request, int retry, Duration wait, String why) {
        LOG.info("Retrying {} {} ({} of {}) in {} ms because {}", request.method(), request.uri().getPath(), retry,
                policy.maxRetries(), wait.toMillis(), why);
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException(request.method() + " " + request.uri().getPath()
                    + " was interrupted while waiting to retry", e);
        }
    }

    /**
     * The {@code Retry-After} in seconds. A number too large to represent is a wait beyond any
     * bound, so it ends the retries rather than being ignored; anything else that is not a plain
     * decimal number (an HTTP-date, which GitHub does not send, or garbage) is ignored.
     */
    private static Optional<Duration> retryAfter(HttpResult result) {
        return result.header("retry-after").map(String::trim).filter(RetryStep::isDigits).map(value -> {
            try {
                return Duration.ofSeconds(Long.parseLong(value));
            } catch (NumberFormatException e) {
                return Duration.ofSeconds(Long.MAX_VALUE);
            }
        });
    }

    private static boolean isDigits(String value) {
        return !value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    @Override
    public String toString() {
        return "RetryStep[" + policy + "]";
    }
}
