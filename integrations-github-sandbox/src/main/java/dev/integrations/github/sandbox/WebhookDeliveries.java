package dev.integrations.github.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The sandbox's webhooks: tests {@linkplain #register register} a payload URL and secret, and
 * actions through the API (issue opened, issue comment created, pull request opened, file pushed
 * through the contents API) are POSTed to it as GitHub would
 * (https://docs.github.com/en/webhooks/webhook-events-and-payloads): a JSON payload shaped by
 * GitHub's OpenAPI description ({@code x-webhooks}), with {@code X-GitHub-Event},
 * {@code X-GitHub-Delivery} (a random GUID), {@code X-GitHub-Hook-ID}, the installation-target
 * headers, {@code X-Hub-Signature-256} and the legacy {@code X-Hub-Signature}, and a
 * {@code GitHub-Hookshot/...} user agent. Registering sends a {@code ping}, as GitHub does.
 *
 * <p>Deliveries run on threads of their own, never on the API request's, each with GitHub's
 * 10-second deadline; the receiver's status (or the failure) is recorded
 * ({@link #deliveries()}, {@link #awaitDeliveries}). GitHub does not retry failed deliveries;
 * {@link #redeliver(String)} resends one with the same GUID, as the "Redeliver" button does.
 *
 * <p>Thread-safe. Logs name deliveries by event and GUID, never secrets or signatures.
 */
public final class WebhookDeliveries implements AutoCloseable {
    static final String USER_AGENT = "GitHub-Hookshot/sandbox";
    private static final Logger LOG = LoggerFactory.getLogger(WebhookDeliveries.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Clock clock;
    private final RepositoryAccess access;
    private final String baseUrl;
    private final List<SandboxWebhook> hooks = new CopyOnWriteArrayList<>();
    private final List<SandboxWebhookDelivery> completed = new ArrayList<>();
    // What was sent under each GUID, recorded before the attempt: a redelivery may be asked for
    // while the first attempt is still waiting for the receiver's answer.
    private final Map<String, Sent> sent = new java.util.concurrent.ConcurrentHashMap<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition delivered = lock.newCondition();
    private final AtomicLong nextHookId = new AtomicLong(292_430_182);
    private final ExecutorService executor;
    private final HttpClient http;

    WebhookDeliveries(Clock clock, RepositoryAccess access, String baseUrl) {
        this.clock = clock;
        this.access = access;
        this.baseUrl = baseUrl;
        AtomicInteger count = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "github-sandbox-webhook-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.http = HttpClient.newBuilder().connectTimeout(TIMEOUT).executor(executor).build();
    }

    /**
     * Registers a webhook for every repository and every event; a {@code ping} is delivered at once.
     *
     * @param url the payload URL (http or https)
     * @param secret the webhook secret deliveries are signed with
     * @return the webhook
     * @throws IllegalArgumentException when the URL is not absolute http(s) or the secret is empty
     */
    public SandboxWebhook register(URI url, String secret) {
        return register(url, secret, options -> { });
    }

    /**
     * Registers a webhook with options (events, repository, GitHub App installation); a {@code ping}
     * is delivered at once.
     *
     * @param url the payload URL (http or https)
     * @param secret the webhook secret deliveries are signed with
     * @param options sets the events, the repository, the App installation
     * @return the webhook
     * @throws IllegalArgumentException when the URL is not absolute http(s) or the secret is empty
     */
    public SandboxWebhook register(URI url, String secret, Consumer<SandboxWebhook.Options> options) {
        Objects.requireNonNull(url, "url");
        if (!url.isAbsolute() || !List.of("http", "https").contains(url.getScheme())) {
            throw new IllegalArgumentException("A webhook's payload URL must be an absolute http(s) URL: " + url);
        }
        if (secret == null || secret.isEmpty()) {
            throw new IllegalArgumentException("The sandbox signs every delivery: give the webhook a secret");
        }
        SandboxWebhook.Options o = new SandboxWebhook.Options();
        options.accept(o);
        SandboxWebhook hook = new SandboxWebhook(nextHookId.getAndIncrement(), url, secret, o);
        hooks.add(hook);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("zen", "Keep it logically awesome.");
        payload.put("hook_id", hook.id());
        payload.put("hook", hookJson(hook));
        if (hook.repository() != null) {
            payload.put("repository", webhookRepository(hook.repository()));
            payload.put("sender", access.account(hook.repository().owner()));
        }
        send(hook, "ping", null, payload);
        return hook;
    }

    /**
     * Changes a webhook's secret, as editing it on GitHub does; later deliveries and redeliveries
     * are signed with the new one.
     *
     * @param hook the webhook
     * @param newSecret the new secret
     */
    public void changeSecret(SandboxWebhook hook, String newSecret) {
        if (newSecret == null || newSecret.isEmpty()) {
            throw new IllegalArgumentException("The sandbox signs every delivery: give the webhook a secret");
        }
        hook.secret(newSecret);
    }

    /** Removes every webhook; nothing more is delivered. Recorded deliveries are kept. */
    public void clear() {
        hooks.clear();
    }

    /**
     * Every completed delivery attempt so far, in completion order (a copy).
     *
     * @return the deliveries
     */
    public List<SandboxWebhookDelivery> deliveries() {
        lock.lock();
        try {
            return List.copyOf(completed);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until at least {@code count} delivery attempts have completed.
     *
     * @param count how many attempts to wait for
     * @param timeout how long to wait at most
     * @return the first {@code count} completed attempts, in completion order
     * @throws IllegalStateException when fewer completed in time (the message lists those that did)
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public List<SandboxWebhookDelivery> awaitDeliveries(int count, Duration timeout) throws InterruptedException {
        long remaining = timeout.toNanos();
        lock.lock();
        try {
            while (completed.size() < count) {
                if (remaining <= 0) {
                    throw new IllegalStateException("Only " + completed.size() + " of " + count + " webhook deliveries"
                            + " completed within " + timeout + ": " + completed);
                }
                remaining = delivered.awaitNanos(remaining);
            }
            return List.copyOf(completed.subList(0, count));
        } finally {
            lock.unlock();
        }
    }

    /**
     * Sends an earlier delivery again, with the same GUID, event and body, signed with the
     * webhook's current secret; asynchronous, like GitHub's "Redeliver".
     *
     * @param guid the {@code X-GitHub-Delivery} GUID of an earlier delivery
     * @throws IllegalArgumentException when no delivery has that GUID, or its webhook was removed
     */
    public void redeliver(String guid) {
        Sent original = sent.get(Objects.requireNonNull(guid, "guid"));
        if (original == null) {
            throw new IllegalArgumentException("No webhook delivery with GUID " + guid);
        }
        SandboxWebhook hook = hooks.stream().filter(h -> h.id() == original.hookId()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("The webhook of delivery " + guid + " was removed"));
        deliver(hook, guid, original.event(), original.action(), original.body(), true);
    }

    /** Stops delivering; attempts in flight are cut off. */
    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(1, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------------------------------------

    /**
     * Delivers an event that happened in {@code repository} to every webhook subscribed to it:
     * {@code action}, then {@code fields}, then {@code repository}, {@code sender} and (for an App's
     * webhook) {@code installation}. The one call a handler makes after a successful action.
     */
    void publish(String event, @Nullable String action, SandboxRepository repository, Map<String, Object> fields,
                 SandboxUser sender) {
        for (SandboxWebhook hook : hooks) {
            if (!hook.subscribes(event) || !hook.covers(repository)) {
                continue;
            }
            Map<String, Object> payload = new LinkedHashMap<>();
            if (action != null) {
                payload.put("action", action);
            }
            payload.putAll(fields);
            Map<String, Object> repositoryJson = webhookRepository(repository);
            if (event.equals("push")) {
                // The push event's repository has its own, smaller schema: no network or subscriber counts.
                repositoryJson.remove("network_count");
                repositoryJson.remove("subscribers_count");
            }
            payload.put("repository", repositoryJson);
            payload.put("sender", access.account(sender));
            hook.installationId().ifPresent(id -> payload.put("installation",
                    Map.of("id", id, "node_id", IssueJson.nodeId("Installation", id))));
            send(hook, event, action, payload);
        }
    }

    /** Delivers the {@code push} of one commit that wrote {@code path} on {@code branch} (the contents API). */
    void publishPush(SandboxRepository repository, String branch, String path, GitStore.FileWrite write, SandboxUser pusher) {
        GitStore.Commit commit = write.commit();
        String zero = "0".repeat(40);
        String before = commit.parents().isEmpty() ? zero : commit.parents().get(0);
        Map<String, Object> commitJson = new LinkedHashMap<>();
        commitJson.put("id", commit.sha());
        commitJson.put("tree_id", commit.treeSha());
        commitJson.put("distinct", true);
        commitJson.put("message", commit.message());
        commitJson.put("timestamp", commit.committer().date().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        commitJson.put("url", GitJson.html(baseUrl, repository) + "/commit/" + commit.sha());
        commitJson.put("author", Map.of("name", commit.author().name(), "email", commit.author().email()));
        commitJson.put("committer", Map.of("name", commit.committer().name(), "email", commit.committer().email()));
        commitJson.put("added", write.created() ? List.of(path) : List.of());
        commitJson.put("removed", List.of());
        commitJson.put("modified", write.created() ? List.of() : List.of(path));
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("ref", "refs/heads/" + branch);
        fields.put("before", before);
        fields.put("after", commit.sha());
        fields.put("created", before.equals(zero));
        fields.put("deleted", false);
        fields.put("forced", false);
        fields.put("base_ref", null);
        fields.put("compare", GitJson.html(baseUrl, repository) + "/compare/" + before.substring(0, 12) + "..."
                + commit.sha().substring(0, 12));
        fields.put("commits", List.of(commitJson));
        fields.put("head_commit", commitJson);
        fields.put("pusher", Map.of("name", pusher.login(), "email",
                pusher.email() != null ? pusher.email() : pusher.login() + "@users.noreply.github.com"));
        publish("push", null, repository, fields, pusher);
    }

    /**
     * The {@code repository} of a payload: the REST shape without what only the REST API shows
     * (the caller's {@code permissions}, {@code temp_clone_token}).
     */
    private Map<String, Object> webhookRepository(SandboxRepository repository) {
        Map<String, Object> json = access.full(repository, null);
        json.remove("permissions");
        json.remove("temp_clone_token");
        return json;
    }

    /** An issue as webhook payloads carry it: the REST shape without {@code closed_by}, which they do not. */
    static Map<String, Object> webhookIssue(Map<String, Object> issue) {
        Map<String, Object> json = new LinkedHashMap<>(issue);
        json.remove("closed_by");
        return json;
    }

    private void send(SandboxWebhook hook, String event, @Nullable String action, Map<String, Object> payload) {
        byte[] body;
        try {
            body = SandboxExchange.mapper().writeValueAsBytes(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the " + event + " payload", e);
        }
        deliver(hook, UUID.randomUUID().toString(), event, action, body, false);
    }

    private record Sent(long hookId, String event, @Nullable String action, byte[] body) {
    }

    private void deliver(SandboxWebhook hook, String guid, String event, @Nullable String action, byte[] body,
                         boolean redelivery) {
        sent.putIfAbsent(guid, new Sent(hook.id(), event, action, body));
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("User-Agent", USER_AGENT);
        headers.put("Content-Type", "application/json");
        headers.put("X-GitHub-Event", event);
        headers.put("X-GitHub-Delivery", guid);
        headers.put("X-GitHub-Hook-ID", String.valueOf(hook.id()));
        boolean app = hook.installationId().isPresent();
        SandboxRepository repository = hook.repository();
        headers.put("X-GitHub-Hook-Installation-Target-Type", app ? "integration" : repository != null ? "repository" : "integration");
        headers.put("X-GitHub-Hook-Installation-Target-ID", String.valueOf(app || repository == null ? hook.appId() : repository.id()));
        String secret = hook.secret();
        headers.put("X-Hub-Signature", WebhookSigner.sha1(secret, body));
        headers.put("X-Hub-Signature-256", WebhookSigner.sha256(secret, body));
        HttpRequest.Builder request = HttpRequest.newBuilder(hook.url()).timeout(TIMEOUT)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        headers.forEach(request::header);
        try {
            executor.execute(() -> attempt(hook, guid, event, action, headers, body, redelivery, request.build()));
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debug("Webhook delivery {} ({}) dropped: the sandbox is closed", guid, event);
        }
    }

    private void attempt(SandboxWebhook hook, String guid, String event, @Nullable String action, Map<String, String> headers,
                         byte[] body, boolean redelivery, HttpRequest request) {
        int status = 0;
        String error = null;
        try {
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            error = e.getClass().getSimpleName() + (e.getMessage() != null ? ": " + e.getMessage() : "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = "interrupted";
        }
        SandboxWebhookDelivery record = new SandboxWebhookDelivery(guid, hook.id(), event, action, headers, body,
                redelivery, status, error, clock.instant());
        LOG.debug("Webhook delivery {} ({}{}) to hook {}: {}", guid, event, redelivery ? ", redelivery" : "", hook.id(),
                error != null ? error : status);
        lock.lock();
        try {
            completed.add(record);
            delivered.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private Map<String, Object> hookJson(SandboxWebhook hook) {
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("content_type", "json");
        config.put("insecure_ssl", "0");
        config.put("secret", "********");
        config.put("url", hook.url().toString());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("type", hook.installationId().isPresent() ? "App" : "Repository");
        json.put("id", hook.id());
        json.put("name", "web");
        json.put("active", true);
        json.put("events", List.copyOf(hook.events()));
        json.put("config", config);
        String now = clock.instant().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        json.put("updated_at", now);
        json.put("created_at", now);
        if (hook.repository() != null) {
            String api = GitJson.api(baseUrl, hook.repository()) + "/hooks/" + hook.id();
            json.put("url", api);
            json.put("test_url", api + "/test");
            json.put("ping_url", api + "/pings");
            json.put("deliveries_url", api + "/deliveries");
        }
        Map<String, Object> lastResponse = new LinkedHashMap<>();
        lastResponse.put("code", null);
        lastResponse.put("status", "unused");
        lastResponse.put("message", null);
        json.put("last_response", lastResponse);
        return json;
    }
}
