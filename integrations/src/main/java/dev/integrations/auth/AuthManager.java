package dev.integrations.auth;

import dev.integrations.ConfigurationException;
import dev.integrations.Integrations;
import dev.integrations.ApiClient;
import dev.integrations.ClientContext;
import dev.integrations.ClientKey;
import dev.integrations.auth.store.AuthorizationStateStore;
import dev.integrations.auth.store.CredentialStatus;
import dev.integrations.auth.store.CredentialStore;
import dev.integrations.auth.store.InMemoryAuthorizationStateStore;
import dev.integrations.auth.store.InMemoryCredentialStore;
import dev.integrations.auth.store.StoredCredentials;
import dev.integrations.internal.config.ConfigValues;
import dev.integrations.github.auth.GithubAppCredentials;
import dev.integrations.github.auth.GithubAuthProvider;
import dev.integrations.http.HttpStep;
import dev.integrations.http.HttpTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * The entry point: owns the auth providers, the credential store, the pending-authorization
 * store and the one HTTP client every flow and session shares.
 *
 * <pre>{@code
 * AuthManager auth = AuthManager.builder()
 *     .github(GithubAppCredentials.builder().clientId("...").clientSecret("...").build())
 *     .build();
 * AuthorizationStep step = auth.github().oauth2().authorize(a -> a.subject("user-123"));
 * // ... user approves, GitHub redirects back ...
 * GithubUserCredentials token = auth.github().oauth2().exchange(e -> e.authorizationResponse(callbackUri));
 * auth.storeCredentials("github", "user-123", token);
 * try (Integrations integrations = auth.session("user-123")) {
 *     GithubUser me = integrations.github().getAuthenticatedUser();
 * }
 * }</pre>
 *
 * <p>Client names are case-insensitive. Subjects are strings or maps (canonical JSON). Thread-safe;
 * build one per application and share it.
 */
public final class AuthManager {
    private static final Logger LOG = LoggerFactory.getLogger(AuthManager.class);

    private final Map<String, AuthProvider<?>> providers;
    private final Map<String, Map<String, Object>> sessionSettings;
    private final CredentialStore credentialStore;
    private final AuthContext context;
    private final ClientContext providerContext;
    private final CredentialRefresher refresher;
    private final boolean autoRefresh;

