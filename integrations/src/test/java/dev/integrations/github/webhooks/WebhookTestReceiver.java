package dev.integrations.github.webhooks;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A webhook endpoint on the JDK's HTTP server, written as docs/webhooks.md tells applications to:
 * read the body bounded, verify and deduplicate with a {@link WebhookReceiver}, answer 2xx fast.
 * What it received goes to queues that tests read with a deadline (no sleeps).
 */
public final class WebhookTestReceiver implements AutoCloseable {
    public static final Duration WAIT = Duration.ofSeconds(15);

    private final HttpServer server;
    private final BlockingQueue<WebhookEvent> events = new LinkedBlockingQueue<>();
    private final BlockingQueue<String> duplicates = new LinkedBlockingQueue<>();
    private final BlockingQueue<WebhookVerificationException> rejections = new LinkedBlockingQueue<>();

    public WebhookTestReceiver(WebhookReceiver receiver) {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/github/webhooks", exchange -> {
            try (exchange) {
                try {
                    byte[] body = receiver.verifier().readBody(exchange.getRequestBody());
                    Optional<WebhookEvent> event = receiver.receive(exchange.getRequestHeaders(), body);
                    if (event.isPresent()) {
                        events.add(event.get());
                    } else {
                        duplicates.add(exchange.getRequestHeaders().getFirst("X-GitHub-Delivery"));
                    }
                    exchange.sendResponseHeaders(204, -1);
                } catch (WebhookVerificationException e) {
                    rejections.add(e);
                    exchange.sendResponseHeaders(e.suggestedStatus(), -1);
                }
            }
        });
        server.start();
    }

    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/github/webhooks");
    }

    /** The next verified, new event named {@code name}; others (the registration's ping) are skipped. */
    public WebhookEvent nextEvent(String name) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            WebhookEvent event = events.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
            if (event == null) {
                throw new AssertionError("No " + name + " delivery within " + WAIT);
            }
            if (event.name().equals(name)) {
                return event;
            }
        }
    }

    /** The delivery id of the next delivery found to be a duplicate. */
    public String nextDuplicate() throws InterruptedException {
        String id = duplicates.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        if (id == null) {
            throw new AssertionError("No duplicate delivery within " + WAIT);
        }
        return id;
    }

    /** The next delivery refused by the verifier. */
    public WebhookVerificationException nextRejection() throws InterruptedException {
        WebhookVerificationException e = rejections.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        if (e == null) {
            throw new AssertionError("No rejected delivery within " + WAIT);
        }
        return e;
    }

    public BlockingQueue<WebhookEvent> events() {
        return events;
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
