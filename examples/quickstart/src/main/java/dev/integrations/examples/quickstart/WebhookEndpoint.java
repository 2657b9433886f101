package dev.integrations.examples.quickstart;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.integrations.github.webhooks.InMemoryWebhookDeliveryStore;
import dev.integrations.github.webhooks.WebhookEvent;
import dev.integrations.github.webhooks.WebhookReceiver;
import dev.integrations.github.webhooks.WebhookVerificationException;
import dev.integrations.github.webhooks.WebhookVerifier;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;

/**
 * A complete GitHub webhook endpoint on the JDK's HTTP server (docs/webhooks.md): verifies each
 * delivery's signature over the raw body, skips redeliveries, hands new events to the application
 * and answers within GitHub's 10 seconds. Run it with {@code GITHUB_WEBHOOK_SECRET} set and point
 * a webhook at {@code http://your-host:8080/github/webhooks}.
 */
public final class WebhookEndpoint implements AutoCloseable {
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final WebhookReceiver receiver;
    private final Consumer<WebhookEvent> application;

    private WebhookEndpoint(HttpServer server, WebhookReceiver receiver, Consumer<WebhookEvent> application) {
        this.server = server;
        this.receiver = receiver;
        this.application = application;
        server.createContext("/github/webhooks", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    public static void main(String[] args) {
        WebhookReceiver receiver = WebhookReceiver.of(WebhookVerifier.fromEnvironment(), InMemoryWebhookDeliveryStore.create());
        start(new InetSocketAddress(8080), receiver, event -> System.out.println("Received " + event));
    }

    /** Listens on {@code address}; {@code application} gets every new, verified event. */
    public static WebhookEndpoint start(InetSocketAddress address, WebhookReceiver receiver, Consumer<WebhookEvent> application) {
        try {
            return new WebhookEndpoint(HttpServer.create(address, 0), receiver, application);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot listen on " + address, e);
        }
    }

    /** Where GitHub should POST deliveries. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/github/webhooks");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("POST")) {
                exchange.sendResponseHeaders(405, -1);
                return;
            }
            try {
                // The raw bytes, bounded: verified before any parsing or re-encoding.
                byte[] body = receiver.verifier().readBody(exchange.getRequestBody());
                Optional<WebhookEvent> received = receiver.receive(exchange.getRequestHeaders(), body);
                if (received.isEmpty()) {
                    exchange.sendResponseHeaders(200, -1); // a redelivery of an event already processed
                    return;
                }
                process(received.get(), exchange);
            } catch (WebhookVerificationException e) {
                // Safe to log: messages never contain the secret or the signature.
                System.err.println("Refused a webhook delivery (" + e.reason() + "): " + e.getMessage());
                exchange.sendResponseHeaders(e.suggestedStatus(), -1);
            }
        }
    }

    private void process(WebhookEvent event, HttpExchange exchange) throws IOException {
        try {
            application.accept(event); // keep this short, or queue the event: GitHub waits 10 seconds at most
            exchange.sendResponseHeaders(204, -1);
        } catch (RuntimeException e) {
            receiver.forget(event); // so that a redelivery is processed again
            exchange.sendResponseHeaders(500, -1);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