    private AuthManager(Builder builder) {
        Map<String, String> environment = Map.copyOf(builder.environment != null ? builder.environment : System.getenv());
        HttpTransport transport = (builder.transport != null ? builder.transport : HttpTransport.create())
                .withSteps(builder.applicationSteps, builder.networkSteps);
        this.context = new AuthContext(transport, builder.clock, environment, builder.stateStore, builder.authorizationTtl);
        this.providerContext = context.providerContext();
        this.credentialStore = builder.credentialStore;
        this.refresher = new CredentialRefresher(builder.credentialStore, builder.clock, builder.refreshSkew,
                builder.refreshLockTimeout, builder.refreshLeaseTtl, builder.listeners);
        this.autoRefresh = builder.autoRefresh;

        Map<String, AuthProvider<?>> built = new LinkedHashMap<>();
        if (builder.github != null) {
            built.put(GithubAuthProvider.NAME, new GithubAuthProvider(builder.github, context));
        }
        Map<String, AuthProviderFactory> factories = InstalledFactories.ALL;
        for (Map.Entry<String, Map<String, Object>> e : builder.configs.entrySet()) {
            AuthProviderFactory factory = factories.get(e.getKey());
            if (factory == null) {
                throw new UnknownProviderException(e.getKey(), factories.keySet());
            }
            built.put(e.getKey(), factory.create(e.getValue(), context));
        }
        // Providers not configured in code are configured from the environment, as the seed says.
        for (AuthProviderFactory factory : factories.values()) {
            built.computeIfAbsent(factory.name(), name -> factory.create(Map.of(), context));
        }
        this.providers = Collections.unmodifiableMap(built);
        for (String name : builder.sessionSettings.keySet()) {
            provider(name);
        }
        this.sessionSettings = Map.copyOf(builder.sessionSettings);
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Every installed provider configured from the process environment, with in-memory stores. */
    public static AuthManager fromEnvironment() {
        return builder().build();
    }

    /** GitHub's auth provider: its app credentials and {@code oauth2()} flow. */
    public GithubAuthProvider github() {
        return (GithubAuthProvider) provider(GithubAuthProvider.NAME);
    }

    /** The auth provider with this name (case-insensitive). */
    public AuthProvider<?> provider(String name) {
        String key = ClientKey.normalizeName(name);
        AuthProvider<?> provider = providers.get(key);
        if (provider == null) {
            throw new UnknownProviderException(key, providers.keySet());
        }
        return provider;
    }

    /** The names of the configured providers. */
    public Set<String> providerNames() {
        return providers.keySet();
    }

    /** The credential store. */
    public CredentialStore credentialStore() {
        return credentialStore;
    }

    /** The HTTP client shared by every flow and session of this manager. */
    public HttpClient httpClient() {
        return context.transport().client();
    }

    /** The shared transport. */
    public HttpTransport transport() {
        return context.transport();
    }

    /**
     * Stores a user's credentials, replacing any stored for the same provider and subject.
     *
     * @param provider the provider name, case-insensitive
     * @param subject a String or a Map (canonical JSON with sorted keys)
     * @param credentials the provider's credentials type, or a snake_case map of it
     * @throws InvalidCredentialsException when the credentials are of another provider's type,
     *     malformed, or hold no token
     */
    public void storeCredentials(String provider, Object subject, Object credentials) {
        AuthProvider<?> auth = provider(provider);
        String canonical = Subject.canonical(subject);
        UserCredentials typed = toCredentials(auth, credentials);
        if (typed.accessToken() == null) {
            throw new InvalidCredentialsException("Refusing to store " + auth.name() + " credentials without an access token");
        }
        credentialStore.set(auth.name(), canonical, typed.toMap());
        LOG.debug("Stored {} credentials for subject {}", auth.name(), canonical);
        if (refresher.hasListeners()) {
            // The version is only known by reading the row back: worth a query only when someone listens.
            refresher.emit(CredentialEvent.Type.STORED, auth.name(), canonical,
                    credentialStore.get(auth.name(), canonical).map(StoredCredentials::version).orElse(0L),
                    typed.expiresAt(), null, false);
        }
    }

    /**
     * Loads a user's stored credentials.
     *
     * @param provider the provider name, case-insensitive
     * @param subject a String or a Map
     * @return the credentials (of the provider's type), or empty when none are stored
     */
    public Optional<UserCredentials> loadCredentials(String provider, Object subject) {
        AuthProvider<?> auth = provider(provider);
        return credentialStore.get(auth.name(), Subject.canonical(subject)).map(row -> fromStored(auth, row));
    }

    /** Loads a user's stored credentials as the given type. */
    public <C extends UserCredentials> Optional<C> loadCredentials(String provider, Object subject, Class<C> type) {
        return loadCredentials(provider, subject).map(type::cast);
    }

    /** Deletes a user's stored credentials; returns whether there were any. */
    public boolean deleteCredentials(String provider, Object subject) {
        AuthProvider<?> auth = provider(provider);
        String canonical = Subject.canonical(subject);
        boolean deleted = credentialStore.delete(auth.name(), canonical);
        LOG.debug("Deleted {} credentials for subject {}: {}", auth.name(), canonical, deleted);
        if (deleted) {
            refresher.emit(CredentialEvent.Type.DELETED, auth.name(), canonical, 0, null, null, false);
        }
        return deleted;
    }

    /**
     * Refreshes a subject's stored credentials now (coordinated like a session's refresh: one
     * request across threads and instances, stored atomically before it is returned).
     *
     * @throws MissingCredentialsException when nothing is stored
     * @throws ReauthorizationRequiredException when the refresh token is refused
     */
    public UserCredentials refreshCredentials(String provider, Object subject) {
        return refreshStored(provider(provider), Subject.canonical(subject));
    }

    private <C extends UserCredentials> C refreshStored(AuthProvider<C> auth, String subject) {
        StoredCredentials row = credentialStore.get(auth.name(), subject).orElseThrow(() -> new MissingCredentialsException(
                auth.name(), "No " + auth.name() + " credentials are stored for subject '" + subject + "'"));
        return refresher.refresh(auth, row, true);
    }

    /** The status of a subject's stored credentials, or empty when none are stored. */
    public Optional<CredentialStatus> credentialStatus(String provider, Object subject) {
        AuthProvider<?> auth = provider(provider);
        return credentialStore.get(auth.name(), Subject.canonical(subject)).map(StoredCredentials::status);
    }

    /**
     * Stored rows matching a filter, without their data, e.g. every user who must reconnect:
     * {@code auth.listCredentials(CredentialFilter.needingReauthorization("github"))}.
     */
    public java.util.List<StoredCredentials> listCredentials(dev.integrations.auth.store.CredentialFilter filter) {
        return credentialStore.list(filter).stream()
                .map(row -> new StoredCredentials(row.provider(), row.subject(), Map.of(), row.version(), row.status(),
                        row.expiresAt(), row.createdAt(), row.updatedAt()))
                .toList();
    }

    /** Opens a session for a subject with every configured provider and stored credentials. */
    public Integrations session(String subject) {
        return session(SessionOptions.builder().subject(subject).build());
    }

    /** Opens a session: {@code auth.session(s -> s.subject("user-123").providers("github"))}. */
    public Integrations session(Consumer<SessionOptions.Builder> options) {
        SessionOptions.Builder builder = SessionOptions.builder();
        options.accept(builder);
        return session(builder.build());
    }

    /**
     * Opens a session: resolves credentials (given, else stored unless auto-load is off), binds
     * each provider and applies overrides. Creates no HTTP client and does no network I/O, except
     * to refresh stored credentials that expire within the refresh skew; such a refresh is the only
     * store write a session makes, and it is stored before the new token is used.
     *
     * @throws MissingCredentialsException when a provider named in {@code providers(...)} has no
     *     credentials; providers not named explicitly fail later, when used
     */
    public Integrations session(SessionOptions options) {
        boolean explicit = !options.providers().isEmpty();
        Set<String> names = explicit ? options.providers() : providers.keySet();
        for (String name : names) {
            provider(name);
        }
        for (String name : options.credentials().keySet()) {
            if (!names.contains(name)) {
                throw new ConfigurationException("withCredentials names provider '" + name + "' which is not in this session "
                        + names);
            }
        }
        for (String name : options.overrides().keySet()) {
            if (!names.contains(name)) {
                throw new ConfigurationException("override names provider '" + name + "' which is not in this session " + names);
            }
        }
        Integrations.Builder container = Integrations.builder().context(providerContext);
        for (String name : names) {
            AuthProvider<?> auth = providers.get(name);
            try {
                SessionBinding<?> binding = resolve(auth, options);
                // replace(name, settings) inside the session rebinds with the session's credentials
                // rather than building a provider from the environment, whose token is the operator's.
                Map<String, Object> applicationSettings = sessionSettings.getOrDefault(name, Map.of());
                container.rebinder(name, settings -> binding.bind(applicationSettings, settings));
                container.provider(binding.bind(applicationSettings, options.overrides().get(name)));
            } catch (MissingCredentialsException e) {
                if (explicit) {
                    throw e;
                }
                String message = e.getMessage();
                container.unavailable(name, () -> new MissingCredentialsException(name, message));
            } catch (ReauthorizationRequiredException e) {
                if (explicit) {
                    throw e;
                }
                java.util.function.Supplier<ReauthorizationRequiredException> again = () -> new ReauthorizationRequiredException(
                        e.provider(), e.subject(), e.error(), e.getMessage());
                container.unavailable(name, again);
                container.rebinder(name, settings -> {
                    throw again.get();
                });
            }
        }
        return container.build();
    }

    /**
     * A provider's resolved credentials in one session, and how to bind them to settings: at
     * session open, and again for {@code replace(...)} overrides inside the session.
     */
    private record SessionBinding<C extends UserCredentials>(AuthProvider<C> auth, C credentials, String subject,
                                                             TokenSource tokenSource) {
        /**
         * Application settings and session overrides are kept apart so a provider can bind the
         * credentials to the application's host and check what the session overrides.
         */
        ApiClient bind(Map<String, ?> applicationSettings, Map<String, ?> overrides) {
            return auth.bind(credentials, subject, applicationSettings, overrides == null ? Map.of() : overrides,
                    tokenSource);
        }
    }

    private <C extends UserCredentials> SessionBinding<C> resolve(AuthProvider<C> auth, SessionOptions options) {
        C credentials = null;
        TokenSource tokenSource = null;
        Object given = options.credentials().get(auth.name());
        if (given != null) {
            credentials = auth.credentialsType().cast(toCredentials(auth, given));
            if (credentials.accessToken() == null) {
                // Without this, a map missing access_token silently made the session fall back to
                // the app-wide token, acting as the operator instead of the user.
                throw new InvalidCredentialsException("The " + auth.name() + " credentials passed with withCredentials have"
                        + " no access_token; pass the user's token, or leave withCredentials out to use stored credentials");
            }
        } else if (options.autoLoadCredentials() && options.subject() != null) {
            Optional<StoredCredentials> row = credentialStore.get(auth.name(), options.subject());
            if (row.isPresent()) {
                if (row.get().status() == CredentialStatus.NEEDS_REAUTHORIZATION) {
                    throw new ReauthorizationRequiredException(auth.name(), options.subject(), "needs_reauthorization",
                            "The " + auth.name() + " credentials of subject '" + options.subject() + "' need"
                                    + " reauthorization: the user must connect again.");
                }
                credentials = auth.credentialsType().cast(fromStored(auth, row.get()));
                if (credentials.accessToken() == null) {
                    throw new InvalidCredentialsException("Stored " + auth.name() + " credentials for subject '"
                            + options.subject() + "' have no access_token; store new ones or delete the row");
                }
                if (autoRefresh && refresher.isDue(credentials)) {
                    credentials = refreshOrKeep(auth, row.get(), credentials, options.subject());
                }
                if (autoRefresh && credentials.expiresAt() != null) {
                    tokenSource = new StoredTokenSource<>(auth, credentials, options.subject());
                }
            }
        }
        return new SessionBinding<>(auth, credentials, options.subject(), tokenSource);
    }

    /**
     * Refreshes due credentials at session open. When the refresh fails for a reason other than a
     * refused refresh token or a rotated token set that could not be stored (the authorization
     * server is down or slow, another instance holds the lease too long, ...) and the
     * stored access token has not actually expired, the session opens with it: the failure is
     * logged and was reported as a REFRESH_FAILED event, and the next session open (or a 401)
     * refreshes again. Only an expired token makes the failure propagate.
     */
    private <C extends UserCredentials> C refreshOrKeep(AuthProvider<C> auth, StoredCredentials row, C credentials,
                                                        String subject) {
        try {
            return refresher.refresh(auth, row, false);
        } catch (ReauthorizationRequiredException | MissingCredentialsException | RefreshNotStoredException e) {
            // Not stored means GitHub has rotated: the stored token set is likely dead already.
            throw e;
        } catch (dev.integrations.IntegrationsException e) {
            if (refresher.isExpired(credentials)) {
                throw e;
            }
            LOG.warn("Refreshing {} credentials for subject {} failed ({}); using the stored access token, valid until {},"
                    + " and refreshing again on the next session or on a 401", auth.name(), subject,
                    e.getClass().getSimpleName(), credentials.expiresAt());
            return credentials;
        }
    }

    /**
     * A session's view of stored, expiring credentials: after a 401 it refreshes through the
     * coordinated path (or picks up what another instance stored) and serves the new token.
     */
    private final class StoredTokenSource<C extends UserCredentials> implements TokenSource {
        private final AuthProvider<C> auth;
        private final String subject;
        private volatile C credentials;

        StoredTokenSource(AuthProvider<C> auth, C credentials, String subject) {
            this.auth = auth;
            this.credentials = credentials;
            this.subject = subject;
        }

        @Override
        public String currentToken() {
            return credentials.accessToken();
        }

        @Override
        public String refreshAfterUnauthorized(String rejectedToken) {
            Optional<StoredCredentials> row = credentialStore.get(auth.name(), subject);
            if (row.isEmpty()) {
                return null;
            }
            C stored = auth.credentialsType().cast(fromStored(auth, row.get()));
            C fresh = rejectedToken.equals(stored.accessToken()) ? refresher.refresh(auth, row.get(), true) : stored;
            credentials = fresh;
            return fresh.accessToken();
        }
    }

    private static UserCredentials toCredentials(AuthProvider<?> auth, Object credentials) {
        Objects.requireNonNull(credentials, "credentials");
        if (credentials instanceof Map<?, ?> map) {
            for (Object key : map.keySet()) {
                if (!(key instanceof String)) {
                    throw new InvalidCredentialsException(auth.name() + " credentials map keys must be strings");
                }
            }
            @SuppressWarnings("unchecked")
            Map<String, ?> typed = (Map<String, ?>) map;
            return auth.credentialsFromMap(typed);
        }
        if (auth.credentialsType().isInstance(credentials)) {
            return (UserCredentials) credentials;
        }
        throw new InvalidCredentialsException("Credentials for '" + auth.name() + "' must be a "
                + auth.credentialsType().getSimpleName() + " or a Map, not " + credentials.getClass().getSimpleName());
    }

    private static UserCredentials fromStored(AuthProvider<?> auth, StoredCredentials row) {
        try {
            return auth.credentialsFromMap(row.data());
        } catch (InvalidCredentialsException e) {
            throw new InvalidCredentialsException("Stored " + auth.name() + " credentials for subject '" + row.subject()
                    + "' cannot be read (" + e.getMessage() + "); store new ones or delete the row");
        }
    }

    @Override
    public String toString() {
        return "AuthManager[providers=" + providers.keySet() + ", store=" + credentialStore.getClass().getSimpleName() + "]";
    }

    /** Auth provider factories found once per class loader with {@link ServiceLoader}. */
    private static final class InstalledFactories {
        static final Map<String, AuthProviderFactory> ALL = load();

        private static Map<String, AuthProviderFactory> load() {
            Map<String, AuthProviderFactory> factories = new LinkedHashMap<>();
            for (AuthProviderFactory f : ServiceLoader.load(AuthProviderFactory.class, AuthManager.class.getClassLoader())) {
                factories.putIfAbsent(ClientKey.normalizeName(f.name()), f);
            }
            return Collections.unmodifiableMap(factories);
        }
    }

    /** Builds an {@link AuthManager}. */
    public static final class Builder {
        private GithubAppCredentials github;
        private final Map<String, Map<String, Object>> configs = new LinkedHashMap<>();
        private final Map<String, Map<String, Object>> sessionSettings = new LinkedHashMap<>();
        private CredentialStore credentialStore;
        private AuthorizationStateStore stateStore;
        private Map<String, String> environment;
        private HttpTransport transport;
        private Clock clock = Clock.systemUTC();
        private Duration authorizationTtl = Duration.ofMinutes(10);
        private Duration refreshSkew = Duration.ofMinutes(5);
        private Duration refreshLockTimeout = Duration.ofSeconds(30);
        private Duration refreshLeaseTtl = Duration.ofSeconds(60);
        private boolean autoRefresh = true;
        private final java.util.List<CredentialListener> listeners = new java.util.ArrayList<>();
        private final java.util.List<HttpStep> applicationSteps = new java.util.ArrayList<>();
        private final java.util.List<HttpStep> networkSteps = new java.util.ArrayList<>();

        private Builder() {
        }

        /**
         * Adds an application step to every API client call of this manager's clients and
         * sessions, like OkHttp's {@code addInterceptor}. Application steps run first, outside the
         * SDK's own steps, in the order added (the first added is outermost), so each sees a call
         * once as the caller made it, before authorization headers, redirects and retries, and sees
         * its final result. The chain of a GitHub call, outermost first, is: application steps,
         * refresh on 401 (sessions), redirects, retries, GitHub headers, rate limits, conditional
         * cache, network steps, the network.
         *
         * @param step the step; it may change the request, call the chain zero or more times and
         *     change or replace the result
         * @return this builder
         */
        public Builder addStep(HttpStep step) {
            applicationSteps.add(Objects.requireNonNull(step, "step"));
            return this;
        }

        /**
         * Adds a network step to every API client call of this manager's clients and sessions,
         * like OkHttp's {@code addNetworkInterceptor}. Network steps run last, just before the
         * network, in the order added: each sees every attempt that goes on the wire (every
         * redirect hop, every retry) with the headers actually sent, including
         * {@code Authorization}, which it must never log. A response the conditional cache
         * answers from a 304 reaches network steps as the 304.
         *
         * @param step the step
         * @return this builder
         */
        public Builder addNetworkStep(HttpStep step) {
            networkSteps.add(Objects.requireNonNull(step, "step"));
            return this;
        }

        /** Refresh stored credentials that expire within this margin when a session opens (default 5 minutes). */
        public Builder refreshSkew(Duration skew) {
            if (skew.isNegative()) {
                throw new IllegalArgumentException("refreshSkew must not be negative");
            }
            this.refreshSkew = skew;
            return this;
        }

        /** How long to wait for another thread's or instance's refresh of the same credentials (default 30 s). */
        public Builder refreshLockTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("refreshLockTimeout must be positive");
            }
            this.refreshLockTimeout = timeout;
            return this;
        }

