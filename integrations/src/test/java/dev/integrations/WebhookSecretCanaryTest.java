package dev.integrations;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import dev.integrations.github.sandbox.GithubSandbox;
import dev.integrations.github.sandbox.SandboxClock;
import dev.integrations.github.sandbox.SandboxWebhook;
import dev.integrations.github.webhooks.InMemoryWebhookDeliveryStore;
import dev.integrations.github.webhooks.WebhookEvent;
import dev.integrations.github.webhooks.WebhookReceiver;
import dev.integrations.github.webhooks.WebhookTestReceiver;
import dev.integrations.github.webhooks.WebhookVerificationException;
import dev.integrations.github.webhooks.WebhookVerifier;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Plants canary webhook secrets and runs every webhook path, successful and failing, with logging
 * at TRACE: neither a secret nor a signature (SHA-256 or SHA-1, hex in any case) may appear in a
 * log line, an exception message or a {@code toString()}.
 */
@DisplayName("Webhook secrets and signatures never reach logs, exception messages or toString()")
class WebhookSecretCanaryTest {
    private static final String CANARY_SECRET = "CANARYwebhook0000000000000000000000000003";
    private static final String CANARY_OLD_SECRET = "CANARYwebhookOLD00000000000000000000000004";

    @RegisterExtension
    final SdkLogCapture logs = new SdkLogCapture();
    private final List<String> canaries = new ArrayList<>(List.of(CANARY_SECRET, CANARY_OLD_SECRET));
    private final List<String> observed = new ArrayList<>();


    @Test
    void noWebhookPathLeaksASecretOrSignature() throws Exception {
        SandboxClock clock = SandboxClock.frozenAt(Instant.parse("2026-12-01T00:00:00Z"));
        WebhookVerifier verifier = WebhookVerifier.builder().clock(clock)
                .environment(Map.of("GITHUB_WEBHOOK_SECRET", CANARY_SECRET, "GITHUB_WEBHOOK_SECRET_PREVIOUS", CANARY_OLD_SECRET,
                        "GITHUB_WEBHOOK_SECRET_PREVIOUS_RETIRES_AT", "2026-12-01T01:00:00Z")).build();
        InMemoryWebhookDeliveryStore store = InMemoryWebhookDeliveryStore.create();
        WebhookReceiver receiver = WebhookReceiver.of(verifier, store, clock);
        byte[] body = "{\"action\":\"opened\",\"installation\":{\"id\":1}}".getBytes(StandardCharsets.UTF_8);

        // Real deliveries from the sandbox, through the SDK's receiver, sandbox logging included.
        try (GithubSandbox sandbox = GithubSandbox.start(); WebhookTestReceiver endpoint = new WebhookTestReceiver(receiver)) {
            SandboxWebhook hook = sandbox.webhooks().register(endpoint.url(), CANARY_SECRET);
            WebhookEvent ping = endpoint.nextEvent("ping");
            sandbox.webhooks().redeliver(ping.deliveryId());
            endpoint.nextDuplicate();
            sandbox.webhooks().changeSecret(hook, "not-the-secret");
            sandbox.webhooks().redeliver(ping.deliveryId());
            capture(endpoint.nextRejection());
            sandbox.webhooks().awaitDeliveries(3, WebhookTestReceiver.WAIT).forEach(d -> {
                observe(d);
                canaries.add(d.headers().get("X-Hub-Signature-256").substring(7));
                canaries.add(d.headers().get("X-Hub-Signature").substring(5));
            });
            observe(hook, ping, sandbox.webhooks().deliveries());
        }

        // Every failure the verifier has, each with a valid-looking signature planted.
        Map<String, String> valid = headers(CANARY_SECRET, body);
        WebhookEvent event = receiver.receive(valid, body).orElseThrow();
        observe(event, verifier, receiver, store, event.payload());
        capture(() -> receiver.receive(headers("wrong-secret", body), body));                 // mismatch
        Map<String, String> old = headers(CANARY_OLD_SECRET, body);
        observe(verifier.verify(old, body));                                                   // old secret, still accepted
        clock.advance(Duration.ofHours(2));
        capture(() -> verifier.verify(old, body));                                             // retired
        Map<String, String> sha1Only = new HashMap<>(valid);
        sha1Only.remove("X-Hub-Signature-256");
        capture(() -> verifier.verify(sha1Only, body));                                        // SHA-1 only
        Map<String, String> upper = new HashMap<>(valid);
        upper.put("X-Hub-Signature-256", valid.get("X-Hub-Signature-256").toUpperCase(java.util.Locale.ROOT) + "0");
        capture(() -> verifier.verify(upper, body));                                           // malformed, quoting nothing
        Map<String, String> noEvent = new HashMap<>(valid);
        noEvent.remove("X-GitHub-Event");
        capture(() -> verifier.verify(noEvent, body));
        byte[] notJson = "CANARY not json".getBytes(StandardCharsets.UTF_8);
        capture(() -> verifier.verify(headers(CANARY_SECRET, notJson), notJson));
        capture(() -> WebhookVerifier.create(b -> b.secret(CANARY_SECRET).maxBodyBytes(4)).verify(valid, body));
        capture(() -> WebhookVerifier.builder().environment(Map.of("GITHUB_WEBHOOK_SECRET", CANARY_SECRET,
                "GITHUB_WEBHOOK_SECRET_PREVIOUS", CANARY_OLD_SECRET, "GITHUB_WEBHOOK_SECRET_PREVIOUS_RETIRES_AT", "soon")));

        for (ILoggingEvent e : logs.events()) {
            observed.add(e.getFormattedMessage());
            observed.add(java.util.Arrays.toString(e.getArgumentArray()));
            for (IThrowableProxy t = e.getThrowableProxy(); t != null; t = t.getCause()) {
                observed.add(t.getMessage());
            }
        }
        assertThat(logs.events()).as("webhook paths log at debug level, so this test can see log lines").isNotEmpty();
        assertThat(observed).hasSizeGreaterThan(15);
        for (String text : observed) {
            for (String canary : canaries) {
                assertThat(String.valueOf(text).toLowerCase(java.util.Locale.ROOT))
                        .as("a message, log line or toString() leaked a webhook secret or signature")
                        .doesNotContain(canary.toLowerCase(java.util.Locale.ROOT));
            }
        }
    }

    private Map<String, String> headers(String secret, byte[] body) {
        String sha256 = hex("HmacSHA256", secret, body);
        String sha1 = hex("HmacSHA1", secret, body);
        canaries.add(sha256);
        canaries.add(sha1);
        Map<String, String> headers = new HashMap<>();
        headers.put("X-GitHub-Event", "issues");
        headers.put("X-GitHub-Delivery", "canary-delivery-" + canaries.size());
        headers.put("X-Hub-Signature-256", "sha256=" + sha256);
        headers.put("X-Hub-Signature", "sha1=" + sha1);
        return headers;
    }

    private static String hex(String algorithm, String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), algorithm));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private void observe(Object... values) {
        for (Object value : values) {
            observed.add(String.valueOf(value));
        }
    }

    private void capture(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            observed.add(t.getMessage());
            observed.add(t.toString());
        }
    }

    private void capture(Runnable action) {
        try {
            action.run();
            throw new AssertionError("expected a failure");
        } catch (RuntimeException e) {
            if (!(e instanceof WebhookVerificationException) && !(e instanceof dev.integrations.core.IntegrationsException)) {
                throw e;
            }
            capture((Throwable) e);
        }
    }

}
