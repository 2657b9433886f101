package dev.integrations.github.webhooks;

import com.sun.net.httpserver.Headers;
import dev.integrations.core.ConfigurationException;
import dev.integrations.core.IntegrationsException;
import dev.integrations.github.sandbox.SandboxClock;
import dev.integrations.github.webhooks.WebhookVerificationException.Reason;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import static dev.integrations.github.webhooks.WebhookSignatures.headers;
import static dev.integrations.github.webhooks.WebhookSignatures.sign;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@DisplayName("WebhookVerifier checks X-Hub-Signature-256 over the raw body and reads the delivery")
class WebhookVerifierTest {
    private static final String SECRET = "webhook-secret-for-tests";
    private static final String DELIVERY = "72d3162e-cc78-11e3-81ab-4c9367dc0958";
    private static final byte[] BODY = ("{\"action\":\"opened\",\"issue\":{\"number\":7,\"title\":\"Hi\"},"
            + "\"installation\":{\"id\":4242,\"node_id\":\"MDIz\"},\"sender\":{\"login\":\"octocat\"}}")
            .getBytes(StandardCharsets.UTF_8);

    private final WebhookVerifier verifier = WebhookVerifier.of(SECRET);

    record IssuePayload(String action, Issue issue) {
        record Issue(int number, String title) {
        }
    }

