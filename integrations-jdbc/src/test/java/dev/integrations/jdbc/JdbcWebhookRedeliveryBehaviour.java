package dev.integrations.jdbc;

import dev.integrations.github.GithubClient;
import dev.integrations.github.GithubSettings;
import dev.integrations.github.client.GithubClients;
import dev.integrations.github.sandbox.GithubSandbox;
import dev.integrations.github.sandbox.SandboxRepository;
import dev.integrations.github.sandbox.SandboxWebhookDelivery;
import dev.integrations.github.webhooks.WebhookEvent;
import dev.integrations.github.webhooks.WebhookReceiver;
import dev.integrations.github.webhooks.WebhookTestReceiver;
import dev.integrations.github.webhooks.WebhookVerifier;
import dev.integrations.http.HttpTransport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static dev.integrations.github.webhooks.WebhookTestReceiver.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sandbox deliveries through a {@link WebhookReceiver} backed by {@link JdbcWebhookDeliveryStore}:
 * a redelivery is a duplicate, also on another instance (another pool, another store object) that
 * shares the database. Each database's test class supplies {@link #db()}.
 */
abstract class JdbcWebhookRedeliveryBehaviour {
    private static final String SECRET = "jdbc-webhook-secret";

    abstract TestDatabase db();

    private GithubSandbox sandbox;
    private WebhookTestReceiver endpoint;

    @BeforeEach
    void start() {
        sandbox = GithubSandbox.start();
    }

    @AfterEach
    void stop() {
        if (endpoint != null) {
            endpoint.close();
        }
        sandbox.close();
    }

    private WebhookReceiver instance() {
        return WebhookReceiver.of(WebhookVerifier.of(SECRET),
                JdbcWebhookDeliveryStore.builder(db().newPool()).tablePrefix(db().prefix()).build());
    }

    @Test
    @DisplayName("a redelivered sandbox delivery is a duplicate, on this instance and on another sharing the database")
    void redeliveryIsADuplicateAcrossInstances() throws Exception {
        endpoint = new WebhookTestReceiver(instance());
        SandboxRepository repository = sandbox.repositories(sandbox.defaultUser()).get(0);
        sandbox.webhooks().register(endpoint.url(), SECRET, o -> o.repository(repository).events("issues"));
        GithubClient github = GithubClients.create(GithubSettings.builder().baseUrl(sandbox.apiUrl())
                .token(sandbox.issueToken(sandbox.defaultUser(), "repo")).build(), HttpTransport.create());
        github.createIssue(r -> r.owner(repository.owner().login()).repo(repository.name()).title("Stored once"));
        WebhookEvent event = endpoint.nextEvent("issues");

        sandbox.webhooks().redeliver(event.deliveryId());
        assertThat(endpoint.nextDuplicate()).isEqualTo(event.deliveryId());

        SandboxWebhookDelivery sent = sandbox.webhooks().awaitDeliveries(2, WAIT).stream()
                .filter(d -> d.guid().equals(event.deliveryId())).findFirst().orElseThrow();
        WebhookReceiver otherInstance = instance();
        assertThat(otherInstance.receive(sent.headers(), sent.body())).as("seen by the first instance").isEmpty();
        assertThat(otherInstance.forget(event)).isTrue();
        assertThat(otherInstance.receive(sent.headers(), sent.body())).as("forgotten, so processed again").isPresent();
    }
}
