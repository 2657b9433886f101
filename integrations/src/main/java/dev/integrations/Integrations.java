package dev.integrations;

import dev.integrations.core.ApiClient;
import dev.integrations.core.ClientKey;
import dev.integrations.core.ConfigurationException;
import dev.integrations.core.IntegrationsException;
import dev.integrations.spi.ClientContext;
import dev.integrations.spi.ClientFactory;

import dev.integrations.github.GithubClient;
import dev.integrations.http.HttpTransport;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

/**
 * A container of API clients, one per service: {@code integrations.github()} for
 * GitHub, {@link #get(ClientKey)} for any other.
 *
 * <p>Sessions from {@code AuthManager.session(...)} return one, bound to a user's credentials;
 * {@link #fromEnvironment()} builds one from environment variables alone. Close it when done
 * (try-with-resources); a closed container refuses further use. {@link #overrides} changes
 * clients for the length of a scope and restores them on close.
 *
 * <p>Thread-safe: lookups read an immutable snapshot; override scopes swap snapshots under a
 * {@link ReentrantLock} that is never held during I/O.
 *
 * <p>Why this class is about 500 lines: it is the container, its builder and the overrides scope,
 * which share the container's state; about 40% of it is Javadoc.
 */
public final class Integrations implements AutoCloseable {
    private static final VarHandle LOCK;

