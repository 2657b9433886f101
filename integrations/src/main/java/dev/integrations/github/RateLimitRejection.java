package dev.integrations.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.integrations.http.HttpResult;
import dev.integrations.json.Json;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * A response in which GitHub refused a request because of a rate limit, told apart from other
 * 403s as PROTOCOL §5.2 says: by {@code x-ratelimit-remaining}, {@code retry-after} and the
 * message. A secondary limit is a 403/429 whose message says "secondary rate limit" (or, in older
 * wording, "abuse detection"), or that carries {@code retry-after} while primary requests remain;
 * a primary limit is a 403/429 with {@code x-ratelimit-remaining: 0}; any other 429 is treated as
 * secondary.
 *
 * @param secondary true for a secondary limit
 * @param remaining {@code x-ratelimit-remaining}, or null
 * @param resetAt {@code x-ratelimit-reset}, or null
 * @param retryAfter {@code retry-after}, or null
 */
record RateLimitRejection(boolean secondary, Integer remaining, Instant resetAt, Duration retryAfter) {

    /** The rejection {@code result} is, or empty when it is not a rate-limit response. */
    static Optional<RateLimitRejection> of(HttpResult result) {
        int status = result.status();
        if (status != 403 && status != 429) {
            return Optional.empty();
        }
        Integer remaining = integer(result.header("x-ratelimit-remaining").orElse(null));
        Long reset = longValue(result.header("x-ratelimit-reset").orElse(null));
        Long retryAfterSeconds = longValue(result.header("retry-after").orElse(null));
        Instant resetAt = reset == null ? null : Instant.ofEpochSecond(reset);
        Duration retryAfter = retryAfterSeconds == null || retryAfterSeconds < 0 ? null : Duration.ofSeconds(retryAfterSeconds);
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

    private static Integer integer(String value) {
        Long parsed = longValue(value);
        return parsed == null ? null : (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, parsed));
    }

    private static Long longValue(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
