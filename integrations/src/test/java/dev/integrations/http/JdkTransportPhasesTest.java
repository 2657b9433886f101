package dev.integrations.http;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JDK backend's exchange has two phases with two different bounds: the client's request
 * timeout until the headers, then the {@link DeadlineWatchdog} for the body. An interrupt must stop
 * the wait in either phase at once (the JDK client's waits are interruptible, unlike a blocking
 * socket read) and close the connection, and a completed exchange must hand its connection back to
 * the pool. (That a timeout leaves no interrupt behind is in {@link TransportContract}.)
 */
@DisplayName("issue 12: the JDK transport's two phases, up to the headers and then the body: interrupts stop either at once")
class JdkTransportPhasesTest {
    private static final HttpTransport TRANSPORT = HttpTransport.create();
    private static final long MARGIN_MILLIS = 3_000;

    @ParameterizedTest(name = "{0}")
    @EnumSource(StallingPeer.Silence.class)
    @DisplayName("issue 12: an interrupt while waiting for headers or body ends the call long before the deadline and closes the connection")
    void interruptsEndTheExchangeAtOnce(StallingPeer.Silence silence) throws Exception {
        try (StallingPeer peer = StallingPeer.start(silence)) {
            HttpRequest request = HttpRequest.newBuilder(peer.url()).timeout(Duration.ofSeconds(30)).build();
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            AtomicReference<Boolean> stillInterrupted = new AtomicReference<>();
            Thread caller = new Thread(() -> {
                try {
                    TRANSPORT.send(request, 1 << 20);
                } catch (Throwable e) {
                    thrown.set(e);
                }
                stillInterrupted.set(Thread.currentThread().isInterrupted());
            });
            caller.start();
            assertThat(peer.requestReceived().await(5, TimeUnit.SECONDS)).isTrue();
            Thread.sleep(200); // let the headers, if any, reach the client: there is no hook inside the backend

            long interrupted = System.nanoTime();
            caller.interrupt();
            caller.join(30_000);
            long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - interrupted);

            assertThat(caller.isAlive()).isFalse();
            assertThat(thrown.get()).isInstanceOf(TransportException.class)
                    .isNotInstanceOf(TransportTimeoutException.class)
                    .hasMessageEndingWith("/user was interrupted");
            assertThat(stillInterrupted.get()).as("interrupt status after %s", thrown.get()).isTrue();
            assertThat(elapsed).as("the deadline is 30 s").isLessThan(MARGIN_MILLIS);
            assertThat(peer.clientClosed().await(5, TimeUnit.SECONDS))
                    .as("the abandoned exchange's connection is closed, not pooled").isTrue();
        }
    }

    @Test
    @DisplayName("issue 12: a completed exchange hands its connection back for the next one")
    void completedExchangesReuseTheirConnection() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        Set<Integer> clientPorts = ConcurrentHashMap.newKeySet();
        server.createContext("/", exchange -> {
            clientPorts.add(exchange.getRemoteAddress().getPort());
            exchange.getRequestBody().readAllBytes();
            byte[] body = "{\"login\":\"octocat\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
        server.start();
        try {
            HttpTransport transport = HttpTransport.create();
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + server.getAddress().getPort() + "/user")).timeout(Duration.ofSeconds(5)).build();
            for (int i = 0; i < 20; i++) {
                assertThat(transport.send(request, 1024).bodyText()).isEqualTo("{\"login\":\"octocat\"}");
            }

            assertThat(clientPorts).as("twenty exchanges in a row share one connection").hasSize(1);
        } finally {
            server.stop(0);
        }
    }
}
