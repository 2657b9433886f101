package dev.integrations.github.auth;

import dev.integrations.AuthManager;
import dev.integrations.auth.oauth2.DeviceAuthorization;
import dev.integrations.auth.oauth2.DeviceFlowCancellation;
import dev.integrations.auth.oauth2.DeviceFlowException;
import dev.integrations.auth.oauth2.DeviceFlowException.Reason;
import dev.integrations.auth.oauth2.DeviceFlowOptions;
import dev.integrations.github.sandbox.GithubSandbox;
import dev.integrations.github.sandbox.GithubSandboxExtension;
import dev.integrations.github.sandbox.RecordedRequest;
import dev.integrations.github.sandbox.SandboxApp;
import dev.integrations.http.Sleeper;
import dev.integrations.testing.SandboxAuth;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

@ExtendWith(GithubSandboxExtension.class)
@DisplayName("GitHub device flow against the sandbox, with an injected clock and sleeper (no real waits)")
class GithubDeviceFlowTest {
    private GithubSandbox sandbox;
    private AuthManager auth;
    private GithubDeviceFlow flow;
    private final AtomicReference<DeviceAuthorization> shown = new AtomicReference<>();

    @BeforeEach
    void setUp(GithubSandbox sandbox) {
        this.sandbox = sandbox;
        sandbox.clock().freeze();
        this.auth = SandboxAuth.manager(sandbox);
        this.flow = auth.github().deviceFlow();
        sandbox.deviceFlow().enable(sandbox.defaultApp());
    }

    /**
     * Advances the sandbox clock by each wait (or by {@code advanceOverride} for a wait number
     * that maps to it, to play a fast VM clock) and runs {@code onWait} with the wait's number.
     */
    private final class FakeTime implements Sleeper {
        final List<Duration> waits = new CopyOnWriteArrayList<>();
        private final IntConsumer onWait;
        private final Map<Integer, Duration> advanceOverride;

        FakeTime(IntConsumer onWait, Map<Integer, Duration> advanceOverride) {
            this.onWait = onWait;
            this.advanceOverride = advanceOverride;
        }

        FakeTime(IntConsumer onWait) {
            this(onWait, Map.of());
        }

        @Override
        public void sleep(Duration duration) {
            waits.add(duration);
            sandbox.clock().advance(advanceOverride.getOrDefault(waits.size(), duration));
            onWait.accept(waits.size());
        }

        Duration total() {
            return waits.stream().reduce(Duration.ZERO, Duration::plus);
        }
    }

    private DeviceFlowOptions options(Sleeper sleeper) {
        return DeviceFlowOptions.of(o -> o.scopes("repo", "gist").sleeper(sleeper).clock(sandbox.clock()));
    }

    @Test
    void pendingThenSlowDownThenApprovedGivesStorableCredentials() {
        // Wait 2 is cut short (a clock running fast), so the sandbox answers slow_down: the next
        // wait is 5 s longer. The user approves during wait 3.
        FakeTime time = new FakeTime(n -> {
            if (n == 3) {
                assertThat(sandbox.deviceFlow().approve(shown.get().userCode())).isTrue();
            }
        }, Map.of(2, Duration.ofSeconds(3)));

        GithubUserCredentials credentials = flow.authorize(options(time), shown::set);

        assertThat(shown.get().userCode()).matches("[A-Z]{4}-[A-Z]{4}");
        assertThat(shown.get().verificationUri()).isEqualTo(URI.create(sandbox.baseUri() + "/login/device"));
        assertThat(shown.get().interval()).isEqualTo(Duration.ofSeconds(5));
        assertThat(time.waits).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(10));
        assertThat(credentials.accessToken()).startsWith("gho_");
        assertThat(credentials.scope()).containsExactlyInAnyOrder("repo", "gist");

