package dev.integrations.github;

import dev.integrations.github.client.GithubClients;
import dev.integrations.github.sandbox.GithubSandbox;
import dev.integrations.github.sandbox.GithubSandboxExtension;
import dev.integrations.github.sandbox.SandboxClock;
import dev.integrations.github.sandbox.SandboxResponse;
import dev.integrations.http.ForbiddenException;
import dev.integrations.http.HttpTransport;
import dev.integrations.testing.RecordingSleeper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Consumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("Rate limits: tracked per token, primary waits per policy, secondary waits bounded, under a controlled clock")
class RateLimitTest {
    private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");
    private static final HttpTransport TRANSPORT = HttpTransport.create();
    private static final String SECONDARY = "{\"message\":\"You have exceeded a secondary rate limit. Please wait a few"
            + " minutes before you try again.\",\"documentation_url\":\"https://docs.github.com/rest/overview/rate-limits-for-the-rest-api\"}";

    @RegisterExtension
    final GithubSandboxExtension github = new GithubSandboxExtension(b -> b.rateLimit(2).clock(SandboxClock.frozenAt(T0)));

    private GithubSandbox sandbox;
    private RecordingSleeper sleeper;
    private String token;

    @BeforeEach
    void setUp() {
        sandbox = github.sandbox();
        sleeper = new RecordingSleeper(sandbox.clock());
        token = sandbox.issueToken(sandbox.defaultUser());
    }

    private GithubClient client(Consumer<GithubSettings.Builder> options) {
        GithubSettings.Builder builder = GithubSettings.builder().baseUrl(sandbox.apiUrl()).token(token)
                .clock(sandbox.clock()).sleeper(sleeper);
        options.accept(builder);
        return GithubClients.create(builder.build(), TRANSPORT);
    }

    @Test
    @DisplayName("WAIT: an exhausted primary limit waits until the reset with the injected sleeper, then succeeds")
    void waitPolicyWaitsUntilReset() {
        GithubClient client = client(b -> b.rateLimitPolicy(RateLimitPolicy.waitUpTo(Duration.ofHours(2))));
        client.getAuthenticatedUser();
        client.getAuthenticatedUser();
        Instant reset = client.rateLimit().orElseThrow().resetAt();
        assertThat(reset).isEqualTo(T0.plus(Duration.ofHours(1)));

        assertThat(client.getAuthenticatedUser().login()).isEqualTo("octocat");

        assertThat(sleeper.waits()).containsExactly(Duration.ofHours(1).plusSeconds(1));
        assertThat(sandbox.requests("/user")).hasSize(4);
        RateLimitSnapshot after = client.rateLimit().orElseThrow();
        assertThat(after.remaining()).as("a fresh window, one request used").isEqualTo(1);
        assertThat(after.resetAt()).isAfter(reset);
    }

    @Test
    @DisplayName("FAIL_FAST (the default): the exhausted limit throws at once, with the reset time")
    void failFastCarriesTheResetTime() {
        GithubClient client = client(b -> { });
        client.getAuthenticatedUser();
        client.getAuthenticatedUser();

        assertThatThrownBy(client::getAuthenticatedUser).isInstanceOfSatisfying(RateLimitException.class, e -> {
            assertThat(e.resetAt()).contains(T0.plus(Duration.ofHours(1)));
            assertThat(e.getMessage()).contains(T0.plus(Duration.ofHours(1)).toString()).doesNotContain(token);
        });
        assertThat(sleeper.waits()).isEmpty();
        assertThat(client.rateLimit().orElseThrow().exhausted()).isTrue();
    }

    @Test
    @DisplayName("WAIT never starts a wait longer than max wait: it fails fast instead")
    void waitBeyondTheBoundFailsFast() {
        GithubClient client = client(b -> b.rateLimitPolicy(RateLimitPolicy.waitUpTo(Duration.ofMinutes(10))));
        client.getAuthenticatedUser();
        client.getAuthenticatedUser();

        assertThatThrownBy(client::getAuthenticatedUser).isInstanceOf(RateLimitException.class);
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    @DisplayName("a secondary limit with retry-after waits exactly that long and re-sends, even under FAIL_FAST")
    void secondaryLimitHonoursRetryAfter() {
        sandbox.enqueueResponse("/user", SandboxResponse.json(403, SECONDARY).withHeader("retry-after", "7")
                .withHeader("x-ratelimit-remaining", "4000"));

        assertThat(client(b -> { }).getAuthenticatedUser().login()).isEqualTo("octocat");

        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(7));
        assertThat(sandbox.requests("/user")).hasSize(2);
    }

