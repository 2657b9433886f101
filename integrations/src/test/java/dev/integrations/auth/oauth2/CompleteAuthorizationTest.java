package dev.integrations.auth.oauth2;

import dev.integrations.AuthManager;
import dev.integrations.Integrations;
import dev.integrations.auth.CompletedAuthorization;
import dev.integrations.auth.InvalidStateException;
import dev.integrations.auth.OAuthException;
import dev.integrations.auth.store.CredentialFilter;
import dev.integrations.auth.store.CredentialStore;
import dev.integrations.auth.store.InMemoryCredentialStore;
import dev.integrations.auth.store.StoredCredentials;
import dev.integrations.github.auth.GithubUserCredentials;
import dev.integrations.github.sandbox.GithubSandbox;
import dev.integrations.github.sandbox.GithubSandboxExtension;
import dev.integrations.github.sandbox.SandboxBrowser;
import dev.integrations.testing.SandboxAuth;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(GithubSandboxExtension.class)
@DisplayName("AuthManager.completeAuthorization: the callback URL in, the subject and stored credentials out")
class CompleteAuthorizationTest {
    private static final String TOKEN_PATH = "/login/oauth/access_token";

    private GithubSandbox sandbox;
    private AuthManager auth;

    @BeforeEach
    void setUp(GithubSandbox sandbox) {
        this.sandbox = sandbox;
        this.auth = SandboxAuth.manager(sandbox);
    }

    @Test
    void returnsTheSubjectTheAuthorizationWasStartedForAndStoresTheCredentialsUnderIt() {
        URI callback = SandboxBrowser.approve(auth.github().oauth2().authorize(a -> a.scopes("repo").subject("user-42"))
                .authorizationUrl());

        CompletedAuthorization done = auth.completeAuthorization(callback);

        assertThat(done.provider()).isEqualTo("github");
        assertThat(done.subject()).isEqualTo("user-42");
        GithubUserCredentials credentials = done.credentials(GithubUserCredentials.class);
        assertThat(credentials.accessToken()).startsWith("gho_");
        assertThat(auth.loadCredentials("github", "user-42", GithubUserCredentials.class))
                .map(GithubUserCredentials::accessToken).contains(credentials.accessToken());
        try (Integrations session = auth.session("user-42")) {
            assertThat(session.github().getAuthenticatedUser().login()).isEqualTo(GithubSandbox.DEFAULT_LOGIN);
        }
        assertThat(done.toString()).contains("user-42", "github").doesNotContain(credentials.accessToken());
    }

    @Test
    void aMapSubjectComesBackInItsCanonicalForm() {
        URI callback = SandboxBrowser.approve(auth.github().oauth2()
                .authorize(a -> a.subject(Map.of("tenant", "acme", "user", "7"))).authorizationUrl());

        assertThat(auth.completeAuthorization(callback.toString()).subject()).isEqualTo("{\"tenant\":\"acme\",\"user\":\"7\"}");
    }

    @Test
    void theSubjectIsNeverTakenFromTheCallback() {
        URI callback = SandboxBrowser.approve(auth.github().oauth2().authorize(a -> a.subject("victim")).authorizationUrl());

        CompletedAuthorization done = auth.completeAuthorization(callback + "&subject=attacker&user=attacker");

        assertThat(done.subject()).isEqualTo("victim");
        assertThat(auth.loadCredentials("github", "attacker")).isEmpty();
    }

    @Test
    void aForgedStateIsRefusedBeforeAnyNetworkCall() {
        auth.github().oauth2().authorize(a -> a.subject("user-1"));

        assertThatThrownBy(() -> auth.completeAuthorization("http://127.0.0.1:8765/callback?code=0123456789abcdef&state=forged"))
                .isInstanceOf(InvalidStateException.class)
                .hasMessageContaining("forged, already used, or expired");
        assertThat(sandbox.requests(TOKEN_PATH)).isEmpty();
    }

    @Test
    void aCallbackWithoutStateIsRefusedBeforeAnyNetworkCall() {
        assertThatThrownBy(() -> auth.completeAuthorization("http://127.0.0.1:8765/callback?code=0123456789abcdef"))
                .isInstanceOf(InvalidStateException.class)
                .hasMessageContaining("no state parameter");
        assertThat(sandbox.requests(TOKEN_PATH)).isEmpty();
    }

    @Test
    void aReplayedCallbackIsRefusedAndTheFirstCredentialsStay() {
        URI callback = SandboxBrowser.approve(auth.github().oauth2().authorize(a -> a.subject("user-1")).authorizationUrl());
        String first = auth.completeAuthorization(callback).credentials().accessToken();

        assertThatThrownBy(() -> auth.completeAuthorization(callback)).isInstanceOf(InvalidStateException.class);
        assertThat(sandbox.requests(TOKEN_PATH)).hasSize(1);
        assertThat(auth.loadCredentials("github", "user-1").orElseThrow().accessToken()).isEqualTo(first);
    }