        auth.storeCredentials("github", "user-123", credentials);
        try (var session = auth.session("user-123")) {
            assertThat(session.github().getAuthenticatedUser().login()).isEqualTo(GithubSandbox.DEFAULT_LOGIN);
        }
        List<RecordedRequest> polls = sandbox.requests("/login/oauth/access_token");
        assertThat(polls).hasSize(3).allSatisfy(poll -> assertThat(poll.formParameters())
                .containsEntry("grant_type", "urn:ietf:params:oauth:grant-type:device_code")
                .containsEntry("client_id", GithubSandbox.DEFAULT_CLIENT_ID)
                .doesNotContainKey("client_secret"));
        assertThat(sandbox.requests("/login/device/code").get(0).formParameters())
                .containsEntry("scope", "repo gist").doesNotContainKey("client_secret");
    }

    @Test
    void aCodeNobodyEntersExpiresAfterItsLifetimeWithoutRealWaiting() {
        Instant start = sandbox.clock().instant();
        FakeTime time = new FakeTime(n -> { });

        DeviceFlowException e = catchThrowableOfType(() -> flow.authorize(options(time), shown::set),
                DeviceFlowException.class);

        assertThat(e.reason()).isEqualTo(Reason.EXPIRED_TOKEN);
        assertThat(e.error()).isEqualTo("expired_token");
        assertThat(e.requiresReauthorization()).isTrue();
        assertThat(e.canRestart()).isTrue();
        assertThat(e).hasMessageContaining("start the device flow again");
        assertThat(time.total()).isEqualTo(Duration.ofSeconds(900));
        assertThat(sandbox.clock().instant()).isEqualTo(start.plusSeconds(900));
        assertThat(sandbox.requests("/login/oauth/access_token")).hasSize(180);
    }

    @Test
    void expiryReportedByGithubEndsTheFlow() {
        FakeTime time = new FakeTime(n -> sandbox.deviceFlow().expire(shown.get().userCode()));

        assertThatThrownBy(() -> flow.authorize(options(time), shown::set))
                .isInstanceOfSatisfying(DeviceFlowException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.EXPIRED_TOKEN);
                    assertThat(e.errorDescription()).hasValue("The device_code has expired.");
                });
        assertThat(time.waits).hasSize(1);
    }

    @Test
    void aDeniedRequestEndsWithAccessDenied() {
        FakeTime time = new FakeTime(n -> sandbox.deviceFlow().deny(shown.get().userCode()));

        assertThatThrownBy(() -> flow.authorize(options(time), shown::set))
                .isInstanceOfSatisfying(DeviceFlowException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.ACCESS_DENIED);
                    assertThat(e.error()).isEqualTo("access_denied");
                })
                .hasMessageContaining("declined");
    }

    @Test
    void anUnknownDeviceCodeIsIncorrect() {
        DeviceAuthorization forged = new DeviceAuthorization("f".repeat(40), "BCDF-GHJK", URI.create("https://github.com/login/device"),
                null, sandbox.clock().instant().plusSeconds(900), Duration.ofSeconds(5), List.of());

        assertThatThrownBy(() -> flow.poll(forged, options(new FakeTime(n -> { }))))
                .isInstanceOfSatisfying(DeviceFlowException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.INCORRECT_DEVICE_CODE))
                .hasMessageContaining("start the device flow again");
    }

    @Test
    void aDisabledDeviceFlowSaysToEnableItInTheAppSettings() {
        sandbox.deviceFlow().disable(sandbox.defaultApp());

        assertThatThrownBy(() -> flow.start())
                .isInstanceOfSatisfying(DeviceFlowException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.DEVICE_FLOW_DISABLED);
                    assertThat(e.canRestart()).isFalse();
                })
                .hasMessageContaining("Enable Device Flow");
        assertThat(sandbox.requests("/login/oauth/access_token")).isEmpty();
    }

    @Test
    void disablingTheFlowWhilePollingEndsIt() {
        FakeTime time = new FakeTime(n -> sandbox.deviceFlow().disable(sandbox.defaultApp()));

        assertThatThrownBy(() -> flow.authorize(options(time), shown::set))
                .isInstanceOfSatisfying(DeviceFlowException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.DEVICE_FLOW_DISABLED));
    }

    @Test
    void theOverallDeadlineStopsWaitingBeforeTheCodeExpires() {
        FakeTime time = new FakeTime(n -> { });
        DeviceFlowOptions options = DeviceFlowOptions.of(o -> o.timeout(Duration.ofSeconds(12)).sleeper(time)
                .clock(sandbox.clock()));

        assertThatThrownBy(() -> flow.authorize(options, shown::set))
                .isInstanceOfSatisfying(DeviceFlowException.class, e -> {
                    assertThat(e.reason()).isEqualTo(Reason.DEADLINE_EXCEEDED);
                    assertThat(e.error()).isEqualTo("deadline_exceeded");
                })
                .hasMessageContaining("12 s");
        assertThat(time.waits).containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(2));
        assertThat(sandbox.requests("/login/oauth/access_token")).hasSize(2);
    }

    @Test
    void aCancelHandleStopsTheFlowBeforeTheNextPoll() {
        DeviceFlowCancellation cancellation = new DeviceFlowCancellation();
        FakeTime time = new FakeTime(n -> {
            if (n == 2) {
                cancellation.cancel();
            }
        });
        DeviceFlowOptions options = DeviceFlowOptions.of(o -> o.cancellation(cancellation).sleeper(time).clock(sandbox.clock()));

        assertThatThrownBy(() -> flow.authorize(options, shown::set))
                .isInstanceOfSatisfying(DeviceFlowException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CANCELLED));
        assertThat(sandbox.requests("/login/oauth/access_token")).hasSize(1);
    }

    @Test
    void cancellingWakesAFlowWaitingWithTheSystemSleeperAtOnce() throws Exception {
        DeviceFlowCancellation cancellation = new DeviceFlowCancellation();
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread poller = new Thread(() -> {
            try {
                flow.authorize(DeviceFlowOptions.of(o -> o.cancellation(cancellation)), shown::set);
            } catch (Throwable t) {
                outcome.set(t);
            }
        });
        poller.start();
        while (shown.get() == null) {
            Thread.onSpinWait();
        }
        long started = System.nanoTime();
        cancellation.cancel();
        poller.join(10_000);

        assertThat(poller.isAlive()).isFalse();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(4));
        assertThat(outcome.get()).isInstanceOfSatisfying(DeviceFlowException.class,
                e -> assertThat(e.reason()).isEqualTo(Reason.CANCELLED));
        assertThat(sandbox.requests("/login/oauth/access_token")).isEmpty();
    }

    @Test
    void interruptingThePollingThreadCancelsAndKeepsTheInterruptFlag() {
        Sleeper interrupted = d -> {
            throw new InterruptedException();
        };
        DeviceAuthorization codes = flow.start();

        assertThatThrownBy(() -> flow.poll(codes, DeviceFlowOptions.of(o -> o.sleeper(interrupted))))
                .isInstanceOfSatisfying(DeviceFlowException.class, e -> assertThat(e.reason()).isEqualTo(Reason.CANCELLED));
        assertThat(Thread.interrupted()).isTrue();
    }

    @Test
    void githubAppsGetExpiringUserTokensWithoutAClientSecret() {
        SandboxApp githubApp = sandbox.registerApp(new SandboxApp("Iv1.device-app", "unused-secret-0123456789",
                "http://127.0.0.1/callback", true));
        sandbox.deviceFlow().enable(githubApp);
        AuthManager appAuth = SandboxAuth.builder(sandbox).environment(Map.of(
                "GITHUB_AUTHORIZATION_URL", sandbox.authorizationUrl().toString(),
                "GITHUB_TOKEN_URL", sandbox.tokenUrl().toString(),
                "GITHUB_BASE_URL", sandbox.apiUrl().toString(),
                "GITHUB_CLIENT_ID", githubApp.clientId())).build();
        FakeTime time = new FakeTime(n -> sandbox.deviceFlow().approve(shown.get().userCode()));

        GithubUserCredentials credentials = appAuth.github().deviceFlow().authorize(
                DeviceFlowOptions.of(o -> o.sleeper(time).clock(sandbox.clock())), shown::set);

        assertThat(credentials.accessToken()).startsWith("ghu_");
        assertThat(credentials.refreshToken()).startsWith("ghr_");
        assertThat(credentials.expiresAt()).isEqualTo(sandbox.clock().instant().plusSeconds(28_800));
    }

    @Test
    void theDeviceCodeIsNeverPrintedAndTheUrlFollowsTheAuthorizationHost() {
        DeviceAuthorization codes = flow.start(o -> o.scopes("repo"));

        assertThat(codes.toString()).doesNotContain(codes.deviceCode()).contains(codes.userCode());
        assertThat(flow.deviceCodeUrl()).isEqualTo(URI.create(sandbox.baseUri() + "/login/device/code"));
        assertThat(GithubDeviceFlow.deriveDeviceCodeUrl(URI.create("https://github.com/login/oauth/authorize")))
                .isEqualTo(URI.create("https://github.com/login/device/code"));
        assertThat(GithubDeviceFlow.deriveDeviceCodeUrl(URI.create("https://ghe.example.com/sso/login/oauth/authorize")))
                .isEqualTo(URI.create("https://ghe.example.com/sso/login/device/code"));
        AuthManager overridden = AuthManager.builder().environment(Map.of("GITHUB_CLIENT_ID", "x",
                "GITHUB_DEVICE_CODE_URL", "https://proxy.example.com/device")).build();
        assertThat(overridden.github().deviceFlow().deviceCodeUrl()).isEqualTo(URI.create("https://proxy.example.com/device"));
        DeviceFlowException e = catchThrowableOfType(() -> flow.poll(codes, DeviceFlowOptions.of(o -> o.sleeper(
                d -> sandbox.deviceFlow().deny(codes.userCode())))), DeviceFlowException.class);
        assertThat(e.getMessage()).doesNotContain(codes.deviceCode());
    }
}
