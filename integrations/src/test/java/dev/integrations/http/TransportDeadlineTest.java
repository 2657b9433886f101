package dev.integrations.http;

import dev.integrations.github.client.GithubClients;
import dev.integrations.AuthManager;
import dev.integrations.github.GithubClient;
import dev.integrations.github.GithubSettings;
import dev.integrations.testing.MisbehavingServer;
import dev.integrations.testing.MisbehavingServer.Mode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("defect 1: one deadline covers connect, headers and the whole body")
class TransportDeadlineTest {
    private static final HttpTransport TRANSPORT = HttpTransport.create();
    /** Generous for a loaded CI machine, far below "forever" (the defect blocked for 30 s and more). */
    private static final long MARGIN_MILLIS = 3_000;

    @ParameterizedTest(name = "{0}")
    @EnumSource(Mode.class)
    @DisplayName("defect 1: an API call against a server that stalls or trickles its body fails at the timeout")
    void defect1_apiCallFailsAtTheDeadline(Mode mode) throws Exception {
        try (MisbehavingServer server = MisbehavingServer.start(mode)) {
            GithubClient github = GithubClients.create(GithubSettings.fromMap(Map.of("base_url",
                    server.url().toString(), "token", "ghp_deadline", "timeout", "1s", "max_retries", 0)), TRANSPORT);

            long started = System.nanoTime();
            assertThatThrownBy(github::getAuthenticatedUser)
                    .isInstanceOf(TransportTimeoutException.class)
                    .hasMessageContaining("GET http://127.0.0.1:")
                    .hasMessageContaining("did not complete within PT1S")
                    .hasMessageContaining("GITHUB_TIMEOUT")
                    .satisfies(e -> assertThat(((TransportTimeoutException) e).timeout()).isEqualTo(Duration.ofSeconds(1)));
            long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

            assertThat(elapsed).isBetween(900L, 1_000 + MARGIN_MILLIS);
            assertThat(server.requestHeads()).hasSize(1);
            if (mode == Mode.TRICKLE) {
                assertThat(server.peerClosed().await(5, TimeUnit.SECONDS))
                        .as("the exchange is cancelled: the client closes the trickling connection").isTrue();
            }
        }
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(value = Mode.class, names = {"HEADERS_THEN_STALL", "TRICKLE"})
    @DisplayName("defect 1: a token exchange against a stalling or trickling token endpoint fails at GITHUB_TIMEOUT")
    void defect1_tokenExchangeFailsAtTheDeadline(Mode mode) throws Exception {
        try (MisbehavingServer server = MisbehavingServer.start(mode)) {
            AuthManager auth = AuthManager.builder().environment(Map.of(
                    "GITHUB_CLIENT_ID", "Iv1.deadline", "GITHUB_CLIENT_SECRET", "deadline-secret",
                    "GITHUB_TOKEN_URL", server.url() + "/login/oauth/access_token", "GITHUB_TIMEOUT", "1s")).build();

            long started = System.nanoTime();
            assertThatThrownBy(() -> auth.github().oauth2().exchange(e -> e.code("code-1").skipStateVerification()
                    .codeVerifier("v".repeat(43))))
                    .isInstanceOf(TransportTimeoutException.class)
                    .hasMessageContaining("POST http://127.0.0.1:")
                    .hasMessageContaining("/login/oauth/access_token")
                    .hasMessageContaining("GITHUB_TIMEOUT");
            long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

            assertThat(elapsed).isBetween(900L, 1_000 + MARGIN_MILLIS);
            assertThat(server.requestHeads()).singleElement().asString().startsWith("POST /login/oauth/access_token");
        }
    }

    @Test
    @DisplayName("defect 1: after a cancelled exchange the shared client still serves other requests")
    void defect1_sharedClientSurvivesACancelledExchange() throws Exception {
        try (MisbehavingServer stalling = MisbehavingServer.start(Mode.PARTIAL_BODY_THEN_STALL)) {
            HttpRequest stalled = HttpRequest.newBuilder(stalling.url().resolve("/x")).timeout(Duration.ofMillis(500)).build();
            // A limit above the declared length: a larger one is refused before the body is read.
            assertThatThrownBy(() -> TRANSPORT.send(stalled, 1 << 20)).isInstanceOf(TransportTimeoutException.class);
        }
        com.sun.net.httpserver.HttpServer ok = com.sun.net.httpserver.HttpServer.create(
                new java.net.InetSocketAddress(java.net.InetAddress.getByName("127.0.0.1"), 0), 0);
        ok.createContext("/", exchange -> {
            byte[] body = "fine".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        ok.start();
        try {
            HttpResult result = TRANSPORT.send(HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + ok.getAddress().getPort() + "/")).timeout(Duration.ofSeconds(5))
                    .build(), 1024);
            assertThat(result.bodyText()).isEqualTo("fine");
        } finally {
            ok.stop(0);
        }
    }
}
