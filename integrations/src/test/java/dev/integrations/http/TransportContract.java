package dev.integrations.http;

import com.sun.net.httpserver.HttpServer;
import dev.integrations.AuthManager;
import dev.integrations.Integrations;
import dev.integrations.github.auth.GithubUserCredentials;
import dev.integrations.github.model.GithubUser;
import dev.integrations.github.sandbox.GithubSandbox;
import dev.integrations.github.sandbox.GithubSandboxExtension;
import dev.integrations.github.sandbox.SandboxUser;
import dev.integrations.testing.MisbehavingServer;
import dev.integrations.testing.MisbehavingServer.Mode;
import dev.integrations.testing.SandboxAuth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The contract every {@link TransportBackend} keeps (issue 12), run against each backend by a
 * subclass that supplies a transport on it: this module's {@code JdkTransportContractTest}, and
 * {@code OkHttpTransportContractTest} in {@code integrations-okhttp}, which gets this class from
 * the test-jar. Everything here goes over real loopback sockets.
 */
@ExtendWith(GithubSandboxExtension.class)
public abstract class TransportContract {
    /** Generous for a loaded CI machine, far below "forever". */
    private static final long MARGIN_MILLIS = 3_000;
    private static final String CANARY = "ghp_CANARYtransportContract0123456789ab";

    private HttpServer server;
    private URI base;
    private final List<Map<String, List<String>>> receivedHeaders = new CopyOnWriteArrayList<>();
    private final List<String> receivedBodies = new CopyOnWriteArrayList<>();
    private final List<String> receivedMethods = new CopyOnWriteArrayList<>();

    /**
     * A transport on the backend under test, with the SDK's default deadlines.
     *
     * @return the transport (shared by the tests of one class is fine)
     */
    protected abstract HttpTransport transport();

