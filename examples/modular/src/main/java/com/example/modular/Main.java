package com.example.modular;

import dev.integrations.Integrations;
import dev.integrations.AuthManager;
import dev.integrations.github.auth.GithubAppCredentials;
import dev.integrations.github.sandbox.GithubSandbox;
import dev.integrations.jdbc.EncryptionKeys;
import dev.integrations.jdbc.JdbcStores;

import java.nio.file.Files;
import java.util.Map;

/**
 * Stores a user's token encrypted in SQLite, opens a session and calls GitHub (the sandbox), all on
 * the module path: the descriptors' exports, opens (Jackson reading the model) and optional
 * requires are exercised for real. Prints what it saw; scripts/check-module-path.sh checks it.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws Exception {
        try (GithubSandbox sandbox = GithubSandbox.start();
             JdbcStores stores = JdbcStores.sqlite(Files.createTempDirectory("modular").resolve("integrations.db"),
                     EncryptionKeys.generate())) {
            AuthManager auth = AuthManager.builder()
                    .github(GithubAppCredentials.builder()
                            .clientId(sandbox.defaultApp().clientId())
                            .clientSecret(sandbox.defaultApp().clientSecret())
                            .authorizationUrl(sandbox.baseUri() + "/login/oauth/authorize")
                            .tokenUrl(sandbox.baseUri() + "/login/oauth/access_token")
                            .build())
                    .sessionSettings("github", Map.of("base_url", sandbox.apiUrl().toString()))
                    .credentialStore(stores.credentials())
                    .build();
            auth.storeCredentials("github", "user-1",
                    Map.of("access_token", sandbox.issueToken(sandbox.defaultUser(), "repo", "user")));
            try (Integrations integrations = auth.session("user-1")) {
                System.out.println("module " + Integrations.class.getModule().getName());
                System.out.println("login " + integrations.github().getAuthenticatedUser().login());
                System.out.println("repositories " + integrations.github().listRepositories(r -> r.perPage(5)).items().size());
            }
        }
    }
}
