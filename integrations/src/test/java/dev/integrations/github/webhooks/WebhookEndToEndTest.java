package dev.integrations.github.webhooks;

import dev.integrations.github.GithubClient;
import dev.integrations.github.GithubSettings;
import dev.integrations.github.client.GithubClients;
import dev.integrations.github.model.Issue;
import dev.integrations.github.sandbox.GithubSandbox;
import dev.integrations.github.sandbox.SandboxRepository;
import dev.integrations.github.sandbox.SandboxWebhook;
import dev.integrations.github.sandbox.SandboxWebhookDelivery;
import dev.integrations.github.webhooks.WebhookVerificationException.Reason;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static dev.integrations.github.webhooks.WebhookTestReceiver.WAIT;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SDK's verifier against the sandbox's real, signed deliveries: an issue created through the
 * SDK reaches a JDK HTTP server endpoint, verifies, and its redelivery is caught as a duplicate.
 */
@DisplayName("Webhooks end to end: sandbox deliveries verified by a JDK HttpServer endpoint")
class WebhookEndToEndTest {
    private static final String SECRET = "e2e-webhook-secret";

    private GithubSandbox sandbox;
    private GithubClient github;
    private SandboxRepository repository;
    private WebhookTestReceiver endpoint;

    @BeforeEach
    void start() {
        sandbox = GithubSandbox.start();
        github = GithubClients.create(GithubSettings.builder().baseUrl(sandbox.apiUrl())
                .token(sandbox.issueToken(sandbox.defaultUser(), "repo")).build(), dev.integrations.http.HttpTransport.create());
        repository = sandbox.repositories(sandbox.defaultUser()).get(0);
    }

    @AfterEach
    void stop() {
        if (endpoint != null) {
            endpoint.close();
        }
        sandbox.close();
    }

    private WebhookTestReceiver endpoint(WebhookVerifier verifier) {
        endpoint = new WebhookTestReceiver(WebhookReceiver.of(verifier, InMemoryWebhookDeliveryStore.create()));
        return endpoint;
    }

    private Issue createIssue(String title) {
        return github.createIssue(r -> r.owner(repository.owner().login()).repo(repository.name()).title(title));
    }

    @Test
    @DisplayName("createIssue through the SDK is delivered, verifies, and exposes event, delivery, hook and payload")
    void issueCreatedThroughTheSdkVerifies() throws Exception {
        WebhookTestReceiver endpoint = endpoint(WebhookVerifier.of(SECRET));
        SandboxWebhook hook = sandbox.webhooks().register(endpoint.url(), SECRET, o -> o.repository(repository).events("issues"));
        assertThat(endpoint.nextEvent("ping").hookId()).contains(String.valueOf(hook.id()));

        Issue issue = createIssue("Deliver me");
        WebhookEvent event = endpoint.nextEvent("issues");

        assertThat(event.action()).contains("opened");
        assertThat(event.hookId()).contains(String.valueOf(hook.id()));
        assertThat(event.installationTargetType()).contains("repository");
        assertThat(event.installationId()).isEmpty();
        assertThat(event.payload().path("issue").path("number").asInt()).isEqualTo(issue.number());
        assertThat(event.payload().path("repository").path("full_name").asText()).isEqualTo(repository.fullName());
        SandboxWebhookDelivery sent = sandbox.webhooks().awaitDeliveries(2, WAIT).stream()
                .filter(d -> d.event().equals("issues")).findFirst().orElseThrow();
        assertThat(sent.guid()).isEqualTo(event.deliveryId());
        assertThat(sent.status()).as("the endpoint answered 204").isEqualTo(204);
    }

    @Test
    @DisplayName("a redelivery keeps the delivery id and is caught as a duplicate, not processed twice")
    void redeliveryIsADuplicate() throws Exception {
        WebhookTestReceiver endpoint = endpoint(WebhookVerifier.of(SECRET));
        sandbox.webhooks().register(endpoint.url(), SECRET, o -> o.events("issues"));
        createIssue("Once only");
        WebhookEvent event = endpoint.nextEvent("issues");

        sandbox.webhooks().redeliver(event.deliveryId());
        assertThat(endpoint.nextDuplicate()).isEqualTo(event.deliveryId());
        List<SandboxWebhookDelivery> attempts = sandbox.webhooks().awaitDeliveries(3, WAIT);
        SandboxWebhookDelivery redelivery = attempts.stream().filter(SandboxWebhookDelivery::redelivery).findFirst().orElseThrow();
        assertThat(redelivery.guid()).isEqualTo(event.deliveryId());
        assertThat(redelivery.status()).as("a duplicate is acknowledged, so GitHub records success").isEqualTo(204);
        assertThat(endpoint.events()).as("nothing processed twice").isEmpty();
    }

    @Test
    @DisplayName("a delivery signed with a secret the endpoint does not know is refused with 401")
    void wrongSecretIsRefused() throws Exception {
        WebhookTestReceiver endpoint = endpoint(WebhookVerifier.of("not-the-webhook-secret"));
        sandbox.webhooks().register(endpoint.url(), SECRET);
        assertThat(endpoint.nextRejection().reason()).isEqualTo(Reason.SIGNATURE_MISMATCH);
        assertThat(sandbox.webhooks().awaitDeliveries(1, WAIT).get(0).status()).isEqualTo(401);
    }

    @Test
    @DisplayName("rotating the secret on the sandbox: both verify during the rotation, the old one is refused once retired")
    void secretRotation() throws Exception {
        dev.integrations.github.sandbox.SandboxClock clock =
                dev.integrations.github.sandbox.SandboxClock.frozenAt(Instant.parse("2026-12-01T00:00:00Z"));
        Instant retires = Instant.parse("2026-12-02T00:00:00Z");
        WebhookTestReceiver endpoint = endpoint(WebhookVerifier.create(b -> b.secret("new-secret").secret(SECRET, retires).clock(clock)));
        SandboxWebhook hook = sandbox.webhooks().register(endpoint.url(), SECRET, o -> o.events("issues"));
        createIssue("Old secret");
        assertThat(endpoint.nextEvent("issues").payload().path("issue").path("title").asText()).isEqualTo("Old secret");

        sandbox.webhooks().changeSecret(hook, "new-secret");
        createIssue("New secret");
        assertThat(endpoint.nextEvent("issues").payload().path("issue").path("title").asText()).isEqualTo("New secret");

        sandbox.webhooks().changeSecret(hook, SECRET);
        clock.set(retires);
        createIssue("Too late");
        assertThat(endpoint.nextRejection().reason()).isEqualTo(Reason.RETIRED_SECRET);
    }

    @Test
    @DisplayName("a GitHub App's delivery names its installation")
    void appDeliveryNamesTheInstallation() throws Exception {
        WebhookTestReceiver endpoint = endpoint(WebhookVerifier.of(SECRET));
        sandbox.webhooks().register(endpoint.url(), SECRET, o -> o.app(777, 4242).events("issues"));
        createIssue("From an app");
        WebhookEvent event = endpoint.nextEvent("issues");
        assertThat(event.installationId()).hasValue(4242);
        assertThat(event.installationTargetType()).contains("integration");
        assertThat(event.installationTargetId()).contains("777");
    }
}
