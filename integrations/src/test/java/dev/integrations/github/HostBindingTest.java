package dev.integrations.github;

import dev.integrations.github.client.GithubClients;
import com.sun.net.httpserver.HttpServer;
import dev.integrations.core.ConfigurationException;
import dev.integrations.Integrations;
import dev.integrations.AuthManager;
import dev.integrations.github.auth.GithubUserCredentials;
import dev.integrations.http.HttpTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("defect 16: credentials are only sent to the host they were issued for")
class HostBindingTest {
    private static final String USER_TOKEN = "gho_hostBindingUserToken16";
    private static final HttpTransport TRANSPORT = HttpTransport.create();

    /** The application's API host: where the user's token belongs. */
    private Recorder issuer;
    /** Another host a session override points at. */
    private Recorder other;

    @BeforeEach
    void startServers() throws IOException {
        issuer = new Recorder();
        other = new Recorder();
    }

    @AfterEach
    void stopServers() {
        issuer.server.stop(0);
        other.server.stop(0);
    }

    private AuthManager manager() {
        AuthManager auth = AuthManager.builder().environment(Map.of("GITHUB_BASE_URL", issuer.base())).build();
        auth.storeCredentials("github", "user-16", GithubUserCredentials.ofToken(USER_TOKEN));
        return auth;
    }

    @Test
    @DisplayName("defect 16: a session override of base_url to another host is refused before anything is sent")
    void defect16_sessionOverrideToAnotherHostIsRefused() {
        AuthManager auth = manager();

        try (Integrations session = auth.session(s -> s.subject("user-16")
                .override("github", Map.of("base_url", other.base())))) {
            assertThatThrownBy(() -> session.github().getAuthenticatedUser())
                    .isInstanceOf(UntrustedHostException.class)
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("127.0.0.1:" + other.port())
                    .hasMessageContaining("issued for http://127.0.0.1:" + issuer.port())
                    .hasMessageContaining("trusted_hosts=127.0.0.1:" + other.port())
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(USER_TOKEN));
        }
        assertThat(other.authorizations).as("nothing reached the other host, with or without a token").isEmpty();
        assertThat(issuer.authorizations).isEmpty();
    }

    @Test
    @DisplayName("defect 16: without an override the token goes to the issuing host")
    void defect16_issuingHostReceivesTheToken() {
        try (Integrations session = manager().session("user-16")) {
            assertThat(session.github().getAuthenticatedUser().login()).isEqualTo("octocat");
        }
        assertThat(issuer.authorizations).containsExactly("Bearer " + USER_TOKEN);
    }

    @Test
    @DisplayName("defect 16: with the explicit opt-in trusted_hosts the token is sent to the other host")
    void defect16_trustedHostsOptInSendsTheToken() {
        try (Integrations session = manager().session(s -> s.subject("user-16")
                .override("github", Map.of("base_url", other.base(), "trusted_hosts", "127.0.0.1:" + other.port())))) {
            assertThat(session.github().getAuthenticatedUser().login()).isEqualTo("octocat");
        }
        assertThat(other.authorizations).containsExactly("Bearer " + USER_TOKEN);

        AuthManager viaEnvironment = AuthManager.builder().environment(Map.of("GITHUB_BASE_URL", issuer.base(),
                "GITHUB_TRUSTED_HOSTS", "ghe.example.com, 127.0.0.1:" + other.port())).build();
        try (Integrations session = viaEnvironment.session(s -> s.withCredentials("github",
                        GithubUserCredentials.ofToken(USER_TOKEN)).override("github", Map.of("base_url", other.base())))) {
            session.github().getAuthenticatedUser();
        }
        assertThat(other.authorizations).hasSize(2);
    }

    @Test
    @DisplayName("defect 16: base_url set for the whole application (sessionSettings) is the issuing host")
    void defect16_applicationWideBaseUrlIsTrusted() {
        AuthManager auth = AuthManager.builder().environment(Map.of())
                .sessionSettings("github", Map.of("base_url", other.base())).build();
        auth.storeCredentials("github", "user-16", GithubUserCredentials.ofToken(USER_TOKEN));

        try (Integrations session = auth.session("user-16")) {
            session.github().getAuthenticatedUser();
        }
        assertThat(other.authorizations).containsExactly("Bearer " + USER_TOKEN);
    }

    @Test
    @DisplayName("defect 16: a new token given together with base_url belongs to that base_url")
    void defect16_explicitTokenWithBaseUrlIsSent() {
        try (Integrations session = manager().session(s -> s.subject("user-16")
                .override("github", Map.of("base_url", other.base(), "token", "ghp_forOtherHost")))) {
            session.github().getAuthenticatedUser();
        }
        assertThat(other.authorizations).containsExactly("Bearer ghp_forOtherHost");
    }

    @Test
    @DisplayName("defect 16: changing base_url on a provider or in a scope keeps the token bound to its host")
    void defect16_providerSettingsChangesKeepTheBinding() {
        GithubClient github = GithubClients.create(GithubSettings.fromMap(Map.of("base_url", issuer.base(),
                "token", USER_TOKEN, "max_retries", 0)), TRANSPORT);
        GithubClient moved = github.withSettings(Map.of("base_url", other.base()));

        assertThat(moved.settings().tokenOrigin()).isEqualTo(github.settings().tokenOrigin());
        assertThatThrownBy(moved::getAuthenticatedUser).isInstanceOf(UntrustedHostException.class);

        Integrations integrations = Integrations.builder().environment(Map.of()).transport(TRANSPORT).client(github).build();
        try (var scope = integrations.overrides(o -> o.merge("github", Map.of("base_url", other.base())))) {
            assertThatThrownBy(() -> integrations.github().getAuthenticatedUser()).isInstanceOf(UntrustedHostException.class);
        }
        assertThat(other.authorizations).isEmpty();
        assertThat(github.getAuthenticatedUser().login()).isEqualTo("octocat");
        assertThat(issuer.authorizations).containsExactly("Bearer " + USER_TOKEN);
    }

    @Test
    @DisplayName("defect 16: trusted_hosts accepts host, host:port and URLs, and refuses anything else")
    void defect16_trustedHostsParsing() {
        assertThat(GithubSettings.fromMap(Map.of("trusted_hosts", "GHE.example.com https://proxy.example.com:8443"))
                .trustedHosts()).containsExactly("ghe.example.com", "proxy.example.com:8443");
        assertThat(GithubSettings.fromMap(Map.of("trusted_hosts", List.of("a.example", "b.example:1"))).trustedHosts())
                .containsExactly("a.example", "b.example:1");
        assertThatThrownBy(() -> GithubSettings.fromMap(Map.of("trusted_hosts", "https://u:CANARYpw@x.example/path")))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("trusted_hosts")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("CANARYpw"));
    }

    /** A local API that answers {@code GET /user} and records the Authorization header of each request. */
    private static final class Recorder {
        final HttpServer server;
        final List<String> authorizations = new CopyOnWriteArrayList<>();

        Recorder() throws IOException {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
            server.createContext("/", exchange -> {
                authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
                byte[] body = "{\"login\":\"octocat\",\"id\":1}".getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            server.start();
        }

        int port() {
            return server.getAddress().getPort();
        }

        String base() {
            return "http://127.0.0.1:" + port();
        }
    }
}
