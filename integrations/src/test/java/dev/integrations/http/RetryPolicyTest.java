package dev.integrations.http;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Retry backoff: exponential, jittered, bounded")
class RetryPolicyTest {
    private final RetryPolicy policy = new RetryPolicy(10, Duration.ofSeconds(1), Duration.ofSeconds(30));

    @Test
    @DisplayName("doubles per retry, within [base/2, base]")
    void doublesWithJitter() {
        assertThat(policy.backoff(1, 0)).isEqualTo(Duration.ofMillis(500));
        assertThat(policy.backoff(1, 0.999999)).isBetween(Duration.ofMillis(999), Duration.ofSeconds(1));
        assertThat(policy.backoff(2, 0)).isEqualTo(Duration.ofSeconds(1));
        assertThat(policy.backoff(3, 1)).isEqualTo(Duration.ofSeconds(4));
    }

    @Test
    @DisplayName("never exceeds the cap, even for huge retry counts")
    void bounded() {
        assertThat(policy.backoff(6, 1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.backoff(1_000, 1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(policy.backoff(1_000, 0)).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    @DisplayName("refuses nonsense")
    void validates() {
        assertThatThrownBy(() -> new RetryPolicy(-1, Duration.ZERO, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetryPolicy(1, Duration.ofSeconds(2), Duration.ofSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> policy.backoff(0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThat(RetryPolicy.none().maxRetries()).isZero();
    }
}
