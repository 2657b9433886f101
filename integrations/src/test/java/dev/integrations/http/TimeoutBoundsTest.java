package dev.integrations.http;

import dev.integrations.github.client.GithubClients;
import com.sun.net.httpserver.HttpServer;
import dev.integrations.core.ConfigurationException;
import dev.integrations.core.IntegrationsException;
import dev.integrations.AuthManager;
import dev.integrations.github.GithubClient;
import dev.integrations.github.GithubSettings;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("defect 7: timeouts are bounded, so a huge one cannot kill the shared client")
class TimeoutBoundsTest {
    private static final HttpTransport TRANSPORT = HttpTransport.create();
    private final AtomicInteger served = new AtomicInteger();
    private HttpServer server;
    private URI base;

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
        server.createContext("/", exchange -> {
            served.incrementAndGet();
            byte[] body = "{\"login\":\"octocat\",\"id\":1}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"9223372036854775807ms", "1e16", "10000000000000000s", "PT2H", "3601s", "0", "-5s"})
    @DisplayName("defect 7: a huge, zero or negative timeout in settings is a ConfigurationException naming the setting")
    void defect7_settingsRejectOutOfRangeTimeouts(String timeout) {
        assertThatThrownBy(() -> GithubSettings.fromMap(Map.of("timeout", timeout)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("GitHub timeout")
                .hasMessageContaining("GITHUB_TIMEOUT");
        assertThatThrownBy(() -> GithubSettings.fromEnvironment(Map.of("GITHUB_TIMEOUT", timeout)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("GITHUB_TIMEOUT");
        assertThatThrownBy(() -> GithubSettings.defaults().withChanges(Map.of("timeout", timeout)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("GitHub timeout");
    }

    @Test
    @DisplayName("defect 7: the maximum is one hour and is accepted; builder and constructor enforce it too")
    void defect7_builderAndConstructorEnforceTheBound() {
        assertThat(GithubSettings.fromMap(Map.of("timeout", "60m")).timeout())
                .isEqualTo(HttpTransport.MAX_TIMEOUT);
        assertThat(HttpTransport.MAX_TIMEOUT).isEqualTo(Duration.ofHours(1));
        assertThatThrownBy(() -> GithubSettings.builder().timeout(Duration.ofSeconds(Long.MAX_VALUE)))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("at most PT1H");
        assertThatThrownBy(() -> GithubSettings.builder().timeout(Duration.ofDays(365)).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("GitHub timeout");
    }

    @Test
    @DisplayName("defect 7: a huge GITHUB_TIMEOUT fails when the AuthManager is built, not at the first token exchange")
    void defect7_authManagerRejectsHugeEnvironmentTimeout() {
        assertThatThrownBy(() -> AuthManager.builder().environment(Map.of("GITHUB_CLIENT_ID", "Iv1.x",
                "GITHUB_TIMEOUT", "9223372036854775807ms")).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("GITHUB_TIMEOUT");
    }

    @Test
    @DisplayName("defect 7: a request with a huge timeout is refused before the shared client sees it; the client keeps working")
    void defect7_hugeRequestTimeoutIsRefusedAndTheSharedClientSurvives() {
        HttpRequest huge = HttpRequest.newBuilder(base.resolve("/user"))
                .timeout(Duration.ofSeconds(10_000_000_000_000_000L)).build();

        assertThatThrownBy(() -> TRANSPORT.send(huge, 1024))
                .isInstanceOf(IntegrationsException.class)
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("above the maximum of PT1H");
        assertThat(served).hasValue(0);

        GithubClient github = GithubClients.create(GithubSettings.fromMap(Map.of("base_url", base.toString(),
                "timeout", "5s")), TRANSPORT);
        assertThat(github.getAuthenticatedUser().login()).isEqualTo("octocat");
        assertThat(TRANSPORT.send(HttpRequest.newBuilder(base.resolve("/user")).timeout(Duration.ofSeconds(5)).build(), 1024)
                .status()).isEqualTo(200);
    }
}
