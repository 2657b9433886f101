package dev.integrations.spring.boot.actuate;

import dev.integrations.AuthManager;
import dev.integrations.auth.store.CredentialStore;
import dev.integrations.auth.store.InMemoryCredentialStore;
import dev.integrations.auth.store.StoredCredentials;
import dev.integrations.github.auth.GithubUserCredentials;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("The integrations health indicator")
class IntegrationsHealthIndicatorTest {
    @Test
    void upWithTheNumberOfConnectionsNeedingReauthorization() {
        InMemoryCredentialStore store = new InMemoryCredentialStore();
        AuthManager auth = AuthManager.builder().environment(Map.of()).credentialStore(store).build();
        for (String user : new String[] {"alice", "bob"}) {
            auth.storeCredentials("github", user, GithubUserCredentials.builder().accessToken("gho_" + user).tokenType("bearer").build());
        }
        StoredCredentials alice = store.get("github", "alice").orElseThrow();
        assertThat(store.markNeedsReauthorization("github", "alice", alice.version())).isTrue();

        IntegrationsHealthIndicator indicator = new IntegrationsHealthIndicator(auth, Duration.ofSeconds(5));
        try {
            Health health = indicator.health();
            assertThat(health.getStatus()).isEqualTo(Status.UP);
            assertThat(health.getDetails()).containsEntry("needingReauthorization", 1)
                    .containsEntry("store", "InMemoryCredentialStore").containsEntry("atLeast", false);
        } finally {
            indicator.destroy();
        }
    }

    @Test
    void downWhenTheStoreDoesNotAnswerInTime() {
        CountDownLatch release = new CountDownLatch(1);
        CredentialStore hanging = store((method, args) -> {
            if (method.equals("list")) {
                release.await();
            }
            return null;
        });
        IntegrationsHealthIndicator indicator = new IntegrationsHealthIndicator(
                AuthManager.builder().environment(Map.of()).credentialStore(hanging).build(), Duration.ofMillis(100));
        try {
            Health health = indicator.health();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails().get("error").toString()).contains("did not answer within 100 ms");
        } finally {
            release.countDown();
            indicator.destroy();
        }
    }

    @Test
    void downWithTheFailuresClassButNotItsMessage() {
        CredentialStore failing = store((method, args) -> {
            throw new IllegalStateException("jdbc:postgresql://db.internal/prod?password=canary-db-password");
        });
        IntegrationsHealthIndicator indicator = new IntegrationsHealthIndicator(
                AuthManager.builder().environment(Map.of()).credentialStore(failing).build(), Duration.ofSeconds(5));
        try {
            Health health = indicator.health();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails()).containsEntry("error", IllegalStateException.class.getName());
            assertThat(health.toString()).doesNotContain("canary-db-password");
        } finally {
            indicator.destroy();
        }
    }

    interface Answer {
        Object answer(String method, Object[] args) throws Exception;
    }

    /** A store whose every method is {@code answer}; enough for the one call the indicator makes. */
    private static CredentialStore store(Answer answer) {
        return (CredentialStore) Proxy.newProxyInstance(CredentialStore.class.getClassLoader(), new Class<?>[] {CredentialStore.class},
                (proxy, method, args) -> method.getName().equals("toString") ? "TestStore" : answer.answer(method.getName(), args));
    }
}
