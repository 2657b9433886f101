package com.example.consumer;

import dev.integrations.Integrations;
import dev.integrations.AuthManager;
import dev.integrations.jdbc.EncryptionKeys;
import dev.integrations.jdbc.JdbcStores;

import java.nio.file.Path;
import java.util.Map;

/** An application's use of the SDK: credentials in an encrypted SQLite file, one session per user. */
public final class GreetingService implements AutoCloseable {
    private final JdbcStores stores;
    private final AuthManager auth;

    /**
     * Opens the stores in {@code database} and configures GitHub from {@code environment}.
     *
     * @param database    the SQLite file
     * @param keys        the encryption key ring
     * @param environment the {@code GITHUB_*} settings
     */
    public GreetingService(Path database, EncryptionKeys keys, Map<String, String> environment) {
        this.stores = JdbcStores.sqlite(database, keys);
        this.auth = AuthManager.builder()
                .environment(environment)
                .credentialStore(stores.credentials())
                .authorizationStateStore(stores.authorizationStates())
                .build();
    }

    /**
     * Stores a user's token, as after the OAuth flow.
     *
     * @param subject     the application's user id
     * @param accessToken the user's GitHub token
     */
    public void remember(String subject, String accessToken) {
        auth.storeCredentials("github", subject, Map.of("access_token", accessToken, "token_type", "bearer"));
    }

    /**
     * Greets the user by their GitHub login.
     *
     * @param subject the application's user id
     * @return {@code Hello, <login>}
     */
    public String greet(String subject) {
        try (Integrations integrations = auth.session(subject)) {
            return "Hello, " + integrations.github().getAuthenticatedUser().login();
        }
    }

    @Override
    public void close() {
        stores.close();
    }
}
