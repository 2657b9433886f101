package dev.integrations.github.sandbox;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Webhook deliveries of the sandbox, received by a real HTTP server: GitHub's headers, both
 * signatures (checked here with the JDK's HMAC, independently of the sandbox's signer), and
 * payloads valid against the webhook schemas of GitHub's OpenAPI description ({@code x-webhooks}).
 */
@DisplayName("Sandbox webhooks deliver signed payloads that GitHub's OpenAPI description accepts")
class WebhookDeliveriesContractTest {
    private static final String SECRET = "sandbox-webhook-secret";
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static OpenApiInteractionValidator webhookValidator;

    private GithubSandbox sandbox;
    private SandboxApi api;
    private SandboxRepository repository;
    private HttpServer receiver;
    private URI receiverUrl;
    private final LinkedBlockingQueue<Received> received = new LinkedBlockingQueue<>();
    private final AtomicInteger answer = new AtomicInteger(204);
    private volatile CountDownLatch hold = new CountDownLatch(0);

    record Received(Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name);
        }

        JsonNode json() {
            try {
                return new ObjectMapper().readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @BeforeEach
    void start() throws IOException {
        sandbox = GithubSandbox.start();
        api = new SandboxApi(sandbox, sandbox.issueToken(sandbox.defaultUser(), "repo"));
        repository = sandbox.repositories(sandbox.defaultUser()).get(0);
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext("/hook", exchange -> {
            Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k, v.get(0)));
            byte[] body = exchange.getRequestBody().readAllBytes();
            try {
                hold.await(WAIT.toSeconds(), TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            received.add(new Received(headers, body));
            exchange.sendResponseHeaders(answer.get(), -1);
            exchange.close();
        });
        receiver.start();
        receiverUrl = URI.create("http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook");
    }

    @AfterEach
    void stop() {
        hold.countDown();
        receiver.stop(0);
        sandbox.close();
    }

    @Test
    @DisplayName("registering a webhook delivers a signed ping, as GitHub does")
    void registrationPings() throws Exception {
        SandboxWebhook hook = sandbox.webhooks().register(receiverUrl, SECRET, o -> o.repository(repository).events("issues"));
        Received ping = next();
        assertGitHubDelivery(ping, hook, "ping", "ping");
        assertThat(ping.json().path("hook_id").asLong()).isEqualTo(hook.id());
        assertThat(ping.header("X-GitHub-Hook-Installation-Target-Type")).isEqualTo("repository");
        assertThat(ping.header("X-GitHub-Hook-Installation-Target-ID")).isEqualTo(String.valueOf(repository.id()));
        assertThat(hook.toString()).doesNotContain(SECRET);
    }

    @Test
    @DisplayName("opening an issue delivers issues.opened, signed, with GitHub's headers and a valid payload")
    void issueOpened() throws Exception {
        SandboxWebhook hook = sandbox.webhooks().register(receiverUrl, SECRET);
        next(); // ping
        SandboxApi.assertValid(api.post("/repos/" + repository.fullName() + "/issues", "{\"title\":\"Webhook me\"}"),
                201, "POST", "/repos/{owner}/{repo}/issues");
        Received delivery = next();
        assertGitHubDelivery(delivery, hook, "issues", "issues-opened");
        assertThat(delivery.json().path("action").asText()).isEqualTo("opened");
        assertThat(delivery.json().path("issue").path("title").asText()).isEqualTo("Webhook me");
        assertThat(delivery.json().path("repository").path("full_name").asText()).isEqualTo(repository.fullName());
        assertThat(delivery.json().path("sender").path("login").asText()).isEqualTo("octocat");
        assertThat(delivery.json().has("installation")).as("a repository webhook names no installation").isFalse();
    }

    @Test
    @DisplayName("an issue comment, a pull request and a contents-API commit deliver issue_comment, pull_request and push")
    void commentPullRequestAndPush() throws Exception {
        SandboxWebhook hook = sandbox.webhooks().register(receiverUrl, SECRET, o -> o.events("issue_comment", "pull_request", "push"));
        next(); // ping
        String repo = "/repos/" + repository.fullName();
        api.post(repo + "/issues", "{\"title\":\"Not subscribed\"}");
        api.post(repo + "/issues/1/comments", "{\"body\":\"First!\"}");
        Received comment = next();
        assertGitHubDelivery(comment, hook, "issue_comment", "issue-comment-created");
        assertThat(comment.json().path("comment").path("body").asText()).isEqualTo("First!");

        String main = sandbox.branches(repository).get("main");
        api.post(repo + "/git/refs", "{\"ref\":\"refs/heads/feature\",\"sha\":\"" + main + "\"}");
        sandbox.commitFile(repository, "feature", "feature.txt", "new");
        api.post(repo + "/pulls", "{\"title\":\"Feature\",\"head\":\"feature\",\"base\":\"main\"}");
        Received pull = next();
        assertGitHubDelivery(pull, hook, "pull_request", "pull-request-opened");
        assertThat(pull.json().path("number").asInt()).isEqualTo(pull.json().path("pull_request").path("number").asInt());

        String content = Base64.getEncoder().encodeToString("hello".getBytes(StandardCharsets.UTF_8));
        api.put(repo + "/contents/docs/hello.txt", "{\"message\":\"Add hello\",\"content\":\"" + content + "\"}");
        Received push = next();
        assertGitHubDelivery(push, hook, "push", "push");
        assertThat(push.json().path("ref").asText()).isEqualTo("refs/heads/main");
        assertThat(push.json().path("before").asText()).isEqualTo(main);
        assertThat(push.json().path("head_commit").path("added").get(0).asText()).isEqualTo("docs/hello.txt");
        assertThat(received).as("the unsubscribed issues event was not delivered").isEmpty();
    }

    @Test
    @DisplayName("a GitHub App's webhook names the installation in the payload and the target headers")
    void appWebhookNamesInstallation() throws Exception {
        SandboxWebhook hook = sandbox.webhooks().register(receiverUrl, SECRET, o -> o.app(777, 4242).events("issues"));
        next(); // ping
        api.post("/repos/" + repository.fullName() + "/issues", "{\"title\":\"From an app\"}");
        Received delivery = next();
        assertGitHubDelivery(delivery, hook, "issues", "issues-opened");
        assertThat(delivery.json().path("installation").path("id").asLong()).isEqualTo(4242);
        assertThat(delivery.header("X-GitHub-Hook-Installation-Target-Type")).isEqualTo("integration");
        assertThat(delivery.header("X-GitHub-Hook-Installation-Target-ID")).isEqualTo("777");
        assertThat(hook.installationId()).hasValue(4242);
    }

    @Test
    @DisplayName("a redelivery resends the same body with the same GUID, and the receiver's statuses are recorded")
    void redeliveryKeepsTheGuid() throws Exception {
        sandbox.webhooks().register(receiverUrl, SECRET, o -> o.events("issues"));
        next();
        answer.set(500);
        api.post("/repos/" + repository.fullName() + "/issues", "{\"title\":\"Fails first\"}");
        Received first = next();
        List<SandboxWebhookDelivery> attempts = sandbox.webhooks().awaitDeliveries(2, WAIT);
        SandboxWebhookDelivery failed = attempts.stream().filter(d -> d.event().equals("issues")).findFirst().orElseThrow();
        assertThat(failed.status()).isEqualTo(500);
        assertThat(failed.succeeded()).isFalse();

        answer.set(200);
        sandbox.webhooks().redeliver(failed.guid());
        Received again = next();
        assertThat(again.header("X-GitHub-Delivery")).isEqualTo(first.header("X-GitHub-Delivery"));
        assertThat(again.body()).isEqualTo(first.body());
        SandboxWebhookDelivery redelivery = sandbox.webhooks().awaitDeliveries(3, WAIT).stream()
                .filter(SandboxWebhookDelivery::redelivery).findFirst().orElseThrow();
        assertThat(redelivery.redelivery()).isTrue();
        assertThat(redelivery.status()).isEqualTo(200);
        assertThat(redelivery.toString()).doesNotContain(SECRET).doesNotContain(first.header("X-Hub-Signature-256"));
        assertThatThrownBy(() -> sandbox.webhooks().redeliver("no-such-guid")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("deliveries run off the request thread: the API answers while the receiver is still busy")
    void deliveryIsAsynchronous() throws Exception {
        sandbox.webhooks().register(receiverUrl, SECRET, o -> o.events("issues"));
        next();
        hold = new CountDownLatch(1);
        var response = api.post("/repos/" + repository.fullName() + "/issues", "{\"title\":\"Slow receiver\"}");
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(received).as("the receiver has not answered yet").isEmpty();
        hold.countDown();
        assertThat(next().header("X-GitHub-Event")).isEqualTo("issues");
    }

    @Test
    @DisplayName("an unreachable payload URL is recorded as a failed delivery without a status")
    void unreachableReceiverIsRecorded() throws Exception {
        receiver.stop(0);
        sandbox.webhooks().register(receiverUrl, SECRET);
        SandboxWebhookDelivery ping = sandbox.webhooks().awaitDeliveries(1, WAIT).get(0);
        assertThat(ping.status()).isZero();
        assertThat(ping.failure()).isPresent();
        assertThatThrownBy(() -> sandbox.webhooks().register(URI.create("ftp://example.com"), SECRET))
                .isInstanceOf(IllegalArgumentException.class);
    }

    // ---------------------------------------------------------------------------------------------

    private Received next() throws InterruptedException {
        Received next = received.poll(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertThat(next).as("a delivery within %s", WAIT).isNotNull();
        return next;
    }

    private static void assertGitHubDelivery(Received delivery, SandboxWebhook hook, String event, String webhookName) {
        assertThat(delivery.header("X-GitHub-Event")).isEqualTo(event);
        assertThat(delivery.header("X-GitHub-Delivery")).matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        assertThat(delivery.header("X-GitHub-Hook-ID")).isEqualTo(String.valueOf(hook.id()));
        assertThat(delivery.header("User-Agent")).startsWith("GitHub-Hookshot/");
        assertThat(delivery.header("Content-Type")).isEqualTo("application/json");
        assertThat(delivery.header("X-Hub-Signature-256")).isEqualTo("sha256=" + hmac("HmacSHA256", delivery.body()));
        assertThat(delivery.header("X-Hub-Signature")).isEqualTo("sha1=" + hmac("HmacSHA1", delivery.body()));
        SimpleRequest.Builder request = SimpleRequest.Builder.post("/webhooks/" + webhookName)
                .withContentType("application/json").withBody(delivery.body());
        delivery.headers().forEach(request::withHeader);
        ValidationReport report = webhookValidator().validateRequest(request.build());
        assertThat(report.hasErrors()).as("%s payload against x-webhooks %s: %s", event, webhookName, report.getMessages()).isFalse();
    }

    private static String hmac(String algorithm, byte[] body) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), algorithm));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /**
     * A validator whose paths are the description's webhooks: {@code POST /webhooks/<name>} with
     * the request body schema of {@code x-webhooks.<name>}, so a delivery validates as a request.
     */
    static synchronized OpenApiInteractionValidator webhookValidator() {
        if (webhookValidator == null) {
            try {
                ObjectMapper mapper = new ObjectMapper();
                ObjectNode spec = (ObjectNode) mapper.readTree(
                        UserContractTest.GithubSpec.patchedSpecification(UserContractTest.GithubSpec.locate()));
                ObjectNode paths = mapper.createObjectNode();
                for (Iterator<Map.Entry<String, JsonNode>> it = spec.path("x-webhooks").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> webhook = it.next();
                    paths.set("/webhooks/" + webhook.getKey(), webhook.getValue());
                }
                mergeInlineAllOf(paths);
                mergeInlineAllOf(spec.path("components").path("schemas"));
                spec.set("paths", paths);
                spec.remove("x-webhooks");
                webhookValidator = OpenApiInteractionValidator.createForInlineApiSpecification(mapper.writeValueAsString(spec)).build();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return webhookValidator;
    }

    /**
     * Replaces each {@code allOf} of inline object schemas by one schema with the union of their
     * properties (shared ones merged the same way) and of their required lists. The validator closes
     * every object schema, so otherwise each member refuses its sibling's properties (the
     * {@code issue} of {@code issue-comment-created} is two inline members); merged, a property no
     * member lists is still refused.
     */
    static void mergeInlineAllOf(JsonNode node) {
        if (node.isContainerNode()) {
            node.forEach(WebhookDeliveriesContractTest::mergeInlineAllOf);
        }
        if (node.isObject() && node.path("allOf").isArray() && node.path("allOf").size() > 1) {
            boolean inline = true;
            for (JsonNode member : node.get("allOf")) {
                inline &= member.isObject() && !member.has("$ref") && member.has("properties");
            }
            if (inline) {
                ObjectNode merged = (ObjectNode) node.get("allOf").get(0).deepCopy();
                for (int i = 1; i < node.get("allOf").size(); i++) {
                    merged = merge(merged, (ObjectNode) node.get("allOf").get(i));
                }
                ((ObjectNode) node).remove("allOf");
                ((ObjectNode) node).setAll(merged);
            }
        }
    }

    private static ObjectNode merge(ObjectNode a, ObjectNode b) {
        ObjectNode result = a.deepCopy();
        for (Iterator<Map.Entry<String, JsonNode>> it = b.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            switch (field.getKey()) {
                case "properties" -> {
                    ObjectNode properties = result.has("properties") ? (ObjectNode) result.get("properties") : result.putObject("properties");
                    field.getValue().fields().forEachRemaining(p -> {
                        JsonNode existing = properties.get(p.getKey());
                        properties.set(p.getKey(), existing != null && existing.has("properties") && p.getValue().has("properties")
                                ? merge((ObjectNode) existing, (ObjectNode) p.getValue()) : existing != null ? existing : p.getValue());
                    });
                }
                case "required" -> {
                    var required = result.has("required") ? (com.fasterxml.jackson.databind.node.ArrayNode) result.get("required")
                            : result.putArray("required");
                    for (JsonNode name : field.getValue()) {
                        boolean present = false;
                        for (JsonNode r : required) {
                            present |= r.asText().equals(name.asText());
                        }
                        if (!present) {
                            required.add(name);
                        }
                    }
                }
                default -> {
                    if (!result.has(field.getKey())) {
                        result.set(field.getKey(), field.getValue());
                    }
                }
            }
        }
        return result;
    }
}
