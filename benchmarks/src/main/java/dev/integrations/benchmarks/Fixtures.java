package dev.integrations.benchmarks;

import dev.integrations.AuthManager;
import dev.integrations.auth.store.CredentialStore;
import dev.integrations.github.auth.GithubAppCredentials;
import dev.integrations.github.auth.GithubUserCredentials;

import java.util.List;
import java.util.Map;

/** What the benchmarks share: one subject with stored, non-expiring GitHub credentials. */
final class Fixtures {
    static final String SUBJECT = "bench-user-42";

    private Fixtures() {
    }

    /** A GitHub OAuth app token set as GitHub issues it to an OAuth app: no expiry, no refresh token. */
    static GithubUserCredentials nonExpiringCredentials() {
        return GithubUserCredentials.builder()
                .accessToken("gho_" + "B".repeat(36))
                .tokenType("bearer")
                .scope(List.of("repo", "read:user", "user:email"))
                .build();
    }

    /** A manager over {@code store} with a configured GitHub app and no process environment. */
    static AuthManager manager(CredentialStore store) {
        return AuthManager.builder()
                .environment(Map.of())
                .github(GithubAppCredentials.builder()
                        .clientId("Iv1.benchmark-client")
                        .clientSecret("benchmark-secret")
                        .redirectUri("http://127.0.0.1:8765/callback")
                        .build())
                .credentialStore(store)
                .build();
    }
}