    @Test
    @DisplayName("GitHub's documented example verifies: secret \"It's a Secret to Everybody\", body \"Hello, World!\"")
    void githubsDocumentedTestValuesVerify() {
        // https://docs.github.com/en/webhooks/using-webhooks/validating-webhook-deliveries#testing-the-webhook-payload-validation
        byte[] body = "{\"Hello\":\"World!\"}".getBytes(StandardCharsets.UTF_8);
        assertThat(sign("It's a Secret to Everybody", "Hello, World!".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17");
        WebhookEvent event = WebhookVerifier.of("It's a Secret to Everybody")
                .verify(headers("It's a Secret to Everybody", body, "ping", DELIVERY), body);
        assertThat(event.name()).isEqualTo("ping");
    }

    @Test
    @DisplayName("a valid delivery exposes event, action, delivery id, hook id, installation and payload")
    void validDeliveryExposesItsParts() {
        WebhookEvent event = verifier.verify(headers(SECRET, BODY, "issues", DELIVERY), BODY);

        assertThat(event.name()).isEqualTo("issues");
        assertThat(event.action()).contains("opened");
        assertThat(event.deliveryId()).isEqualTo(DELIVERY);
        assertThat(event.hookId()).contains("292430182");
        assertThat(event.installationTargetId()).contains("79929171");
        assertThat(event.installationTargetType()).contains("repository");
        assertThat(event.installationId()).hasValue(4242);
        assertThat(event.payload().path("issue").path("number").asInt()).isEqualTo(7);
        assertThat(event.payload(IssuePayload.class)).isEqualTo(new IssuePayload("opened", new IssuePayload.Issue(7, "Hi")));
        assertThat(event.body()).isEqualTo(BODY);
        assertThat(event.bodyText()).isEqualTo(new String(BODY, StandardCharsets.UTF_8));
        assertThat(event.toString()).contains("issues.opened", DELIVERY, "installation=4242");
    }

    @Test
    @DisplayName("the event is immutable: changing the returned payload or body changes nothing")
    void eventIsImmutable() {
        WebhookEvent event = verifier.verify(headers(SECRET, BODY, "issues", DELIVERY), BODY);
        ((com.fasterxml.jackson.databind.node.ObjectNode) event.payload()).put("action", "closed");
        event.body()[0] = 'X';
        assertThat(event.action()).contains("opened");
        assertThat(event.body()).isEqualTo(BODY);
    }

    @Test
    @DisplayName("an event without action or installation says so with empty values")
    void pushHasNoActionNorInstallation() {
        byte[] body = "{\"ref\":\"refs/heads/main\"}".getBytes(StandardCharsets.UTF_8);
        Map<String, String> headers = new HashMap<>(headers(SECRET, body, "push", DELIVERY));
        headers.remove("X-GitHub-Hook-ID");
        WebhookEvent event = verifier.verify(headers, body);
        assertThat(event.action()).isEmpty();
        assertThat(event.installationId()).isEmpty();
        assertThat(event.hookId()).isEmpty();
        assertThatThrownBy(() -> event.payload(Integer.class))
                .isInstanceOf(IntegrationsException.class).hasMessageContaining("does not fit");
    }

    @Test
    @DisplayName("a signature made with another secret is a mismatch whose message says what to check")
    void wrongSecretIsAMismatch() {
        assertReason(() -> verifier.verify(headers("another-secret", BODY, "issues", DELIVERY), BODY), Reason.SIGNATURE_MISMATCH)
                .hasMessageContaining("secret entered on GitHub")
                .hasMessageContaining("raw request body bytes")
                .hasMessageContaining(DELIVERY);
    }

    @Test
    @DisplayName("a body changed by one byte after signing is a mismatch")
    void bodyModifiedByOneByteIsAMismatch() {
        Map<String, String> headers = headers(SECRET, BODY, "issues", DELIVERY);
        byte[] modified = BODY.clone();
        modified[modified.length - 2] ^= 1;
        assertReason(() -> verifier.verify(headers, modified), Reason.SIGNATURE_MISMATCH);
    }

    @Test
    @DisplayName("a re-encoded body (same JSON, other bytes) is a mismatch: the raw bytes are what is signed")
    void reEncodedBodyIsAMismatch() {
        Map<String, String> headers = headers(SECRET, BODY, "issues", DELIVERY);
        byte[] pretty = new String(BODY, StandardCharsets.UTF_8).replace(",", ", ").getBytes(StandardCharsets.UTF_8);
        assertReason(() -> verifier.verify(headers, pretty), Reason.SIGNATURE_MISMATCH);
    }

    @Test
    @DisplayName("a request without any signature is refused as missing a signature")
    void missingSignatureIsRefused() {
        Map<String, String> headers = new HashMap<>(headers(SECRET, BODY, "issues", DELIVERY));
        headers.remove("X-Hub-Signature-256");
        headers.remove("X-Hub-Signature");
        assertReason(() -> verifier.verify(headers, BODY), Reason.MISSING_SIGNATURE)
                .hasMessageContaining("GitHub signs deliveries only when the webhook has a secret");
    }

    @Test
    @DisplayName("a valid SHA-1 X-Hub-Signature alone is refused: only SHA-256 is accepted")
    void sha1OnlyIsRefused() {
        Map<String, String> headers = new HashMap<>(headers(SECRET, BODY, "issues", DELIVERY));
        headers.remove("X-Hub-Signature-256");
        assertReason(() -> verifier.verify(headers, BODY), Reason.SHA1_ONLY);
    }

    @Test
    @DisplayName("upper-case hex and an upper-case prefix verify (the decoded bytes are compared)")
    void upperCaseHexVerifies() {
        Map<String, String> headers = new HashMap<>(headers(SECRET, BODY, "issues", DELIVERY));
        headers.put("X-Hub-Signature-256", "SHA256=" + sign(SECRET, BODY).substring(7).toUpperCase(Locale.ROOT));
        assertThat(verifier.verify(headers, BODY).deliveryId()).isEqualTo(DELIVERY);
    }

    @Test
    @DisplayName("signatures that are not sha256= and 64 hex digits, or that come twice, are malformed")
    void malformedSignatures() {
        String valid = sign(SECRET, BODY);
        for (String bad : List.of("sha256=abc", valid.substring(7), "sha1=" + valid.substring(7),
                valid.substring(0, valid.length() - 1) + "g", valid + "00")) {
            Map<String, String> headers = new HashMap<>(headers(SECRET, BODY, "issues", DELIVERY));
            headers.put("X-Hub-Signature-256", bad);
            assertReason(() -> verifier.verify(headers, BODY), Reason.MALFORMED_SIGNATURE);
        }
        Map<String, List<String>> twice = new HashMap<>();
        headers(SECRET, BODY, "issues", DELIVERY).forEach((k, v) -> twice.put(k, List.of(v)));
        twice.put("X-Hub-Signature-256", List.of(valid, sign("other", BODY)));
        assertReason(() -> verifier.verify(twice, BODY), Reason.MALFORMED_SIGNATURE).hasMessageContaining("2 times");
    }

    @Test
    @DisplayName("during a rotation deliveries signed with the old or the new secret both verify")
    void rotationAcceptsBothSecrets() {
        WebhookVerifier rotating = WebhookVerifier.create(b -> b.secret("new-secret").secret("old-secret"));
        assertThat(rotating.verify(headers("new-secret", BODY, "issues", "d-1"), BODY).deliveryId()).isEqualTo("d-1");
        assertThat(rotating.verify(headers("old-secret", BODY, "issues", "d-2"), BODY).deliveryId()).isEqualTo("d-2");
        assertReason(() -> rotating.verify(headers("third-secret", BODY, "issues", "d-3"), BODY), Reason.SIGNATURE_MISMATCH)
                .hasMessageContaining("none of the 2 configured");
    }

    @Test
    @DisplayName("a secret given a retirement instant verifies until then, and is refused as retired afterwards")
    void retiredSecretIsRefused() {
        SandboxClock clock = SandboxClock.frozenAt(Instant.parse("2026-12-01T00:00:00Z"));
        Instant cutoff = Instant.parse("2026-12-02T00:00:00Z");
        WebhookVerifier rotating = WebhookVerifier.create(b -> b.secret("new-secret").secret("old-secret", cutoff).clock(clock));
        Map<String, String> oldSigned = headers("old-secret", BODY, "issues", DELIVERY);

        assertThat(rotating.verify(oldSigned, BODY).deliveryId()).isEqualTo(DELIVERY);
        clock.set(cutoff);
        assertReason(() -> rotating.verify(oldSigned, BODY), Reason.RETIRED_SECRET)
                .hasMessageContaining("retired at " + cutoff).hasMessageContaining("enter the current secret");
        assertThat(rotating.verify(headers("new-secret", BODY, "issues", DELIVERY), BODY).name()).isEqualTo("issues");
        assertThat(rotating.toString()).contains("secrets=2", "retiring at " + cutoff);
    }

    @Test
    @DisplayName("a secret given as bytes verifies like its UTF-8 string")
    void byteSecretsVerify() {
        WebhookVerifier bytes = WebhookVerifier.create(b -> b.secret(SECRET.getBytes(StandardCharsets.UTF_8)));
        assertThat(bytes.verify(headers(SECRET, BODY, "issues", DELIVERY), BODY).name()).isEqualTo("issues");
        assertThatThrownBy(() -> WebhookVerifier.of("")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WebhookVerifier.builder().build()).isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("GITHUB_WEBHOOK_SECRET");
    }

    @Test
    @DisplayName("a body over the limit is refused before it is hashed, and readBody stops reading at the limit")
    void bodyTooLarge() throws Exception {
        WebhookVerifier small = WebhookVerifier.create(b -> b.secret(SECRET).maxBodyBytes(16));
        assertReason(() -> small.verify(headers(SECRET, BODY, "issues", DELIVERY), BODY), Reason.BODY_TOO_LARGE)
                .hasMessageContaining("limit of 16");
        assertThat(small.readBody(new ByteArrayInputStream(new byte[16]))).hasSize(16);
        assertReason(() -> small.readBody(new ByteArrayInputStream(BODY)), Reason.BODY_TOO_LARGE);
        assertThat(verifier.maxBodyBytes()).isEqualTo(25 * 1024 * 1024);
        assertThat(new WebhookVerificationException(Reason.BODY_TOO_LARGE, "x").suggestedStatus()).isEqualTo(413);
    }

    @Test
    @DisplayName("a signed delivery without X-GitHub-Event or X-GitHub-Delivery is refused as malformed")
    void missingEventOrDelivery() {
        Map<String, String> noEvent = new HashMap<>(headers(SECRET, BODY, "issues", DELIVERY));
        noEvent.remove("X-GitHub-Event");
        assertReason(() -> verifier.verify(noEvent, BODY), Reason.MISSING_EVENT);
        Map<String, String> noDelivery = new HashMap<>(headers(SECRET, BODY, "issues", DELIVERY));
        noDelivery.remove("X-GitHub-Delivery");
        assertReason(() -> verifier.verify(noDelivery, BODY), Reason.MISSING_DELIVERY_ID);
        assertThat(new WebhookVerificationException(Reason.MISSING_EVENT, "x").suggestedStatus()).isEqualTo(400);
        assertThat(new WebhookVerificationException(Reason.SIGNATURE_MISMATCH, "x").suggestedStatus()).isEqualTo(401);
    }

    @Test
    @DisplayName("a signed body that is not a JSON object is refused; a form-encoded payload is read")
    void payloadFormats() {
        byte[] text = "not json".getBytes(StandardCharsets.UTF_8);
        assertReason(() -> verifier.verify(headers(SECRET, text, "issues", DELIVERY), text), Reason.MALFORMED_PAYLOAD)
                .hasMessageContaining("application/json");
        byte[] form = ("payload=" + URLEncoder.encode(new String(BODY, StandardCharsets.UTF_8), StandardCharsets.UTF_8))
                .getBytes(StandardCharsets.US_ASCII);
        assertThat(verifier.verify(headers(SECRET, form, "issues", DELIVERY), form).installationId()).hasValue(4242);
    }

    @Test
    @DisplayName("an unprintable delivery id is not quoted in the message (unsigned headers cannot forge log lines)")
    void unprintableDeliveryIdIsNotQuoted() {
        String forged = "x\nINFO forged line";
        assertReason(() -> verifier.verify(headers("wrong", BODY, "issues", forged), BODY), Reason.SIGNATURE_MISMATCH)
                .message().doesNotContain("forged line").contains("unprintable id");
    }

    @Nested
    @DisplayName("headers in the shapes frameworks hand them over, names in any case")
    class HeaderShapes {
        @Test
        @DisplayName("Map<String, String> with lower-case names")
        void lowerCaseStringMap() {
            Map<String, String> lower = new HashMap<>();
            headers(SECRET, BODY, "issues", DELIVERY).forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
            assertThat(verifier.verify(lower, BODY).hookId()).contains("292430182");
        }

        @Test
        @DisplayName("Map<String, List<String>> with upper-case names, and a case-insensitive TreeMap")
        void listMaps() {
            Map<String, List<String>> upper = new HashMap<>();
            headers(SECRET, BODY, "issues", DELIVERY).forEach((k, v) -> upper.put(k.toUpperCase(Locale.ROOT), List.of(v)));
            assertThat(verifier.verify(upper, BODY).deliveryId()).isEqualTo(DELIVERY);
            Map<String, List<String>> tree = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            tree.putAll(upper);
            assertThat(verifier.verify(tree, BODY).deliveryId()).isEqualTo(DELIVERY);
        }

        @Test
        @DisplayName("the JDK HTTP server's Headers")
        void jdkHeaders() {
            Headers headers = new Headers();
            headers(SECRET, BODY, "issues", DELIVERY).forEach(headers::add);
            assertThat(verifier.verify(headers, BODY).name()).isEqualTo("issues");
        }

        @Test
        @DisplayName("a lookup function such as a servlet's request::getHeader")
        void lookupFunction() {
            Map<String, String> lower = new HashMap<>();
            headers(SECRET, BODY, "issues", DELIVERY).forEach((k, v) -> lower.put(k.toLowerCase(Locale.ROOT), v));
            WebhookEvent event = verifier.verify(name -> lower.get(name.toLowerCase(Locale.ROOT)), BODY);
            assertThat(event.installationTargetType()).contains("repository");
            assertReason(() -> verifier.verify(name -> null, BODY), Reason.MISSING_SIGNATURE);
        }
    }

    @Nested
    @DisplayName("secrets from the environment")
    class Environment {
        @Test
        @DisplayName("GITHUB_WEBHOOK_SECRET is taken verbatim, commas included")
        void currentSecretVerbatim() {
            String secret = "a,b, c";
            WebhookVerifier fromEnv = WebhookVerifier.builder().environment(Map.of("GITHUB_WEBHOOK_SECRET", secret)).build();
            assertThat(fromEnv.verify(headers(secret, BODY, "issues", DELIVERY), BODY).name()).isEqualTo("issues");
            assertReason(() -> fromEnv.verify(headers("a", BODY, "issues", DELIVERY), BODY), Reason.SIGNATURE_MISMATCH);
        }

        @Test
        @DisplayName("GITHUB_WEBHOOK_SECRET_PREVIOUS is accepted until GITHUB_WEBHOOK_SECRET_PREVIOUS_RETIRES_AT")
        void previousSecretRetires() {
            SandboxClock clock = SandboxClock.frozenAt(Instant.parse("2026-12-01T00:00:00Z"));
            WebhookVerifier fromEnv = WebhookVerifier.builder().clock(clock).environment(Map.of(
                    "GITHUB_WEBHOOK_SECRET", "new", "GITHUB_WEBHOOK_SECRET_PREVIOUS", "old",
                    "GITHUB_WEBHOOK_SECRET_PREVIOUS_RETIRES_AT", "2026-12-01T12:00:00Z")).build();
            assertThat(fromEnv.verify(headers("old", BODY, "issues", DELIVERY), BODY).name()).isEqualTo("issues");
            clock.advance(Duration.ofHours(12));
            assertReason(() -> fromEnv.verify(headers("old", BODY, "issues", DELIVERY), BODY), Reason.RETIRED_SECRET);
        }

        @Test
        @DisplayName("a missing secret or an unreadable retirement instant is a configuration error")
        void configurationErrors() {
            assertThatThrownBy(() -> WebhookVerifier.builder().environment(Map.of()).build())
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("GITHUB_WEBHOOK_SECRET is not set");
            assertThatThrownBy(() -> WebhookVerifier.builder().environment(Map.of("GITHUB_WEBHOOK_SECRET", "new",
                    "GITHUB_WEBHOOK_SECRET_PREVIOUS", "old-secret-value", "GITHUB_WEBHOOK_SECRET_PREVIOUS_RETIRES_AT", "tomorrow")))
                    .isInstanceOf(ConfigurationException.class).hasMessageContaining("ISO-8601")
                    .message().doesNotContain("old-secret-value");
        }
    }

    static org.assertj.core.api.AbstractThrowableAssert<?, ? extends Throwable> assertReason(
            org.assertj.core.api.ThrowableAssert.ThrowingCallable call, Reason reason) {
        return assertThatThrownBy(call).isInstanceOfSatisfying(WebhookVerificationException.class,
                e -> assertThat(e.reason()).isEqualTo(reason));
    }
}