    @Test
    @DisplayName("a secondary limit without retry-after waits at least 60 s, doubling on the next one")
    void secondaryLimitWithoutRetryAfterBacksOff() {
        sandbox.enqueueResponse("/user", SandboxResponse.json(429, SECONDARY).withHeader("x-ratelimit-remaining", "10"));
        sandbox.enqueueResponse("/user", SandboxResponse.json(403, SECONDARY));

        client(b -> { }).getAuthenticatedUser();

        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(60), Duration.ofSeconds(120));
    }

    @Test
    @DisplayName("a secondary limit with the primary counter at 0 waits until the reset")
    void secondaryLimitAtZeroWaitsForTheReset() {
        long reset = T0.plusSeconds(90).getEpochSecond();
        sandbox.enqueueResponse("/user", SandboxResponse.json(403, SECONDARY).withHeader("x-ratelimit-remaining", "0")
                .withHeader("x-ratelimit-reset", Long.toString(reset)));

        client(b -> { }).getAuthenticatedUser();

        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(91));
    }

    @Test
    @DisplayName("secondary waits are bounded by max retries and by max wait")
    void secondaryWaitsAreBounded() {
        for (int i = 0; i < 3; i++) {
            sandbox.enqueueResponse("/user", SandboxResponse.json(403, SECONDARY).withHeader("retry-after", "5"));
        }
        GithubClient oneRetry = client(b -> b.rateLimitPolicy(new RateLimitPolicy(RateLimitPolicy.Mode.FAIL_FAST,
                Duration.ofMinutes(5), 1)));
        assertThatThrownBy(oneRetry::getAuthenticatedUser).isInstanceOfSatisfying(RateLimitException.class,
                e -> assertThat(e.retryAfter()).contains(Duration.ofSeconds(5)));
        assertThat(sleeper.waits()).containsExactly(Duration.ofSeconds(5));
        assertThat(sandbox.requests("/user")).hasSize(2);

        sandbox.enqueueResponse("/user", SandboxResponse.json(403, SECONDARY).withHeader("retry-after", "600"));
        // The third 5 s response is still queued: this call meets it first, then the 600 s one.
        sandbox.clearRequests();
        GithubClient shortWait = client(b -> b.rateLimitPolicy(new RateLimitPolicy(RateLimitPolicy.Mode.WAIT,
                Duration.ofSeconds(30), 3)));
        assertThatThrownBy(shortWait::getAuthenticatedUser).isInstanceOf(RateLimitException.class);
        assertThat(sleeper.waits()).as("a 5 s wait fits in 30 s; 600 s does not").containsExactly(
                Duration.ofSeconds(5), Duration.ofSeconds(5));
        assertThat(sandbox.requests("/user")).hasSize(2);
    }

    @Test
    @DisplayName("a 403 without rate-limit signs is a permission error: no waiting")
    void plainForbiddenIsNotWaited() {
        sandbox.enqueueResponse("/user", SandboxResponse.json(403,
                "{\"message\":\"Resource not accessible by personal access token\"}"));

        assertThatThrownBy(client(b -> { })::getAuthenticatedUser).isInstanceOf(ForbiddenException.class);
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    @DisplayName("rate_limit_max_retries = 0 turns every wait off")
    void zeroRetriesNeverWaits() {
        sandbox.enqueueResponse("/user", SandboxResponse.json(403, SECONDARY).withHeader("retry-after", "1"));

        GithubClient client = client(b -> { }).withSettings(Map.of("rate_limit_max_retries", 0));
        assertThatThrownBy(client::getAuthenticatedUser).isInstanceOf(RateLimitException.class);
        assertThat(sleeper.waits()).isEmpty();
    }

    @Test
    @DisplayName("snapshots are kept per token and resource; the token never appears in them")
    void snapshotsArePerToken() {
        String other = sandbox.issueToken(sandbox.registerUser("hubot"));
        GithubClient first = client(b -> { });
        GithubClient second = client(b -> b.token(other));
        assertThat(first.rateLimit()).as("nothing observed yet").isEmpty();

        first.getAuthenticatedUser();
        first.getAuthenticatedUser();
        second.getAuthenticatedUser();

        RateLimitSnapshot a = first.rateLimit().orElseThrow();
        RateLimitSnapshot b = second.rateLimit().orElseThrow();
        assertThat(a.limit()).isEqualTo(2);
        assertThat(a.remaining()).isZero();
        assertThat(a.used()).isEqualTo(2);
        assertThat(a.resource()).isEqualTo("core");
        assertThat(first.rateLimit("core")).contains(a);
        assertThat(first.rateLimit("search")).isEmpty();
        assertThat(b.remaining()).isEqualTo(1);
        assertThat(a.toString()).doesNotContain(token);
        assertThat(GithubClients.create(GithubSettings.builder().baseUrl(sandbox.apiUrl()).token(token).build(), TRANSPORT)
                .rateLimit()).as("shared by every provider on the transport").contains(a);
    }
}