    @BeforeEach
    void startServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/echo", exchange -> {
            receivedMethods.add(exchange.getRequestMethod());
            receivedHeaders.add(Map.copyOf(exchange.getRequestHeaders()));
            receivedBodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] body = "{\"ok\":true,\"text\":\"h\u00e9llo\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            exchange.getResponseHeaders().add("X-Multi", "one");
            exchange.getResponseHeaders().add("X-Multi", "two");
            exchange.getResponseHeaders().add("ETag", "\"abc\"");
            exchange.sendResponseHeaders(201, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.createContext("/empty", exchange -> {
            receivedMethods.add(exchange.getRequestMethod());
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.createContext("/redirect", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.getResponseHeaders().add("Location", "/echo");
            exchange.sendResponseHeaders(302, -1);
            exchange.close();
        });
        server.createContext("/sized/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String[] parts = exchange.getRequestURI().getPath().split("/");
            int size = Integer.parseInt(parts[2]);
            boolean chunked = parts.length > 3 && parts[3].equals("chunked");
            byte[] body = "x".repeat(size).getBytes(StandardCharsets.US_ASCII);
            exchange.sendResponseHeaders(200, chunked ? 0 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            } catch (IOException e) {
                // The client may hang up once it has seen enough: that is the point of the limit.
            }
        });
        server.start();
        base = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @AfterEach
    void stopServer() {
        server.stop(0);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(10));
    }

    @Test
    @DisplayName("issue 12: status, repeated headers and the body arrive as the server sent them; request headers go out")
    void statusHeadersAndBodyArriveIntact() {
        HttpResult result = transport().send(request("/echo").header("X-Custom", "value-1").GET().build(), 1024);

        assertThat(result.status()).isEqualTo(201);
        assertThat(result.header("content-type")).contains("application/json; charset=utf-8");
        assertThat(result.header("ETAG")).contains("\"abc\"");
        assertThat(result.headers().allValues("x-multi")).containsExactly("one", "two");
        assertThat(result.bodyText()).isEqualTo("{\"ok\":true,\"text\":\"h\u00e9llo\"}");
        assertThat(result.request().uri()).isEqualTo(base.resolve("/echo"));
        assertThat(receivedHeaders.get(0).get("X-custom")).containsExactly("value-1");
    }

    @Test
    @DisplayName("issue 12: a POST carries its body and Content-Type; a bodiless PUT and a DELETE go out with their method")
    void requestBodiesAndMethodsGoOutUnchanged() {
        transport().send(request("/echo").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"\u00fcber\"}")).build(), 1024);
        HttpResult put = transport().send(request("/empty").PUT(HttpRequest.BodyPublishers.noBody()).build(), 1024);
        HttpResult delete = transport().send(request("/empty").DELETE().build(), 1024);

        assertThat(receivedBodies.get(0)).isEqualTo("{\"title\":\"\u00fcber\"}");
        assertThat(receivedHeaders.get(0).get("Content-type")).containsExactly("application/json");
        assertThat(receivedMethods).containsExactly("POST", "PUT", "DELETE");
        assertThat(put.status()).isEqualTo(204);
        assertThat(put.bodyLength()).isZero();
        assertThat(delete.status()).isEqualTo(204);
    }

    @Test
    @DisplayName("issue 12: a redirect is returned as it is, never followed by the backend")
    void redirectsAreNotFollowed() {
        HttpResult result = transport().send(request("/redirect").header("Authorization", "Bearer " + CANARY).build(), 1024);

        assertThat(result.status()).isEqualTo(302);
        assertThat(result.header("location")).contains("/echo");
        assertThat(receivedMethods).as("the redirect target was never requested").isEmpty();
    }

    @Test
    @DisplayName("issue 12: plain http is HTTP/1.1 without Upgrade: h2c or HTTP2-Settings, even for a request that sets no version")
    void plainHttpNeverOffersTheH2cUpgrade() {
        transport().send(request("/echo").GET().build(), 1024);
        transport().send(request("/echo").POST(HttpRequest.BodyPublishers.ofString("{}")).build(), 1024);

        for (Map<String, List<String>> headers : receivedHeaders) {
            assertThat(headers.keySet().stream().map(name -> name.toLowerCase(Locale.ROOT)))
                    .doesNotContain("upgrade", "http2-settings");
            assertThat(String.join(",", headers.getOrDefault("Connection", List.of())).toLowerCase(Locale.ROOT))
                    .doesNotContain("upgrade");
        }
    }

    @Test
    @DisplayName("issue 12: a body up to the limit is read; one byte more, with or without Content-Length, is refused")
    void bodiesAreBoundedByTheLimit() {
        assertThat(transport().send(request("/sized/1024").build(), 1024).bodyLength()).isEqualTo(1024);
        assertThat(transport().send(request("/sized/1024/chunked").build(), 1024).bodyLength()).isEqualTo(1024);

        assertThatThrownBy(() -> transport().send(request("/sized/1025").build(), 1024))
                .isInstanceOf(ResponseTooLargeException.class)
                .hasMessageContaining("larger than 1024 bytes");
        // A body refused by its declared length is never read: its connection must not serve the next call.
        assertThat(transport().send(request("/sized/10").build(), 1024).bodyText()).isEqualTo("x".repeat(10));
        assertThatThrownBy(() -> transport().send(request("/sized/300000/chunked").build(), 1024))
                .isInstanceOf(ResponseTooLargeException.class);
        // The transport still works after refusing a body.
        assertThat(transport().send(request("/sized/10").build(), 1024).bodyText()).isEqualTo("x".repeat(10));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(Mode.class)
    @DisplayName("issue 12: one deadline covers the headers and the whole body: a stalled or trickling body fails at it")
    void stalledOrTricklingBodiesFailAtTheDeadline(Mode mode) throws Exception {
        try (MisbehavingServer stalling = MisbehavingServer.start(mode)) {
            HttpRequest stalled = HttpRequest.newBuilder(stalling.url().resolve("/x")).timeout(Duration.ofSeconds(1)).build();

            long started = System.nanoTime();
            assertThatThrownBy(() -> transport().send(stalled, 1 << 20))
                    .isInstanceOf(TransportTimeoutException.class)
                    .hasMessageContaining("GET http://127.0.0.1:")
                    .hasMessageContaining("did not complete within PT1S")
                    .satisfies(e -> assertThat(((TransportTimeoutException) e).timeout()).isEqualTo(Duration.ofSeconds(1)));
            long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

            assertThat(elapsed).isBetween(900L, 1_000 + MARGIN_MILLIS);
            assertThat(stalling.requestHeads()).hasSize(1);
            if (mode == Mode.TRICKLE) {
                assertThat(stalling.peerClosed().await(5, TimeUnit.SECONDS))
                        .as("the exchange is abandoned: the client closes the trickling connection").isTrue();
            }
        }
        // The shared client still serves other requests after an abandoned exchange.
        assertThat(transport().send(request("/echo").build(), 1024).status()).isEqualTo(201);
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(StallingPeer.Silence.class)
    @DisplayName("issue 12: a timed-out exchange closes its connection, whatever phase the server went silent in, and leaves"
            + " the caller's interrupt status as it was")
    void timedOutExchangesCloseTheirConnection(StallingPeer.Silence silence) throws Exception {
        try (StallingPeer peer = StallingPeer.start(silence)) {
            HttpRequest request = HttpRequest.newBuilder(peer.url()).timeout(Duration.ofSeconds(1)).build();

            long started = System.nanoTime();
            assertThatThrownBy(() -> transport().send(request, 1 << 20))
                    .isInstanceOf(TransportTimeoutException.class)
                    .hasMessageContaining("did not complete within PT1S");
            long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

            assertThat(elapsed).isBetween(900L, 1_000 + MARGIN_MILLIS);
            // The JDK backend ends such an exchange by interrupting the waiting caller: that
            // interrupt must be cleared before the call returns, and never arrive after it.
            assertThat(Thread.currentThread().isInterrupted()).as("interrupt status after the timeout").isFalse();
            assertThat(peer.clientClosed().await(5, TimeUnit.SECONDS))
                    .as("the client closed the silent connection instead of pooling it or leaving it open").isTrue();
            assertThat(Thread.interrupted()).as("interrupted after the call returned").isFalse();
            assertThat(peer.connections()).as("the exchange was not repeated on another connection").isOne();
        }
    }

    @Test
    @DisplayName("issue 12: headers that arrive late leave the body only the rest of the deadline, not a deadline of its own")
    void lateHeadersLeaveTheBodyTheRestOfTheDeadline() throws Exception {
        StallingPeer.Script lateHeadersThenTrickle = out -> {
            Thread.sleep(1_500);
            StallingPeer.headers(out, 1000);
            StallingPeer.trickle(out, 100);
        };
        try (StallingPeer peer = StallingPeer.start(lateHeadersThenTrickle)) {
            HttpRequest request = HttpRequest.newBuilder(peer.url()).timeout(Duration.ofSeconds(2)).build();

            long started = System.nanoTime();
            assertThatThrownBy(() -> transport().send(request, 1 << 20))
                    .isInstanceOf(TransportTimeoutException.class)
                    .hasMessageContaining("did not complete within PT2S");
            long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

            // A fresh deadline for the body would end 1.5 s + 2 s after the start.
            assertThat(elapsed).isBetween(1_900L, 3_200L);
            assertThat(peer.clientClosed().await(5, TimeUnit.SECONDS))
                    .as("the client closed the trickling connection").isTrue();
        }
    }

    @ParameterizedTest(name = "request timeout: {0}")
    @ValueSource(strings = {"none", "PT30S"})
    @Timeout(30) // a backend that ignores the deadline here would wait forever
    @DisplayName("issue 12: the backend's deadline bounds a request that has no timeout of its own, or a longer one")
    void theDeadlineBoundsRequestsWithoutAShorterTimeout(String timeout) throws Exception {
        try (StallingPeer peer = StallingPeer.start(StallingPeer.Silence.BEFORE_HEADERS)) {
            HttpRequest.Builder request = HttpRequest.newBuilder(peer.url());
            if (!timeout.equals("none")) {
                request.timeout(Duration.parse(timeout));
            }

            long started = System.nanoTime();
            assertThatThrownBy(() -> transport().backend().exchange(request.build(), Duration.ofSeconds(1), 1 << 20))
                    .isInstanceOf(TransportTimeoutException.class)
                    .satisfies(e -> assertThat(((TransportTimeoutException) e).timeout()).isEqualTo(Duration.ofSeconds(1)));
            long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

            assertThat(elapsed).isBetween(900L, 1_000 + MARGIN_MILLIS);
            assertThat(peer.clientClosed().await(5, TimeUnit.SECONDS)).isTrue();
        }
    }

    @Test
    @DisplayName("issue 12: the deadline bounds connecting too, when it is shorter than the client's connect timeout")
    void theDeadlineBoundsConnecting() throws Exception {
        List<Socket> queued = new ArrayList<>();
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            // Never accepting, with a backlog of one: once the queue is full, the OS ignores further
            // connection attempts (Linux does; some systems refuse them instead).
            boolean ignored = false;
            for (int i = 0; i < 10 && !ignored; i++) {
                Socket socket = new Socket();
                queued.add(socket);
                try {
                    socket.connect(full.getLocalSocketAddress(), 300);
                } catch (SocketTimeoutException e) {
                    ignored = true;
                } catch (IOException e) {
                    break;
                }
            }
            assumeTrue(ignored, "this OS refuses connections past a full backlog instead of ignoring them");
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + full.getLocalPort() + "/user"))
                    .timeout(Duration.ofSeconds(1)).build();

            long started = System.nanoTime();
            assertThatThrownBy(() -> transport().send(request, 1024))
                    .isInstanceOf(TransportTimeoutException.class)
                    .hasMessageContaining("GET http://127.0.0.1:" + full.getLocalPort() + "/user")
                    .satisfies(e -> assertThat(((TransportTimeoutException) e).timeout()).isEqualTo(Duration.ofSeconds(1)));
            long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

            assertThat(elapsed).as("the client's own connect timeout is 10 s").isBetween(900L, 1_000 + MARGIN_MILLIS);
        } finally {
            for (Socket socket : queued) {
                socket.close();
            }
        }
    }

    @Test
    @DisplayName("issue 12: a body cut short by the server is a TransportException, never a short body or a timeout")
    void bodiesCutShortFail() throws Exception {
        StallingPeer.Script cutShort = out -> {
            StallingPeer.headers(out, 1000);
            out.write("{\"login\":\"".getBytes(StandardCharsets.US_ASCII));
            out.close(); // closes the connection
        };
        try (StallingPeer peer = StallingPeer.start(cutShort)) {
            HttpRequest request = HttpRequest.newBuilder(peer.url()).timeout(Duration.ofSeconds(5)).build();

            long started = System.nanoTime();
            assertThatThrownBy(() -> transport().send(request, 1 << 20))
                    .isInstanceOf(TransportException.class)
                    .isNotInstanceOf(TransportTimeoutException.class)
                    .hasMessageContaining("GET http://127.0.0.1:")
                    .hasMessageContaining("/user failed: ");
            assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)).isLessThan(MARGIN_MILLIS);
        }
    }

    @Test
    @DisplayName("issue 12: an interrupted caller gets a TransportException no later than the deadline and keeps its interrupt status")
    void interruptedCallersStopWithATransportException() throws Exception {
        try (MisbehavingServer stalling = MisbehavingServer.start(Mode.HEADERS_THEN_STALL)) {
            HttpRequest stalled = HttpRequest.newBuilder(stalling.url().resolve("/x")).timeout(Duration.ofSeconds(2)).build();
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
            Thread caller = new Thread(() -> {
                try {
                    transport().send(stalled, 1 << 20);
                } catch (Throwable e) {
                    thrown.set(e);
                }
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            });
            long started = System.nanoTime();
            caller.start();
            Thread.sleep(300); // let the request reach the server: there is no hook inside the backend to wait on
            caller.interrupt();
            caller.join(2_000 + MARGIN_MILLIS);
            long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

            assertThat(caller.isAlive()).isFalse();
            assertThat(thrown.get()).isInstanceOf(TransportException.class);
            assertThat(stillInterrupted.get()).as("interrupt status after %s", thrown.get()).isTrue();
            assertThat(elapsed).isLessThan(2_000 + MARGIN_MILLIS);
        }
    }

    @Test
    @DisplayName("issue 12: a caller interrupted before sending gets a TransportException and keeps its interrupt status")
    void alreadyInterruptedCallersStop() {
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> transport().send(request("/echo").build(), 1024)).isInstanceOf(TransportException.class);
            assertThat(Thread.currentThread().isInterrupted()).isTrue();
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    @DisplayName("issue 12: failures name method, host, port and path, never the token, the query or userinfo")
    void failureMessagesCarryNoSecrets() throws Exception {
        int closedPort;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = probe.getLocalPort();
        }
        HttpRequest refused = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + closedPort + "/user?access_token=" + CANARY))
                .timeout(Duration.ofSeconds(5)).header("Authorization", "Bearer " + CANARY).build();
        assertThatThrownBy(() -> transport().send(refused, 1024))
                .isInstanceOf(TransportException.class)
                .isNotInstanceOf(TransportTimeoutException.class)
                .hasMessageContaining("GET http://127.0.0.1:" + closedPort + "/user")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain(CANARY));

        try (MisbehavingServer stalling = MisbehavingServer.start(Mode.HEADERS_THEN_STALL)) {
            HttpRequest stalled = HttpRequest.newBuilder(URI.create(stalling.url() + "/user?access_token=" + CANARY))
                    .timeout(Duration.ofMillis(500)).header("Authorization", "Bearer " + CANARY).build();
            assertThatThrownBy(() -> transport().send(stalled, 1 << 20))
                    .isInstanceOf(TransportTimeoutException.class)
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain(CANARY));
        }
    }

    @Test
    @DisplayName("issue 12: the whole SDK path works on this backend: a session's getAuthenticatedUser() against the sandbox")
    void sessionsWorkEndToEndOnTheBackend(GithubSandbox sandbox) {
        SandboxUser alice = sandbox.registerUser("alice", "Alice Liddell", "alice@example.com");
        String token = sandbox.issueToken(alice, "repo");
        AuthManager auth = SandboxAuth.builder(sandbox).transport(transport())
                .provider("github", Map.of("redirect_uri", SandboxAuth.REDIRECT_URI)).build();
        auth.storeCredentials("github", "user-1", GithubUserCredentials.ofToken(token));

        try (Integrations session = auth.session("user-1")) {
            GithubUser me = session.github().getAuthenticatedUser();
            assertThat(me.login()).isEqualTo("alice");
            assertThat(me.name()).isEqualTo("Alice Liddell");
        }
        assertThat(auth.transport().backend()).isSameAs(transport().backend());
        assertThat(sandbox.requests("/user").get(0).header("Authorization")).isEqualTo("Bearer " + token);
    }
}
