package dev.integrations.examples.quickstart;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Receives one OAuth redirect on {@code http://127.0.0.1:PORT/callback}, the way native apps do
 * (RFC 8252; GitHub accepts any port for a registered loopback callback).
 */
final class LoopbackCallback implements AutoCloseable {
    private final HttpServer server;
    private final CompletableFuture<URI> received = new CompletableFuture<>();

    private LoopbackCallback(HttpServer server) {
        this.server = server;
    }

    /** Listens on an ephemeral loopback port. */
    static LoopbackCallback start() throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        LoopbackCallback callback = new LoopbackCallback(server);
        server.createContext("/callback", callback::handle);
        server.start();
        return callback;
    }

    /** The redirect URI to register and send: {@code http://127.0.0.1:PORT/callback}. */
    URI redirectUri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/callback");
    }

    /** Waits for the browser to arrive; returns the full callback URI it arrived with. */
    URI await(Duration timeout) throws InterruptedException, TimeoutException {
        try {
            return received.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        URI uri = URI.create(redirectUri() + (exchange.getRequestURI().getRawQuery() == null ? ""
                : "?" + exchange.getRequestURI().getRawQuery()));
        byte[] page = ("<!doctype html><title>Connected</title><p>You can close this window and return to the terminal.</p>")
                .getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
        exchange.sendResponseHeaders(200, page.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(page);
        }
        received.complete(uri);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
