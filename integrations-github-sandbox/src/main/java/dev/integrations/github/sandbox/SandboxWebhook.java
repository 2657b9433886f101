package dev.integrations.github.sandbox;

import org.jspecify.annotations.Nullable;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A webhook registered with {@link WebhookDeliveries#register}: where deliveries go, which events
 * it subscribes to ({@code *} for all), and whether it is a repository's webhook or a GitHub App's
 * (deliveries then carry {@code installation.id}). Its secret is never shown by {@link #toString()}.
 */
public final class SandboxWebhook {
    private final long id;
    private final URI url;
    private final Set<String> events;
    private final @Nullable SandboxRepository repository;
    private final @Nullable Long installationId;
    private final long appId;
    private volatile String secret;

    SandboxWebhook(long id, URI url, String secret, Options options) {
        this.id = id;
        this.url = url;
        this.secret = secret;
        this.events = Set.copyOf(options.events);
        this.repository = options.repository;
        this.installationId = options.installationId;
        this.appId = options.appId;
    }

    /**
     * The hook's id, sent as {@code X-GitHub-Hook-ID}.
     *
     * @return the id
     */
    public long id() {
        return id;
    }

    /**
     * Where deliveries are POSTed.
     *
     * @return the payload URL
     */
    public URI url() {
        return url;
    }

    /**
     * The subscribed events; {@code *} means every event.
     *
     * @return the event names
     */
    public Set<String> events() {
        return events;
    }

    /**
     * The GitHub App installation deliveries name in {@code installation.id}, if this is an App's webhook.
     *
     * @return the installation id, or empty for a repository webhook
     */
    public OptionalLong installationId() {
        return installationId == null ? OptionalLong.empty() : OptionalLong.of(installationId);
    }

    boolean subscribes(String event) {
        return event.equals("ping") || events.contains("*") || events.contains(event);
    }

    boolean covers(SandboxRepository candidate) {
        return repository == null || repository.id() == candidate.id();
    }

    @Nullable SandboxRepository repository() {
        return repository;
    }

    long appId() {
        return appId;
    }

    String secret() {
        return secret;
    }

    void secret(String newSecret) {
        this.secret = newSecret;
    }

    @Override
    public String toString() {
        return "SandboxWebhook[id=" + id + ", url=" + url + ", events=" + events
                + (repository != null ? ", repository=" + repository.fullName() : "")
                + (installationId != null ? ", installation=" + installationId : "") + "]";
    }

    /** Options of a webhook registration. Not thread-safe. */
    public static final class Options {
        private final Set<String> events = new LinkedHashSet<>(List.of("*"));
        private @Nullable SandboxRepository repository;
        private @Nullable Long installationId;
        private long appId = 1;

        Options() {
        }

        /**
         * The events to subscribe to (default {@code *}, every event); {@code ping} is always sent.
         *
         * @param names event names such as {@code issues}, {@code issue_comment}, {@code pull_request}, {@code push}
         * @return these options
         */
        public Options events(String... names) {
            events.clear();
            for (String name : names) {
                events.add(Objects.requireNonNull(name, "event"));
            }
            return this;
        }

        /**
         * Makes it a repository's webhook: only that repository's events are delivered (default:
         * every repository's).
         *
         * @param repository the repository
         * @return these options
         */
        public Options repository(SandboxRepository repository) {
            this.repository = Objects.requireNonNull(repository, "repository");
            return this;
        }

        /**
         * Makes it a GitHub App's webhook: deliveries carry {@code installation: {id, node_id}} and
         * {@code X-GitHub-Hook-Installation-Target-Type: integration}.
         *
         * @param installationId the installation's id
         * @param appId the App's id, sent as {@code X-GitHub-Hook-Installation-Target-ID}
         * @return these options
         */
        public Options app(long appId, long installationId) {
            this.appId = appId;
            this.installationId = installationId;
            return this;
        }
    }
}
