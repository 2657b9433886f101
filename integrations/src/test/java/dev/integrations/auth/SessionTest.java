package dev.integrations.auth;

import dev.integrations.AuthManager;

import dev.integrations.core.ConfigurationException;
import dev.integrations.Integrations;
import dev.integrations.auth.store.CredentialStore;
import dev.integrations.auth.store.InMemoryCredentialStore;
import dev.integrations.auth.store.StoredCredentials;
import dev.integrations.github.GithubClient;
import dev.integrations.github.auth.GithubUserCredentials;
import dev.integrations.github.model.GithubUser;
import dev.integrations.github.sandbox.GithubSandbox;
import dev.integrations.github.sandbox.GithubSandboxExtension;
import dev.integrations.github.sandbox.RecordedRequest;
import dev.integrations.github.sandbox.SandboxUser;
import dev.integrations.testing.SandboxAuth;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@ExtendWith(GithubSandboxExtension.class)
@DisplayName("Sessions: credentials, bindings and overrides")
class SessionTest {
    private GithubSandbox sandbox;
    private SandboxUser alice;
    private String aliceToken;

    @BeforeEach
    void setUp(GithubSandbox sandbox) {
        this.sandbox = sandbox;
        this.alice = sandbox.registerUser("alice", "Alice Liddell", "alice@example.com");
        this.aliceToken = sandbox.issueToken(alice, "repo");
    }

