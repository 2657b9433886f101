package dev.integrations.cli;

import dev.integrations.AuthManager;
import dev.integrations.Integrations;
import dev.integrations.auth.store.InMemoryAuthorizationStateStore;
import dev.integrations.github.GithubClient;
import dev.integrations.github.auth.GithubAppCredentials;
import dev.integrations.github.auth.GithubUserCredentials;
import dev.integrations.jdbc.JdbcStores;
import java.util.Map;
import java.util.Optional;

/**
 * An {@link AuthManager} for one host over the shared store. Each host's connection is stored
 * under provider {@code github} with the host name as the subject, so there is one connection per
 * host, as {@code gh} keeps one active account per host.
 *
 * <p>The manager reads no environment of its own: every setting is given here, so a stray
 * {@code GITHUB_TOKEN} can never stand in for the stored user. The API URL is given as its
 * {@code GITHUB_BASE_URL} because the app's own calls ({@code auth.github().tokens()}, which revoke
 * at logout) read it from there rather than from the session settings.
 */
final class HostAuth {
    static final String PROVIDER = "github";
    static final String CLIENT_ID_VARIABLE = "GITHUB_CLIENT_ID";
    static final String CLIENT_SECRET_VARIABLE = "GITHUB_CLIENT_SECRET";

    private final Host host;
    private final AuthManager auth;
    private final boolean appConfigured;
    private final CliEnvironment environment;

    HostAuth(Host host, JdbcStores stores, CliEnvironment environment) {
        this.host = host;
        this.environment = environment;
        String clientId = environment.variable(CLIENT_ID_VARIABLE);
        String clientSecret = environment.variable(CLIENT_SECRET_VARIABLE);
        this.appConfigured = clientId != null;
        GithubAppCredentials app = GithubAppCredentials.builder()
                .authorizationUrl(host.authorizationUrl().toString())
                .tokenUrl(host.tokenUrl().toString())
                .clientId(clientId)
                .clientSecret(clientSecret)
                .build();
        this.auth = AuthManager.builder()
                .environment(Map.of("GITHUB_BASE_URL", host.apiUrl().toString()))
                .github(app)
                .sessionSettings(PROVIDER, Map.of("base_url", host.apiUrl().toString(),
                        "user_agent", "integrations-cli"))
                .credentialStore(stores.credentials())
                .authorizationStateStore(new InMemoryAuthorizationStateStore())
                .build();
    }

    Host host() {
        return host;
    }

    AuthManager auth() {
        return auth;
    }

    /** Whether an OAuth app (client id) is configured, which the web flow and refreshes need. */
    boolean appConfigured() {
        return appConfigured;
    }

    Optional<GithubUserCredentials> stored() {
        return auth.loadCredentials(PROVIDER, host.name(), GithubUserCredentials.class);
    }

    /** A session as the stored user; fails with exit code 4 when nothing is stored. */
    Integrations session() {
        if (stored().isEmpty()) {
            throw notLoggedIn(host.name(), environment);
        }
        return auth.session(s -> s.subject(host.name()).providers(PROVIDER));
    }

    /** A session with the given credentials, stored or not (to validate a token before storing it). */
    Integrations session(GithubUserCredentials credentials) {
        return auth.session(s -> s.subject(host.name()).providers(PROVIDER).autoLoadCredentials(false)
                .withCredentials(PROVIDER, credentials));
    }

    static GithubClient github(Integrations session) {
        return session.github();
    }

    static CliException notLoggedIn(String host, CliEnvironment environment) {
        return CliException.authRequired("You are not logged in to " + host + ". To log in, run: "
                + Host.loginCommand(host, environment));
    }
}
