package dev.integrations.spring.boot.actuate;

import dev.integrations.AuthManager;
import dev.integrations.Integrations;
import dev.integrations.auth.OAuthException;
import dev.integrations.auth.ReauthorizationRequiredException;
import dev.integrations.github.auth.GithubUserCredentials;
import dev.integrations.github.sandbox.GithubSandbox;
import dev.integrations.github.sandbox.GithubSandboxExtension;
import dev.integrations.github.sandbox.SandboxApp;
import dev.integrations.github.sandbox.SandboxBrowser;
import dev.integrations.spring.boot.AuthManagerBuilderCustomizer;
import dev.integrations.spring.boot.IntegrationsAutoConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(GithubSandboxExtension.class)
@DisplayName("Micrometer metrics: refreshes, refresh failures, rate limit remaining")
class IntegrationsMetricsTest {
    private static final String CLIENT_ID = "Iv1.starter-metrics";

    private ApplicationContextRunner runner;

    @BeforeEach
    void setUp(GithubSandbox sandbox) {
        sandbox.registerApp(new SandboxApp(CLIENT_ID, "starter-metrics-secret", "http://127.0.0.1/callback").withExpiringTokens(true));
        runner = new ApplicationContextRunner()
                .withConfiguration(AutoConfigurations.of(IntegrationsAutoConfiguration.class))
                .withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .withBean("sandboxEnvironment", AuthManagerBuilderCustomizer.class,
                        () -> builder -> builder.environment(Map.of()).clock(sandbox.clock()))
                .withPropertyValues("integrations.github.client-id=" + CLIENT_ID,
                        "integrations.github.client-secret=starter-metrics-secret",
                        "integrations.github.redirect-uri=http://127.0.0.1:8765/callback",
                        "integrations.github.authorization-url=" + sandbox.authorizationUrl(),
                        "integrations.github.token-url=" + sandbox.tokenUrl(),
                        "integrations.github.api-url=" + sandbox.apiUrl());
    }

    @Test
    void theRemainingRateLimitOfEachResourceIsAGauge() {
        runner.run(context -> {
            AuthManager auth = context.getBean(AuthManager.class);
            connect(auth, "alice");
            try (Integrations session = auth.session("alice")) {
                session.github().getAuthenticatedUser();
                session.github().getAuthenticatedUser();
            }
            MeterRegistry registry = context.getBean(MeterRegistry.class);
            double remaining = registry.get(IntegrationsMetrics.RATE_LIMIT_REMAINING).tag("resource", "core").gauge().value();
            assertThat(remaining).isEqualTo(GithubSandbox.DEFAULT_RATE_LIMIT - 2);
        });
    }

    @Test
    void refreshesAndRefreshFailuresAreCounted() {
        runner.run(context -> {
            AuthManager auth = context.getBean(AuthManager.class);
            connect(auth, "alice");
            auth.refreshCredentials("github", "alice");
            auth.storeCredentials("github", "bob", GithubUserCredentials.builder().accessToken("ghu_bob").tokenType("bearer")
                    .refreshToken("ghr_not_issued_by_the_sandbox").expiresIn(60L).build());
            assertThatThrownBy(() -> auth.refreshCredentials("github", "bob"))
                    .isInstanceOfAny(ReauthorizationRequiredException.class, OAuthException.class);

            MeterRegistry registry = context.getBean(MeterRegistry.class);
            assertThat(registry.get(IntegrationsMetrics.REFRESHES).tag("provider", "github").counter().count()).isEqualTo(1);
            assertThat(registry.get(IntegrationsMetrics.REFRESH_FAILURES).tag("provider", "github")
                    .tag("reauthorization", "true").counter().count()).isEqualTo(1);
            assertThat(registry.getMeters()).allSatisfy(meter -> assertThat(meter.getId().toString())
                    .doesNotContain("alice").doesNotContain("bob").doesNotContain("ghr_").doesNotContain("ghu_"));
        });
    }

    @Test
    void withoutAMeterRegistryNothingIsMeteredAndNothingFails() {
        new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(IntegrationsAutoConfiguration.class))
                .run(context -> assertThat(context).hasNotFailed().hasSingleBean(AuthManager.class)
                        .doesNotHaveBean(MeterRegistry.class));
    }

    private static void connect(AuthManager auth, String user) {
        var step = auth.github().oauth2().authorize(a -> a.subject(user));
        auth.completeAuthorization(SandboxBrowser.approve(step.authorizationUrl()));
    }
}