    @Test
    void storedCredentialsAreBoundIntoTheSessionsGithubClient() {
        AuthManager auth = SandboxAuth.manager(sandbox);
        auth.storeCredentials("github", "user-123", GithubUserCredentials.ofToken(aliceToken));

        try (Integrations integrations = auth.session("user-123")) {
            GithubUser me = integrations.github().getAuthenticatedUser();
            assertThat(me.login()).isEqualTo("alice");
            assertThat(me.id()).isEqualTo(alice.id());
            assertThat(me.name()).isEqualTo("Alice Liddell");
            assertThat(me.raw().get("login").asText()).isEqualTo("alice");
        }
        RecordedRequest request = sandbox.requests("/user").get(0);
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + aliceToken);
        assertThat(request.header("Accept")).isEqualTo("application/vnd.github+json");
        assertThat(request.header("X-GitHub-Api-Version")).isEqualTo("2022-11-28");
        assertThat(request.header("User-Agent")).isEqualTo("integrations-java");
    }

    @Test
    void theTokenTypeBecomesTheSchemeAndBearerIsNormalised() {
        AuthManager auth = SandboxAuth.manager(sandbox);
        auth.storeCredentials("github", "u1", Map.of("access_token", aliceToken, "token_type", "bearer"));
        auth.storeCredentials("github", "u2", Map.of("access_token", aliceToken, "token_type", "token"));

        try (Integrations one = auth.session("u1"); Integrations two = auth.session("u2")) {
            assertThat(one.github().settings().authorizationScheme()).isEqualTo("Bearer");
            assertThat(two.github().settings().authorizationScheme()).isEqualTo("token");
            two.github().getAuthenticatedUser();
        }
        assertThat(sandbox.requests("/user").get(0).header("Authorization")).isEqualTo("token " + aliceToken);
    }

    @Test
    void withCredentialsWinsOverStoredOnesAndAcceptsMaps() {
        AuthManager auth = SandboxAuth.manager(sandbox);
        auth.storeCredentials("github", "user-123", GithubUserCredentials.ofToken(sandbox.issueToken(sandbox.defaultUser())));

        try (Integrations integrations = auth.session(s -> s.subject("user-123")
                .withCredentials("GitHub", Map.of("access_token", aliceToken)))) {
            assertThat(integrations.github().getAuthenticatedUser().login()).isEqualTo("alice");
        }
    }

    @Test
    void withoutAutoLoadStoredCredentialsAreIgnoredAndThePatIsUsed() {
        // With OAuth configured, the PAT serves a subject only after the explicit opt-in (defect 12).
        AuthManager auth = SandboxAuth.builder(sandbox).provider("github", Map.of("token", sandbox.issueToken(sandbox.defaultUser()),
                "app_token_fallback", true)).build();
        auth.storeCredentials("github", "user-123", GithubUserCredentials.ofToken(aliceToken));

        try (Integrations integrations = auth.session(s -> s.subject("user-123").autoLoadCredentials(false))) {
            assertThat(integrations.github().getAuthenticatedUser().login()).isEqualTo(GithubSandbox.DEFAULT_LOGIN);
        }
    }

    @Test
    void thePatFromTheEnvironmentIsTheFallbackWhenAUserHasNoCredentials() {
        String pat = sandbox.issueToken(sandbox.defaultUser());
        Map<String, String> env = new HashMap<>(sandbox.environment());
        env.put("GITHUB_API_TOKEN", pat);
        env.put("GITHUB_APP_TOKEN_FALLBACK", "true"); // required since OAuth is configured (defect 12)
        AuthManager auth = AuthManager.builder().environment(env).build();

        try (Integrations integrations = auth.session("someone-without-credentials")) {
            assertThat(integrations.github().settings().authorizationScheme()).isEqualTo("Bearer");
            assertThat(integrations.github().getAuthenticatedUser().login()).isEqualTo(GithubSandbox.DEFAULT_LOGIN);
        }
    }

    @Test
    void missingCredentialsFailWhereTheProviderIsUsedWithAMessageThatSaysWhatToConfigure() {
        AuthManager auth = SandboxAuth.manager(sandbox);

        try (Integrations integrations = auth.session("nobody")) {
            assertThatThrownBy(integrations::github)
                    .isInstanceOf(MissingCredentialsException.class)
                    .hasMessageContaining("subject 'nobody'")
                    .hasMessageContaining("storeCredentials")
                    .hasMessageContaining("withCredentials")
                    .hasMessageContaining("GITHUB_TOKEN");
        }
    }

    @Test
    void missingCredentialsFailAtOpenWhenTheProviderWasAskedForExplicitly() {
        AuthManager auth = SandboxAuth.manager(sandbox);

        assertThatThrownBy(() -> auth.session(s -> s.subject("nobody").providers("github")))
                .isInstanceOf(MissingCredentialsException.class)
                .extracting(e -> ((MissingCredentialsException) e).provider()).isEqualTo("github");
    }

    @Test
    void theProviderFilterIsCaseInsensitiveAndRefusesUnknownNames() {
        AuthManager auth = SandboxAuth.manager(sandbox);
        auth.storeCredentials("GITHUB", "user-123", GithubUserCredentials.ofToken(aliceToken));

        try (Integrations integrations = auth.session(s -> s.subject("user-123").providers("GitHub"))) {
            assertThat(integrations.clientNames()).containsExactly("github");
        }
        assertThatThrownBy(() -> auth.session(s -> s.subject("user-123").providers("gitlab")))
                .isInstanceOf(UnknownProviderException.class)
                .hasMessageContaining("gitlab").hasMessageContaining("github");
    }

    @Test
    void overridesAreMergedIntoTheBoundSettings() {
        AuthManager auth = SandboxAuth.manager(sandbox);
        auth.storeCredentials("github", "user-123", GithubUserCredentials.ofToken(aliceToken));

        try (Integrations integrations = auth.session(s -> s.subject("user-123")
                .override("github", Map.of("user_agent", "my-app/1.0", "timeout", "30s")))) {
            GithubClient github = integrations.github();
            assertThat(github.settings().timeout()).isEqualTo(Duration.ofSeconds(30));
            assertThat(github.settings().token()).isEqualTo(aliceToken);
            github.getAuthenticatedUser();
        }
        assertThat(sandbox.requests("/user").get(0).header("User-Agent")).isEqualTo("my-app/1.0");
    }

    @Test
    void overridesForProvidersOutsideTheSessionAreRefused() {
        AuthManager auth = SandboxAuth.manager(sandbox);
        assertThatThrownBy(() -> auth.session(s -> s.subject("x").providers("github").override("gitlab", Map.of())))
                .isInstanceOf(ConfigurationException.class);
    }

    @Test
    void anOverrideScopeInsideASessionRestoresTheBoundProvider() {
        AuthManager auth = SandboxAuth.manager(sandbox);
        auth.storeCredentials("github", "user-123", GithubUserCredentials.ofToken(aliceToken));

        try (Integrations integrations = auth.session("user-123")) {
            try (var scope = integrations.overrides(o -> o.merge("github", Map.of("token", sandbox.issueToken(sandbox.defaultUser()))))) {
                assertThat(integrations.github().getAuthenticatedUser().login()).isEqualTo(GithubSandbox.DEFAULT_LOGIN);
            }
            assertThat(integrations.github().getAuthenticatedUser().login()).isEqualTo("alice");
        }
    }

    @Test
    void openingSessionsDoesNoNetworkIoAndSharesOneHttpClient() {
        AuthManager auth = SandboxAuth.manager(sandbox);
        auth.storeCredentials("github", "user-123", GithubUserCredentials.ofToken(aliceToken));
        sandbox.clearRequests();

        for (int i = 0; i < 50; i++) {
            try (Integrations integrations = auth.session("user-123")) {
                assertThat(integrations.github().transport()).isSameAs(auth.transport());
                assertThat(integrations.github().transport().client()).isSameAs(auth.httpClient());
            }
        }
        assertThat(sandbox.requests()).isEmpty();
    }

    @Test
    void sessionsNeverWriteToTheStore() {
        AtomicInteger writes = new AtomicInteger();
        InMemoryCredentialStore delegate = new InMemoryCredentialStore();
        CredentialStore counting = new CredentialStore() {
            @Override
            public Optional<StoredCredentials> get(String provider, String subject) {
                return delegate.get(provider, subject);
            }

            @Override
            public void set(String provider, String subject, Map<String, Object> data) {
                writes.incrementAndGet();
                delegate.set(provider, subject, data);
            }

            @Override
            public boolean compareAndSet(String provider, String subject, long expectedVersion, Map<String, Object> data) {
                writes.incrementAndGet();
                return delegate.compareAndSet(provider, subject, expectedVersion, data);
            }

            @Override
            public boolean markNeedsReauthorization(String provider, String subject, long expectedVersion) {
                writes.incrementAndGet();
                return delegate.markNeedsReauthorization(provider, subject, expectedVersion);
            }

            @Override
            public boolean delete(String provider, String subject) {
                writes.incrementAndGet();
                return delegate.delete(provider, subject);
            }

            @Override
            public java.util.List<StoredCredentials> list(dev.integrations.auth.store.CredentialFilter filter) {
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
        };
        AuthManager auth = SandboxAuth.builder(sandbox).credentialStore(counting).build();
        auth.storeCredentials("github", "user-123", GithubUserCredentials.ofToken(aliceToken));

        try (Integrations integrations = auth.session(s -> s.subject("user-123")
                .override("github", Map.of("timeout", "5s")))) {
            integrations.github().getAuthenticatedUser();
        }
        assertThat(writes).hasValue(1);
    }

    @Test
    void aClosedSessionRefusesFurtherUse() {
        AuthManager auth = SandboxAuth.manager(sandbox);
        auth.storeCredentials("github", "user-123", GithubUserCredentials.ofToken(aliceToken));
        Integrations integrations = auth.session("user-123");
        integrations.close();

        assertThatThrownBy(integrations::github).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    @Test
    void subjectsMayBeMapsWhoseKeyOrderDoesNotMatter() {
        AuthManager auth = SandboxAuth.manager(sandbox);
        Map<String, Object> subject = new LinkedHashMap<>();
        subject.put("user", 42);
        subject.put("tenant", "acme");
        Map<String, Object> sameSubject = new LinkedHashMap<>();
        sameSubject.put("tenant", "acme");
        sameSubject.put("user", 42);
        auth.storeCredentials("github", subject, GithubUserCredentials.ofToken(aliceToken));

        assertThat(auth.loadCredentials("github", sameSubject)).isPresent();
        assertThat(auth.credentialStore().get("github", "{\"tenant\":\"acme\",\"user\":42}")).isPresent();
        try (Integrations integrations = auth.session(s -> s.subject(sameSubject))) {
            assertThat(integrations.github().getAuthenticatedUser().login()).isEqualTo("alice");
        }
    }

    @Test
    void credentialsCanBeStoredAsMapsLoadedTypedAndDeleted() {
        AuthManager auth = SandboxAuth.manager(sandbox);
        auth.storeCredentials("github", "user-123", Map.of("access_token", aliceToken, "scope", "repo,gist",
                "expires_at", 1_900_000_000L));

        GithubUserCredentials loaded = auth.loadCredentials("GitHub", "user-123", GithubUserCredentials.class).orElseThrow();
        assertThat(loaded.accessToken()).isEqualTo(aliceToken);
        assertThat(loaded.scope()).containsExactly("repo", "gist");
        assertThat(loaded.expiresAt().getEpochSecond()).isEqualTo(1_900_000_000L);

        assertThat(auth.deleteCredentials("github", "user-123")).isTrue();
        assertThat(auth.deleteCredentials("github", "user-123")).isFalse();
        assertThat(auth.loadCredentials("github", "user-123")).isEmpty();
    }

    @Test
    void badCredentialsAreRefusedAndStoreNothing() {
        AuthManager auth = SandboxAuth.manager(sandbox);

        assertThatThrownBy(() -> auth.storeCredentials("github", "user-123", Map.of("access_token", 12345)))
                .isInstanceOf(InvalidCredentialsException.class).hasMessageContaining("access_token");
        assertThatThrownBy(() -> auth.storeCredentials("github", "user-123", Map.of("scope", "repo")))
                .isInstanceOf(InvalidCredentialsException.class).hasMessageContaining("without an access token");
        assertThatThrownBy(() -> auth.storeCredentials("gitlab", "user-123", Map.of("access_token", "x")))
                .isInstanceOf(UnknownProviderException.class);
        assertThatThrownBy(() -> auth.storeCredentials("github", " ", Map.of("access_token", "x")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(auth.loadCredentials("github", "user-123")).isEmpty();
    }
}