    static {
        try {
            LOCK = MethodHandles.lookup().findVarHandle(Integrations.class, "lock", ReentrantLock.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** Made by the first override scope ({@link #lock()}): most containers, a session's, never open one. */
    private volatile @Nullable ReentrantLock lock;
    private final ClientContext context;
    private final Map<String, ClientFactory> types;
    private final Map<String, Function<Map<String, ?>, ? extends ApiClient>> rebinders;
    /** Created by the first override scope (under the lock): most containers never open one. */
    private @Nullable Deque<OverrideScope> openScopes;
    private volatile Snapshot current;
    private volatile boolean closed;

    /** Clients and the reasons others could not be built, swapped as a unit. */
    private record Snapshot(Map<String, ApiClient> clients, Map<String, Supplier<? extends IntegrationsException>> unavailable) {
    }

    private Integrations(Builder builder, ClientContext context) {
        this.context = context;
        this.types = builder.types;
        this.rebinders = Map.copyOf(builder.rebinders);
        Map<String, ApiClient> clients = new LinkedHashMap<>(builder.clients);
        for (Map.Entry<String, Map<String, ?>> e : builder.settings.entrySet()) {
            clients.put(e.getKey(), type(e.getKey()).create(e.getValue(), context));
        }
        this.current = new Snapshot(Collections.unmodifiableMap(clients), Map.copyOf(builder.unavailable));
    }

    private Integrations(ClientContext context, Map<String, Function<Map<String, ?>, ? extends ApiClient>> rebinders,
                         Snapshot snapshot) {
        this.context = context;
        this.types = Map.of();
        this.rebinders = rebinders;
        this.current = snapshot;
    }

    /**
     * A session's container, from what {@code SessionBinder} bound, without a builder and its
     * maps: every session open makes one. Same as a builder with only a context, these clients,
     * rebinders and unavailable entries.
     *
     * @param context the manager's shared context
     * @param clients the bound clients by name, unmodifiable, in the session's order
     * @param unavailable why the other clients could not be bound, by name, unmodifiable
     * @param rebinders how {@code replace(...)} rebinds each client, by name, unmodifiable
     */
    static Integrations ofSession(ClientContext context, Map<String, ApiClient> clients,
                                  Map<String, Supplier<? extends IntegrationsException>> unavailable,
                                  Map<String, Function<Map<String, ?>, ? extends ApiClient>> rebinders) {
        return new Integrations(Objects.requireNonNull(context, "context"), rebinders, new Snapshot(clients, unavailable));
    }

    /**
     * Starts building a container.
     *
     * @return a new builder with no clients, the process environment, a new transport and the
     *     UTC system clock
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Every installed client (GitHub, and any found with {@link ServiceLoader}) configured from the
     * process environment, with its own HTTP client.
     *
     * <p>Without a token ({@code GITHUB_TOKEN} and its alternatives unset) the container still
     * builds, because anonymous calls to public endpoints are legitimate; a call GitHub then
     * refuses with 401 throws an {@link dev.integrations.http.UnauthorizedException} whose message
     * says that no token is configured and which variable to set.
     *
     * @return a container with every installed client
     * @throws ConfigurationException when an environment variable holds an invalid value
     */
    public static Integrations fromEnvironment() {
        return fromEnvironment(System.getenv());
    }

    /**
     * Every installed client configured from the given environment instead of the process's.
     *
     * @param environment the variables to read, e.g. {@code Map.of("GITHUB_TOKEN", token)}
     * @return a container with every installed client
     * @throws ConfigurationException when a variable holds an invalid value
     */
    public static Integrations fromEnvironment(Map<String, String> environment) {
        Builder builder = builder().environment(environment);
        for (String name : InstalledTypes.ALL.keySet()) {
            builder.client(name, Map.of());
        }
        return builder.build();
    }

    /**
     * The GitHub client.
     *
     * @return the client named {@code github}
     * @throws IntegrationsException when there is none, or it could not be bound (the session's
     *     reason)
     * @throws IllegalStateException when this container is closed
     */
    public GithubClient github() {
        return get(GithubClient.KEY);
    }

    /**
     * The client for {@code key}.
     *
     * @param <P> the client's type
     * @param key the client's name and type, e.g. {@link GithubClient#KEY}
     * @return the client
     * @throws IntegrationsException when it is absent, or could not be bound (the session's reason)
     * @throws IllegalStateException when this container is closed
     */
    public <P extends ApiClient> P get(ClientKey<P> key) {
        Snapshot snapshot = open();
        ApiClient client = snapshot.clients.get(key.name());
        if (client == null) {
            Supplier<? extends IntegrationsException> reason = snapshot.unavailable.get(key.name());
            if (reason != null) {
                throw reason.get();
            }
            throw new IntegrationsException("No '" + key.name() + "' client in this Integrations (it has "
                    + snapshot.clients.keySet() + "); configure it in the AuthManager or the Integrations builder,"
                    + " or do not filter it out of the session's clients");
        }
        return key.type().cast(client);
    }

    /**
     * Looks a client up by name.
     *
     * @param name the client's name, case-insensitive
     * @return the client, or empty when there is none (or it could not be bound)
     * @throws IllegalStateException when this container is closed
     */
    public Optional<ApiClient> find(String name) {
        return Optional.ofNullable(open().clients.get(ClientKey.normalizeName(name)));
    }

    /**
     * The names of the clients present.
     *
     * @return the lower-case names, unmodifiable; clients that could not be bound are left out
     * @throws IllegalStateException when this container is closed
     */
    public Set<String> clientNames() {
        return open().clients.keySet();
    }

    /**
     * Changes clients until the returned scope is closed:
     * <pre>{@code
     * try (var scope = integrations.overrides(o -> o.merge("github", Map.of("timeout", "30s")))) {
     *     integrations.github().settings().timeout();   // 30 s
     * }                                                 // previous clients restored
     * }</pre>
     * Scopes nest and must be closed in reverse order of opening.
     *
     * @param overrides receives the changes to make
     * @return the scope whose {@code close()} restores the previous clients
     * @throws IntegrationsException when a change names a client that is absent or cannot be built
     * @throws IllegalStateException when this container is closed
     */
    public OverrideScope overrides(Consumer<Overrides> overrides) {
        Overrides spec = new Overrides();
        overrides.accept(spec);
        ReentrantLock lock = lock();
        lock.lock();
        try {
            Snapshot before = open();
            Map<String, ApiClient> clients = new LinkedHashMap<>(before.clients);
            Map<String, Supplier<? extends IntegrationsException>> unavailable = new LinkedHashMap<>(before.unavailable);
            for (Overrides.Change change : spec.changes) {
                ApiClient next;
                if (change.client() != null) {
                    next = change.client();
                } else if (change.replace()) {
                    Function<Map<String, ?>, ? extends ApiClient> rebinder = rebinders.get(change.name());
                    next = rebinder != null ? rebinder.apply(change.settings())
                            : type(change.name()).create(change.settings(), context);
                } else {
                    ApiClient existing = clients.get(change.name());
                    if (existing == null) {
                        Supplier<? extends IntegrationsException> reason = unavailable.get(change.name());
                        if (reason != null) {
                            throw reason.get();
                        }
                        throw new IntegrationsException("Cannot merge settings into '" + change.name()
                                + "': no such client here; use replace(...) to add one");
                    }
                    next = existing.withSettings(change.settings());
                }
                clients.put(next.name(), next);
                unavailable.remove(next.name());
            }
            OverrideScope scope = new OverrideScope(before);
            current = new Snapshot(Collections.unmodifiableMap(clients), Map.copyOf(unavailable));
            if (openScopes == null) {
                openScopes = new ArrayDeque<>();
            }
            openScopes.push(scope);
            return scope;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Replaces clients of the same names until the returned scope is closed.
     *
     * @param clients the replacements
     * @return the scope whose {@code close()} restores the previous clients
     * @throws IllegalStateException when this container is closed
     */
    public OverrideScope overrides(ApiClient... clients) {
        return overrides(o -> {
            for (ApiClient p : clients) {
                o.replace(p);
            }
        });
    }

    /** The lock of the override scopes, made once: whichever thread comes first installs it. */
    private ReentrantLock lock() {
        ReentrantLock existing = lock;
        if (existing != null) {
            return existing;
        }
        ReentrantLock created = new ReentrantLock();
        ReentrantLock won = (ReentrantLock) LOCK.compareAndExchange(this, (ReentrantLock) null, created);
        return won == null ? created : won;
    }

    /** Marks the container closed; later lookups fail. The shared HTTP client stays open for other sessions. */
    @Override
    public void close() {
        closed = true;
    }

    private Snapshot open() {
        if (closed) {
            throw new IllegalStateException("This Integrations is closed; open a new session");
        }
        return current;
    }

    private ClientFactory type(String name) {
        ClientFactory type = types.get(name);
        if (type == null) {
            type = InstalledTypes.ALL.get(name);
        }
        if (type == null) {
            throw new ConfigurationException("No client factory named '" + name + "' is installed (known: "
                    + InstalledTypes.ALL.keySet() + "); add its module to the class path or register it with clientFactory(...)");
        }
        return type;
    }

    @Override
    public String toString() {
        Snapshot snapshot = current;
        return "Integrations[clients=" + snapshot.clients.keySet() + (closed ? ", closed" : "") + "]";
    }

    /** A set of client changes for {@link #overrides(Consumer)}. */
    public static final class Overrides {
        private record Change(String name, Map<String, ?> settings, boolean replace, @Nullable ApiClient client) {
        }

        private final java.util.List<Change> changes = new java.util.ArrayList<>();

        private Overrides() {
        }

        /**
         * Merges snake_case settings into the current client's settings.
         *
         * @param client the client's name, case-insensitive
         * @param settings the settings to change; a null value restores the default
         * @return these overrides
         */
        public Overrides merge(String client, Map<String, ?> settings) {
            changes.add(new Change(ClientKey.normalizeName(client), copy(settings), false, null));
            return this;
        }

        /**
         * Replaces the client with one built from these settings alone (then environment, then
         * defaults). In a session from {@code AuthManager.session(...)} the replacement is bound
         * to the session's credentials like the original: these settings on top of the manager's
         * session settings, the user's token kept (an explicit {@code token} setting still wins),
         * and the environment's token never taken in its place; a client the session could not
         * bind fails the same way again.
         *
         * @param client the client's name, case-insensitive
         * @param settings the snake_case settings of the replacement
         * @return these overrides
         */
        public Overrides replace(String client, Map<String, ?> settings) {
            changes.add(new Change(ClientKey.normalizeName(client), copy(settings), true, null));
            return this;
        }

        /**
         * Replaces the client of the same name with this instance.
         *
         * @param client the replacement
         * @return these overrides
         */
        public Overrides replace(ApiClient client) {
            changes.add(new Change(client.name(), Map.of(), true, Objects.requireNonNull(client, "client")));
            return this;
        }
    }

    /** Restores the clients that were in place when it was opened. */
    public final class OverrideScope implements AutoCloseable {
        private final Snapshot previous;
        private boolean closedScope;

        private OverrideScope(Snapshot previous) {
            this.previous = previous;
        }

        /** Restores the previous clients. Closing twice does nothing. */
        @Override
        public void close() {
            ReentrantLock lock = lock();
            lock.lock();
            try {
                if (closedScope) {
                    return;
                }
                // A scope exists only after overrides(...) pushed it, so the deque exists here.
                Deque<OverrideScope> scopes = Objects.requireNonNull(openScopes);
                if (scopes.peek() != this) {
                    throw new IllegalStateException("Override scopes must be closed in reverse order of opening"
                            + " (use try-with-resources)");
                }
                scopes.pop();
                closedScope = true;
                current = previous;
            } finally {
                lock.unlock();
            }
        }
    }

    /** ApiClient types found once per class loader with {@link ServiceLoader}. */
    private static final class InstalledTypes {
        static final Map<String, ClientFactory> ALL = load();

        private static Map<String, ClientFactory> load() {
            Map<String, ClientFactory> types = new LinkedHashMap<>();
            for (ClientFactory type : ServiceLoader.load(ClientFactory.class, Integrations.class.getClassLoader())) {
                types.putIfAbsent(ClientKey.normalizeName(type.name()), type);
            }
            return Collections.unmodifiableMap(types);
        }
    }

    /** Builds an {@link Integrations}. */
    public static final class Builder {
        private final Map<String, ApiClient> clients = new LinkedHashMap<>();
        private final Map<String, Map<String, ?>> settings = new LinkedHashMap<>();
        private final Map<String, Supplier<? extends IntegrationsException>> unavailable = new LinkedHashMap<>();
        private final Map<String, ClientFactory> types = new LinkedHashMap<>();
        private final Map<String, Function<Map<String, ?>, ? extends ApiClient>> rebinders = new LinkedHashMap<>();
        private @Nullable Map<String, String> environment;
        private @Nullable HttpTransport transport;
        private Clock clock = Clock.systemUTC();
        private @Nullable ClientContext context;

        private Builder() {
        }

        /**
         * Uses a ready context instead of building one; {@link #environment}, {@link #transport}
         * and {@link #clock} are then ignored.
         *
         * @param context the transport, clock and environment to share
         * @return this builder
         */
        public Builder context(ClientContext context) {
            this.context = Objects.requireNonNull(context, "context");
            return this;
        }

        /**
         * Adds a ready client, replacing one of the same name.
         *
         * @param client the client
         * @return this builder
         */
        public Builder client(ApiClient client) {
            clients.put(client.name(), client);
            unavailable.remove(client.name());
            return this;
        }

        /**
         * Adds a client built from snake_case settings (then environment, then defaults) when the
         * container is built.
         *
         * @param name the client factory's name, case-insensitive, e.g. {@code "github"}
         * @param clientSettings the settings, e.g. {@code Map.of("timeout", "30s")}
         * @return this builder
         */
        public Builder client(String name, Map<String, ?> clientSettings) {
            settings.put(ClientKey.normalizeName(name), copy(clientSettings));
            return this;
        }

        /**
         * Records that a client could not be built: looking it up throws the supplied exception.
         * Sessions use this so a client without credentials fails where it is used.
         *
         * @param name the client's name, case-insensitive
         * @param reason supplies the exception each lookup throws
         * @return this builder
         */
        public Builder unavailable(String name, Supplier<? extends IntegrationsException> reason) {
            unavailable.put(ClientKey.normalizeName(name), Objects.requireNonNull(reason, "reason"));
            return this;
        }

        /**
         * How {@code overrides(o -> o.replace(name, settings))} builds the replacement, instead of
         * the client factory reading its settings and then the environment. Sessions register one
         * per client that binds the session's credentials again: a replacement inside a user's
         * session keeps the user's token (or fails as the session did) and never picks up the
         * environment's token, which is the operator's.
         *
         * @param name the client's name, case-insensitive
         * @param rebinder builds the replacement from the override's settings
         * @return this builder
         */
        public Builder rebinder(String name, Function<Map<String, ?>, ? extends ApiClient> rebinder) {
            rebinders.put(ClientKey.normalizeName(name), Objects.requireNonNull(rebinder, "rebinder"));
            return this;
        }

        /**
         * Registers a client factory not found by {@link ServiceLoader}; it takes precedence over
         * an installed one of the same name.
         *
         * @param type the factory
         * @return this builder
         */
        public Builder clientFactory(ClientFactory type) {
            types.put(ClientKey.normalizeName(type.name()), type);
            return this;
        }

        /**
         * Sets the environment to read defaults from (the process's when unset).
         *
         * @param environment the variables, copied
         * @return this builder
         */
        public Builder environment(Map<String, String> environment) {
            this.environment = Map.copyOf(environment);
            return this;
        }

        /**
         * Sets the HTTP transport the clients share.
         *
         * @param transport the transport, or null for a new one
         * @return this builder
         */
        public Builder transport(@Nullable HttpTransport transport) {
            this.transport = transport;
            return this;
        }

        /**
         * Sets the clock (system UTC when unset).
         *
         * @param clock the clock for expiry decisions
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Builds the container and the clients given by settings.
         *
         * @return the container
         * @throws ConfigurationException when a client factory is not installed or a setting is
         *     invalid
         */
        public Integrations build() {
            if (context != null) {
                return new Integrations(this, context);
            }
            HttpTransport t = transport != null ? transport : HttpTransport.create();
            Map<String, String> env = environment != null ? environment : System.getenv();
            return new Integrations(this, new ClientContext(t, clock, env));
        }
    }

    /** An unmodifiable snapshot of a settings map (null values kept: they restore defaults). */
    private static Map<String, Object> copy(Map<String, ?> settings) {
        return Collections.unmodifiableMap(new LinkedHashMap<>(settings));
    }
}
