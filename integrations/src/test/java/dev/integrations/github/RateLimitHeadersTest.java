package dev.integrations.github;

import dev.integrations.github.client.GithubClients;
import dev.integrations.github.sandbox.GithubSandbox;
import dev.integrations.github.sandbox.GithubSandboxExtension;
import dev.integrations.github.sandbox.SandboxResponse;
import dev.integrations.http.HttpTransport;
import dev.integrations.http.RetryPolicy;
import dev.integrations.http.ServerErrorException;
import dev.integrations.testing.RecordingSleeper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("defect 6: malformed or out-of-range rate-limit headers are ignored or bounded, never a raw JDK exception")
class RateLimitHeadersTest {
    private static final HttpTransport TRANSPORT = HttpTransport.create();
    private static final String USER = "{\"login\":\"octocat\",\"id\":1}";

    @RegisterExtension
    final GithubSandboxExtension github = new GithubSandboxExtension();

    private GithubSandbox sandbox;
    private RecordingSleeper sleeper;
    private GithubClient client;

    @BeforeEach
    void setUp() {
        sandbox = github.sandbox();
        sleeper = new RecordingSleeper();
        client = GithubClients.create(GithubSettings.builder().baseUrl(sandbox.apiUrl())
                .token(sandbox.issueToken(sandbox.defaultUser()))
                .retryPolicy(new RetryPolicy(3, Duration.ofMillis(10), Duration.ofSeconds(2)))
                .rateLimitPolicy(RateLimitPolicy.waitUpTo(Duration.ofHours(1)))
                .sleeper(sleeper).build(), TRANSPORT);
    }

    @ParameterizedTest(name = "x-ratelimit-reset: {0}")
    @ValueSource(strings = {"99999999999999999", "9223372036854775807", "99999999999999999999999", "-1", "1e9", "soon", ""})
    @DisplayName("defect 6: a successful response with a bad x-ratelimit-reset is returned, and no snapshot is made of it")
    void defect6_badResetOnSuccessIsIgnored(String reset) {
        sandbox.enqueueResponse("/user", SandboxResponse.json(200, USER).withHeader("x-ratelimit-limit", "5000")
                .withHeader("x-ratelimit-remaining", "4999").withHeader("x-ratelimit-reset", reset));

        assertThat(client.rawRequest("GET", "/user").status()).isEqualTo(200);
        assertThat(client.rateLimit()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"x-ratelimit-limit", "x-ratelimit-remaining"})
    @DisplayName("defect 6: a counter beyond int range is ignored instead of wrapping around")
    void defect6_hugeCountersAreIgnored(String header) {
        SandboxResponse response = SandboxResponse.json(200, USER).withHeader("x-ratelimit-reset", "1800000000")
                .withHeader("x-ratelimit-limit", "5000").withHeader("x-ratelimit-remaining", "4999");
        sandbox.enqueueResponse("/user", response.withHeader(header, "4294972296"));

        assertThat(client.rawRequest("GET", "/user").status()).isEqualTo(200);
        assertThat(client.rateLimit()).isEmpty();
    }

    @Test
    @DisplayName("defect 6: an exhausted limit with a huge reset throws RateLimitException without a reset time, and does not wait")
    void defect6_exhaustedLimitWithHugeReset() {
        sandbox.enqueueResponse("/user", SandboxResponse.json(403, "{\"message\":\"API rate limit exceeded\"}")
                .withHeader("x-ratelimit-limit", "5000").withHeader("x-ratelimit-remaining", "0")
                .withHeader("x-ratelimit-reset", "99999999999999999"));

        assertThatThrownBy(() -> client.rawRequest("GET", "/user")).isInstanceOfSatisfying(RateLimitException.class,
                e -> assertThat(e.resetAt()).isEmpty());
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    @DisplayName("defect 6: a huge retry-after on a secondary limit is bounded to a day: no wait, a RateLimitException")
    void defect6_hugeRetryAfterIsBounded() {
        sandbox.enqueueResponse("/user", SandboxResponse.json(429, "{\"message\":\"You have exceeded a secondary rate limit\"}")
                .withHeader("retry-after", "99999999999999999999999"));

        assertThatThrownBy(() -> client.rawRequest("GET", "/user")).isInstanceOfSatisfying(RateLimitException.class,
                e -> assertThat(e.retryAfter()).contains(Duration.ofDays(1)));
        assertThat(sleeper.waits()).isEmpty();
        assertThat(sandbox.requests("/user")).hasSize(1);
    }

    @Test
    @DisplayName("defect 6: a 503 whose retry-after is too large to represent ends the retries instead of being ignored")
    void defect6_unrepresentableRetryAfterOn503StopsRetries() {
        sandbox.enqueueResponse("/user", SandboxResponse.json(503, "{\"message\":\"Unavailable\"}")
                .withHeader("retry-after", "99999999999999999999999"));

        assertThatThrownBy(() -> client.rawRequest("GET", "/user")).isInstanceOf(ServerErrorException.class);
        assertThat(sandbox.requests("/user")).hasSize(1);
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    @DisplayName("defect 6: a malformed x-ratelimit-resource is ignored, and made-up resources cannot grow the tracker without bound")
    void defect6_resourceNamesAreBounded() {
        SandboxResponse ok = SandboxResponse.json(200, USER).withHeader("x-ratelimit-limit", "5000")
                .withHeader("x-ratelimit-remaining", "4999").withHeader("x-ratelimit-reset", "1800000000");
        sandbox.enqueueResponse("/user", ok.withHeader("x-ratelimit-resource", "x".repeat(65)));
        client.rawRequest("GET", "/user");
        assertThat(client.rateLimit()).isEmpty();

        for (int i = 0; i < 40; i++) {
            sandbox.enqueueResponse("/user", ok.withHeader("x-ratelimit-resource", "made_up_" + i));
            client.rawRequest("GET", "/user");
        }
        assertThat(client.rateLimit("made_up_39")).isPresent();
        assertThat(client.rateLimit("made_up_0")).as("oldest dropped beyond 32 resources").isEmpty();
        assertThat(client.rateLimit("made_up_8")).isPresent();
    }
}