    @Test
    void anExpiredStateIsRefused() {
        URI callback = SandboxBrowser.approve(auth.github().oauth2().authorize(a -> a.subject("user-1")).authorizationUrl());
        sandbox.clock().advance(Duration.ofMinutes(10).plusSeconds(1));

        assertThatThrownBy(() -> auth.completeAuthorization(callback)).isInstanceOf(InvalidStateException.class)
                .hasMessageContaining("expire after 10 minutes");
        assertThat(auth.loadCredentials("github", "user-1")).isEmpty();
    }

    @Test
    void aDeniedAuthorizationIsATypedErrorAndStoresNothing() {
        URI callback = SandboxBrowser.deny(auth.github().oauth2().authorize(a -> a.subject("user-1")).authorizationUrl());

        assertThatThrownBy(() -> auth.completeAuthorization(callback))
                .isInstanceOf(OAuthException.class)
                .isNotInstanceOf(InvalidStateException.class)
                .satisfies(e -> assertThat(((OAuthException) e).error()).isEqualTo("access_denied"))
                .satisfies(e -> assertThat(((OAuthException) e).requiresReauthorization()).isTrue());
        assertThat(auth.loadCredentials("github", "user-1")).isEmpty();
        assertThat(sandbox.requests(TOKEN_PATH)).isEmpty();
    }

    @Test
    void anErrorCallbackWithAForgedStateIsRefusedAsAStateErrorWithoutItsText() {
        auth.github().oauth2().authorize(a -> a.subject("user-1"));

        assertThatThrownBy(() -> auth.completeAuthorization(
                "http://127.0.0.1:8765/callback?error=access_denied&error_description=Call%20evil.example&state=forged"))
                .isInstanceOf(InvalidStateException.class)
                .hasMessageNotContaining("evil.example");
    }

    @Test
    void anAuthorizationStartedWithoutASubjectIsRefusedBeforeTheExchange() {
        URI callback = SandboxBrowser.approve(auth.github().oauth2().authorize().authorizationUrl());

        assertThatThrownBy(() -> auth.completeAuthorization(callback))
                .isInstanceOf(InvalidStateException.class)
                .hasMessageContaining("pass .subject(...) to authorize");
        assertThat(sandbox.requests(TOKEN_PATH)).isEmpty();
    }

    @Test
    void aStoreFailureLeavesNothingStoredAndTheStateUsed() {
        FailingStore store = new FailingStore();
        AuthManager failing = SandboxAuth.builder(sandbox).provider("github", Map.of("redirect_uri", SandboxAuth.REDIRECT_URI))
                .credentialStore(store).build();
        URI callback = SandboxBrowser.approve(failing.github().oauth2().authorize(a -> a.subject("user-1")).authorizationUrl());

        assertThatThrownBy(() -> failing.completeAuthorization(callback)).isInstanceOf(IllegalStateException.class)
                .hasMessage("database is down");
        assertThat(store.list(new CredentialFilter(null, null, null, 100))).isEmpty();
        store.failing = false;
        assertThatThrownBy(() -> failing.completeAuthorization(callback)).isInstanceOf(InvalidStateException.class);
        assertThat(failing.loadCredentials("github", "user-1")).isEmpty();
    }

    /** An in-memory store whose writes fail while {@code failing} is set, as a database that went down. */
    private static final class FailingStore implements CredentialStore {
        private final InMemoryCredentialStore delegate = new InMemoryCredentialStore();
        volatile boolean failing = true;

        @Override
        public Optional<StoredCredentials> get(String provider, String subject) {
            return delegate.get(provider, subject);
        }

        @Override
        public void set(String provider, String subject, Map<String, Object> data) {
            if (failing) {
                throw new IllegalStateException("database is down");
            }
            delegate.set(provider, subject, data);
        }

        @Override
        public boolean compareAndSet(String provider, String subject, long expectedVersion, Map<String, Object> data) {
            return delegate.compareAndSet(provider, subject, expectedVersion, data);
        }

        @Override
        public boolean markNeedsReauthorization(String provider, String subject, long expectedVersion) {
            return delegate.markNeedsReauthorization(provider, subject, expectedVersion);
        }

        @Override
        public boolean delete(String provider, String subject) {
            return delegate.delete(provider, subject);
        }

        @Override
        public List<StoredCredentials> list(CredentialFilter filter) {
            return delegate.list(filter);
        }

        @Override
        public boolean tryAcquireRefreshLease(String provider, String subject, String holder, Duration ttl) {
            return delegate.tryAcquireRefreshLease(provider, subject, holder, ttl);
        }

        @Override
        public void releaseRefreshLease(String provider, String subject, String holder) {
            delegate.releaseRefreshLease(provider, subject, holder);
        }
    }
}
