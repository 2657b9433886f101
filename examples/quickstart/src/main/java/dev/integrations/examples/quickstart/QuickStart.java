package dev.integrations.examples.quickstart;

import dev.integrations.Integrations;
import dev.integrations.AuthManager;
import dev.integrations.auth.oauth2.AuthorizationStep;
import dev.integrations.auth.oauth2.OAuth2Flow;
import dev.integrations.github.auth.GithubAppCredentials;
import dev.integrations.github.auth.GithubUserCredentials;
import dev.integrations.github.model.GithubUser;
import dev.integrations.github.sandbox.GithubSandbox;
import dev.integrations.github.sandbox.SandboxBrowser;
import dev.integrations.jdbc.EncryptionKeys;
import dev.integrations.jdbc.JdbcStores;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;

/**
 * The README's flow, end to end: authorize, consent, exchange, store, open a session, call
 * {@code GET /user}.
 *
 * <p>With no configuration it starts the GitHub sandbox in this process and plays the user's
 * browser against the sandbox's consent page over HTTP. With {@code GITHUB_CLIENT_ID} and
 * {@code GITHUB_CLIENT_SECRET} set it runs against github.com: it prints the URL to open and
 * receives GitHub's redirect on a loopback callback ({@code http://127.0.0.1:PORT/callback};
 * register {@code http://127.0.0.1/callback} as the OAuth app's callback URL).
 *
 * <p>Credentials and pending authorizations are kept in an encrypted SQLite file,
 * {@code quickstart.db} in {@code QUICKSTART_DIR} (default {@code target/quickstart}). The key
 * comes from {@code INTEGRATIONS_ENCRYPTION_KEYS} when set; otherwise one is generated into
 * {@code encryption.keys} beside the database on first run (a real application keeps its key in a
 * secret manager, never next to the data).
 */
public final class QuickStart {
    private static final String SUBJECT = "user-123";

    private QuickStart() {
    }

    public static void main(String[] args) throws Exception {
        run(System.getenv(), System.out, Duration.ofMinutes(5));
    }

    /**
     * Runs the flow against github.com when {@code environment} has a client id and secret,
     * else against an in-process sandbox.
     */
    static GithubUser run(Map<String, String> environment, PrintStream out, Duration callbackTimeout) throws Exception {
        Path directory = Path.of(environment.getOrDefault("QUICKSTART_DIR", "target/quickstart"));
        try (JdbcStores stores = JdbcStores.sqlite(directory.resolve("quickstart.db"), keys(environment, directory, out))) {
            out.println("Credentials are kept encrypted in " + directory.resolve("quickstart.db"));
            boolean github = has(environment, "GITHUB_CLIENT_ID") && has(environment, "GITHUB_CLIENT_SECRET");
            if (github) {
                out.println("GITHUB_CLIENT_ID and GITHUB_CLIENT_SECRET are set: running against "
                        + environment.getOrDefault("GITHUB_AUTHORIZATION_URL", "github.com"));
                return runFlow(environment, null, stores, out, callbackTimeout);
            }
            try (GithubSandbox sandbox = GithubSandbox.start()) {
                out.println("No GITHUB_CLIENT_ID/GITHUB_CLIENT_SECRET set: started the GitHub sandbox at " + sandbox.baseUri());
                return runFlow(sandbox.environment(), sandbox, stores, out, callbackTimeout);
            }
        }
    }

    private static GithubUser runFlow(Map<String, String> environment, GithubSandbox sandbox, JdbcStores stores,
                                      PrintStream out, Duration callbackTimeout) throws Exception {
        try (LoopbackCallback callback = LoopbackCallback.start()) {
            // The environment supplies what is not given here: client id and secret, and for the
            // sandbox its authorization, token and API URLs.
            AuthManager auth = AuthManager.builder()
                    .environment(environment)
                    .github(GithubAppCredentials.builder()
                            .redirectUri(callback.redirectUri().toString())
                            .build())
                    .credentialStore(stores.credentials())
                    .authorizationStateStore(stores.authorizationStates())
                    .build();
            out.println("1. AuthManager ready for client " + auth.github().appCredentials().clientId());

            OAuth2Flow<GithubUserCredentials> flow = auth.github().oauth2();
            AuthorizationStep step = flow.authorize(a -> a.subject(SUBJECT).scopes("read:user"));
            out.println("2. Authorization started; the user opens:");
            out.println("   " + step.authorizationUrl());

            if (sandbox != null) {
                out.println("   (the sandbox's consent page is approved over HTTP, as a browser would)");
                SandboxBrowser.approveAndFollow(step.authorizationUrl());
            } else {
                out.println("   Open it in your browser and approve; waiting up to " + callbackTimeout.toMinutes()
                        + " minutes for GitHub to redirect to " + callback.redirectUri());
            }
            URI callbackUri = callback.await(callbackTimeout);
            out.println("3. GitHub redirected back to " + callback.redirectUri() + " with a code and the state");

            GithubUserCredentials token = flow.exchange(e -> e.authorizationResponse(callbackUri.toString()).subject(SUBJECT));
            out.println("4. Code exchanged: " + token);

            auth.storeCredentials("github", SUBJECT, token);
            out.println("5. Credentials stored for subject " + SUBJECT);

            try (Integrations integrations = auth.session(SUBJECT)) {
                GithubUser me = integrations.github().getAuthenticatedUser();
                out.println("6. Session opened; GET /user says: " + me.login() + " (id " + me.id() + ", name "
                        + me.name() + ", " + me.publicRepos() + " public repos)");
                return me;
            }
        }
    }

    /** The key ring from the environment, else from (or newly into) a key file beside the database. */
    private static EncryptionKeys keys(Map<String, String> environment, Path directory, PrintStream out) throws IOException {
        if (has(environment, EncryptionKeys.ENVIRONMENT_VARIABLE) || has(environment, EncryptionKeys.KEY_FILE_VARIABLE)) {
            return EncryptionKeys.fromEnvironment(environment);
        }
        Path file = directory.resolve("encryption.keys");
        if (!Files.exists(file)) {
            Files.createDirectories(directory);
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.writeString(file, EncryptionKeys.generate().toEnvironmentValue());
            out.println("Generated an encryption key in " + file + " (set " + EncryptionKeys.ENVIRONMENT_VARIABLE
                    + " to use your own)");
        }
        return EncryptionKeys.fromFile(file);
    }

    private static boolean has(Map<String, String> environment, String key) {
        String value = environment.get(key);
        return value != null && !value.isBlank();
    }
}
