package dev.integrations.github;

import dev.integrations.core.ConfigurationException;
import dev.integrations.http.InMemoryResponseCache;
import dev.integrations.http.RetryPolicy;
import dev.integrations.http.Sleeper;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("GitHub traffic settings: keys, environment keys, defaults")
class GithubTrafficSettingsTest {

    @Test
    @DisplayName("defaults: fail fast, 1 h max wait, 3 rate-limit retries, 3 retries from 1 s to 30 s, 5 redirects, cache off")
    void defaults() {
        GithubSettings settings = GithubSettings.defaults();

        assertThat(settings.rateLimitPolicy()).isEqualTo(new RateLimitPolicy(RateLimitPolicy.Mode.FAIL_FAST,
                Duration.ofHours(1), 3));
        assertThat(settings.retryPolicy()).isEqualTo(new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(30)));
        assertThat(settings.maxRedirects()).isEqualTo(5);
        assertThat(settings.cache()).isFalse();
        assertThat(settings.cacheMaxBytes()).isEqualTo(10L * 1024 * 1024);
        assertThat(settings.responseCache()).isNull();
        assertThat(settings.clock()).isEqualTo(Clock.systemUTC());
        assertThat(settings.sleeper()).isSameAs(Sleeper.system());
    }

    @Test
    @DisplayName("every traffic setting is read from its environment key")
    void environmentKeys() {
        GithubSettings settings = GithubSettings.fromEnvironment(Map.of(
                "GITHUB_RATE_LIMIT_POLICY", "wait",
                "GITHUB_RATE_LIMIT_MAX_WAIT", "15m",
                "GITHUB_RATE_LIMIT_MAX_RETRIES", "5",
                "GITHUB_MAX_RETRIES", "0",
                "GITHUB_RETRY_BACKOFF", "250ms",
                "GITHUB_RETRY_MAX_BACKOFF", "4s",
                "GITHUB_MAX_REDIRECTS", "2",
                "GITHUB_CACHE", "on",
                "GITHUB_CACHE_MAX_BYTES", "1048576"));

        assertThat(settings.rateLimitPolicy()).isEqualTo(new RateLimitPolicy(RateLimitPolicy.Mode.WAIT,
                Duration.ofMinutes(15), 5));
        assertThat(settings.retryPolicy()).isEqualTo(new RetryPolicy(0, Duration.ofMillis(250), Duration.ofSeconds(4)));
        assertThat(settings.maxRedirects()).isEqualTo(2);
        assertThat(settings.cache()).isTrue();
        assertThat(settings.cacheMaxBytes()).isEqualTo(1_048_576);
    }

    @Test
    @DisplayName("explicit map values beat the environment; objects are accepted for cache, clock and sleeper")
    void mapValues() {
        InMemoryResponseCache cache = new InMemoryResponseCache(1_000);
        Clock clock = Clock.fixed(Instant.EPOCH, ZoneOffset.UTC);
        Sleeper sleeper = d -> { };
        GithubSettings settings = GithubSettings.fromMap(Map.of("rate_limit_policy", "FAIL-FAST", "max_redirects", 0,
                "cache", true, "response_cache", cache, "clock", clock, "sleeper", sleeper, "rate_limit_max_wait", 0),
                Map.of("GITHUB_RATE_LIMIT_POLICY", "wait", "GITHUB_MAX_REDIRECTS", "9"));

        assertThat(settings.rateLimitPolicy().mode()).isEqualTo(RateLimitPolicy.Mode.FAIL_FAST);
        assertThat(settings.rateLimitPolicy().maxWait()).isZero();
        assertThat(settings.maxRedirects()).isZero();
        assertThat(settings.responseCache()).isSameAs(cache);
        assertThat(settings.clock()).isSameAs(clock);
        assertThat(settings.sleeper()).isSameAs(sleeper);
    }

    @Test
    @DisplayName("withChanges keeps the traffic settings it does not change, objects included")
    void withChangesRoundTrips() {
        InMemoryResponseCache cache = new InMemoryResponseCache();
        GithubSettings base = GithubSettings.builder().token("t").cache(true).responseCache(cache)
                .rateLimitPolicy(RateLimitPolicy.waitUpTo(Duration.ofMinutes(3))).retryPolicy(RetryPolicy.none())
                .maxRedirects(1).build();

        GithubSettings changed = base.withChanges(Map.of("timeout", "3s"));

        assertThat(changed).isEqualTo(base.toBuilder().timeout(Duration.ofSeconds(3)).build());
        assertThat(changed.withToken("other", "token").rateLimitPolicy()).isEqualTo(base.rateLimitPolicy());
        assertThat(base.toString()).doesNotContain("\"t\"").contains("rateLimitPolicy").contains("cache=true");
    }

    @Test
    @DisplayName("bad values are refused with the setting's name")
    void badValues() {
        assertThatThrownBy(() -> GithubSettings.fromMap(Map.of("rate_limit_policy", "sometimes")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("rate_limit_policy");
        assertThatThrownBy(() -> GithubSettings.fromMap(Map.of("max_retries", "-1")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("max_retries");
        assertThatThrownBy(() -> GithubSettings.fromMap(Map.of("max_redirects", "many")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("max_redirects");
        assertThatThrownBy(() -> GithubSettings.fromMap(Map.of("cache", "maybe")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("cache");
        assertThatThrownBy(() -> GithubSettings.fromMap(Map.of("cache_max_bytes", 0)))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("cache_max_bytes");
        assertThatThrownBy(() -> GithubSettings.fromMap(Map.of("response_cache", "memory")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("response_cache");
        assertThatThrownBy(() -> GithubSettings.fromMap(Map.of("retry_backoff", "10s", "retry_max_backoff", "1s")))
                .isInstanceOf(ConfigurationException.class).hasMessageContaining("retry");
    }
}