        /**
         * How long a refresh lease lasts unless released (default 60 s): after that another instance
         * may take it over, e.g. when the holder crashed. Make it longer than the token endpoint's
         * timeout; a holder that outlives it cannot overwrite a newer token (writes are fenced by
         * the credentials' version).
         */
        public Builder refreshLeaseTtl(Duration ttl) {
            if (ttl.isNegative() || ttl.isZero()) {
                throw new IllegalArgumentException("refreshLeaseTtl must be positive");
            }
            this.refreshLeaseTtl = ttl;
            return this;
        }

        /** Whether sessions refresh expiring stored credentials (default true). */
        public Builder autoRefresh(boolean autoRefresh) {
            this.autoRefresh = autoRefresh;
            return this;
        }

        /** Receives stored, refreshed, refresh-failed and deleted events (never tokens). */
        public Builder listener(CredentialListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /** GitHub's app credentials; fields not given are taken from the environment, then defaults. */
        public Builder github(GithubAppCredentials credentials) {
            this.github = Objects.requireNonNull(credentials, "credentials");
            configs.remove(GithubAuthProvider.NAME);
            return this;
        }

        /**
         * A provider's app configuration as a snake_case map (for GitHub: {@code client_id},
         * {@code client_secret}, {@code redirect_uri}, ...); absent keys come from the environment.
         */
        public Builder provider(String name, Map<String, ?> config) {
            String key = ClientKey.normalizeName(name);
            if (key.equals(GithubAuthProvider.NAME)) {
                return github(GithubAppCredentials.fromMap(config));
            }
            configs.put(key, ConfigValues.copy(config));
            return this;
        }

        /**
         * Settings every session's provider starts from (snake_case, e.g. GitHub's
         * {@code base_url}, {@code user_agent}, {@code timeout}); session overrides go on top.
         */
        public Builder sessionSettings(String provider, Map<String, ?> settings) {
            sessionSettings.put(ClientKey.normalizeName(provider), ConfigValues.copy(settings));
            return this;
        }

        /** Where user credentials are kept (in memory when unset). */
        public Builder credentialStore(CredentialStore store) {
            this.credentialStore = Objects.requireNonNull(store, "store");
            return this;
        }

        /** Where pending authorizations are kept (in memory when unset; share one across instances). */
        public Builder authorizationStateStore(AuthorizationStateStore store) {
            this.stateStore = Objects.requireNonNull(store, "store");
            return this;
        }

        /** The environment to read instead of the process's. */
        public Builder environment(Map<String, String> environment) {
            this.environment = Map.copyOf(environment);
            return this;
        }

        /**
         * The HTTP client to share (for proxies or custom TLS); one is created when unset.
         *
         * @throws ConfigurationException unless the client was built with
         *     {@code followRedirects(HttpClient.Redirect.NEVER)} (see {@link HttpTransport#of})
         */
        public Builder httpClient(HttpClient client) {
            this.transport = HttpTransport.of(client);
            return this;
        }

        /** The clock for expiry decisions (tests). */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /** How long a started authorization may take to come back (default 10 minutes, as GitHub's codes). */
        public Builder authorizationTtl(Duration ttl) {
            if (ttl.isNegative() || ttl.isZero()) {
                throw new IllegalArgumentException("authorizationTtl must be positive");
            }
            this.authorizationTtl = ttl;
            return this;
        }

        /** Builds the manager. */
        public AuthManager build() {
            if (credentialStore == null) {
                credentialStore = new InMemoryCredentialStore(clock);
            }
            if (stateStore == null) {
                stateStore = new InMemoryAuthorizationStateStore();
            }
            return new AuthManager(this);
        }
    }
}
