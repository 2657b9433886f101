package dev.integrations.internal.github;

import dev.integrations.internal.http.RateLimitHeaders;
import com.fasterxml.jackson.databind.JsonNode;
import dev.integrations.http.HttpResult;
import dev.integrations.internal.json.Json;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * A response in which GitHub refused a request because of a rate limit, told apart from other
 * 403s as GitHub documents
 * (https://docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api#rate-limit-errors):
 * by {@code x-ratelimit-remaining}, {@code retry-after} and the message. Headers are read through
 * {@link RateLimitHeaders}, so a malformed or out-of-range one counts as absent. A secondary limit is a 403/429 whose message says "secondary rate limit" (or, in older
 * wording, "abuse detection"), or that carries {@code retry-after} while primary requests remain;
 * a primary limit is a 403/429 with {@code x-ratelimit-remaining: 0}; any other 429 is treated as
 * secondary.
 *
 * @param secondary true for a secondary limit
 * @param remaining {@code x-ratelimit-remaining}, or null
 * @param resetAt {@code x-ratelimit-reset}, or null
 * @param retryAfter {@code retry-after}, or null
 */
public record RateLimitRejection(boolean secondary, @Nullable Integer remaining, @Nullable Instant resetAt,
                                 @Nullable Duration retryAfter) {

    /** The rejection {@code result} is, or empty when it is not a rate-limit response. */
    public static Optional<RateLimitRejection> of(HttpResult result) {
        int status = result.status();
        if (status != 403 && status != 429) {
            return Optional.empty();
        }
        Integer remaining = RateLimitHeaders.count("x-ratelimit-remaining",
                result.header("x-ratelimit-remaining").orElse(null)).orElse(null);
        Instant resetAt = RateLimitHeaders.resetAt(result.header("x-ratelimit-reset").orElse(null)).orElse(null);
        Duration retryAfter = RateLimitHeaders.retryAfter(result.header("retry-after").orElse(null)).orElse(null);
        String message = message(result).toLowerCase(Locale.ROOT);
        boolean saysSecondary = message.contains("secondary rate limit") || message.contains("abuse detection");
        boolean primaryExhausted = remaining != null && remaining == 0;
        if (saysSecondary || (retryAfter != null && !primaryExhausted)) {
            return Optional.of(new RateLimitRejection(true, remaining, resetAt, retryAfter));
        }
        if (primaryExhausted) {
            return Optional.of(new RateLimitRejection(false, remaining, resetAt, retryAfter));
        }
        if (status == 429) {
            return Optional.of(new RateLimitRejection(true, remaining, resetAt, retryAfter));
        }
        // A 403 without any rate-limit sign is a permission problem, not something waiting fixes.
        return Optional.empty();
    }

    private static String message(HttpResult result) {
        if (result.bodyLength() == 0 || result.bodyLength() > 64 * 1024) {
            return "";
        }
        try {
            JsonNode body = Json.parse(result.body());
            return body.path("message").asText("");
        } catch (java.io.IOException | RuntimeException e) {
            // An HTML error page or garbage: no message to go by.
            return "";
        }
    }
}
