package dev.integrations.examples.quickstart;

import dev.integrations.github.sandbox.GithubSandbox;
import dev.integrations.github.sandbox.SandboxRepository;
import dev.integrations.github.sandbox.SandboxWebhookDelivery;
import dev.integrations.github.webhooks.InMemoryWebhookDeliveryStore;
import dev.integrations.github.webhooks.WebhookEvent;
import dev.integrations.github.webhooks.WebhookReceiver;
import dev.integrations.github.webhooks.WebhookVerifier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The webhook endpoint of docs/webhooks.md against the sandbox's signed deliveries, and a check
 * that the README's "Webhooks" snippet and the guide's code are this compiled file's code.
 */
@DisplayName("The documented webhook endpoint receives sandbox deliveries")
class WebhookEndpointTest {
    private static final String SECRET = "quickstart-webhook-secret";
    private static final Path SOURCE = Paths.get("src/main/java/dev/integrations/examples/quickstart/WebhookEndpoint.java");

    @Test
    @DisplayName("new events reach the application once; a failed one is processed again on redelivery")
    void endpointProcessesEachEventOnce() throws Exception {
        LinkedBlockingQueue<WebhookEvent> processed = new LinkedBlockingQueue<>();
        AtomicBoolean failNext = new AtomicBoolean(true);
        WebhookReceiver receiver = WebhookReceiver.of(WebhookVerifier.of(SECRET), InMemoryWebhookDeliveryStore.create());
        try (GithubSandbox sandbox = GithubSandbox.start();
             WebhookEndpoint endpoint = WebhookEndpoint.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), receiver,
                     event -> {
                         if (event.name().equals("issues") && failNext.getAndSet(false)) {
                             throw new IllegalStateException("the application failed once");
                         }
                         processed.add(event);
                     })) {
            SandboxRepository repository = sandbox.repositories(sandbox.defaultUser()).get(0);
            sandbox.webhooks().register(endpoint.url(), SECRET, o -> o.repository(repository).events("issues"));
            String token = sandbox.issueToken(sandbox.defaultUser(), "repo");
            HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create(sandbox.apiUrl() + "/repos/" + repository.fullName() + "/issues"))
                    .timeout(Duration.ofSeconds(10)).header("Authorization", "Bearer " + token)
                    .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"Hook\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(created.statusCode()).isEqualTo(201);

            assertThat(processed.poll(15, TimeUnit.SECONDS).name()).isEqualTo("ping");
            List<SandboxWebhookDelivery> attempts = sandbox.webhooks().awaitDeliveries(2, Duration.ofSeconds(15));
            SandboxWebhookDelivery failed = attempts.stream().filter(d -> d.event().equals("issues")).findFirst().orElseThrow();
            assertThat(failed.status()).isEqualTo(500);

            sandbox.webhooks().redeliver(failed.guid());
            WebhookEvent event = processed.poll(15, TimeUnit.SECONDS);
            assertThat(event.deliveryId()).isEqualTo(failed.guid());
            sandbox.webhooks().redeliver(failed.guid());
            assertThat(sandbox.webhooks().awaitDeliveries(4, Duration.ofSeconds(15)).stream()
                    .filter(SandboxWebhookDelivery::redelivery).map(SandboxWebhookDelivery::status))
                    .as("processed, then acknowledged as a duplicate").containsExactlyInAnyOrder(204, 200);
            assertThat(processed).isEmpty();
        }
    }

    @Test
    @DisplayName("the README's Webhooks snippet and docs/webhooks.md's code are lines of this compiled example")
    void documentedCodeIsCompiled() throws Exception {
        List<String> source = Files.readAllLines(SOURCE).stream().map(String::strip).collect(Collectors.toList());
        for (String[] doc : new String[][] {{"README.md", "## Webhooks"}, {"docs/webhooks.md", "## A complete endpoint"}}) {
            Matcher m = Pattern.compile(Pattern.quote(doc[1]) + ".*?```java\\n(.*?)```", Pattern.DOTALL)
                    .matcher(Files.readString(projectRoot().resolve(doc[0])));
            assertThat(m.find()).as("%s has a ```java block under '%s'", doc[0], doc[1]).isTrue();
            List<String> missing = m.group(1).lines().map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.equals("...") && !source.contains(line)).collect(Collectors.toList());
            assertThat(missing).as("lines of %s that WebhookEndpoint.java does not have", doc[0]).isEmpty();
        }
    }

    private static Path projectRoot() {
        Path path = Paths.get("").toAbsolutePath();
        while (path != null && !Files.exists(path.resolve("README.md"))) {
            path = path.getParent();
        }
        assertThat(path).isNotNull();
        return path;
    }
}
