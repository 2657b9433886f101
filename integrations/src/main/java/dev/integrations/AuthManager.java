package dev.integrations;

import dev.integrations.auth.AuthContext;
import dev.integrations.auth.AuthProvider;
import dev.integrations.auth.AuthProviderFactory;
import dev.integrations.auth.CompletedAuthorization;
import dev.integrations.auth.CredentialListener;
import dev.integrations.auth.DisconnectOptions;
import dev.integrations.auth.DisconnectResult;
import dev.integrations.auth.RevocationFailedException;
import dev.integrations.auth.InvalidCredentialsException;
import dev.integrations.auth.InvalidStateException;
import dev.integrations.auth.OAuthException;
import dev.integrations.auth.MissingCredentialsException;
import dev.integrations.auth.ReauthorizationRequiredException;
import dev.integrations.auth.SessionOptions;
import dev.integrations.auth.Subject;
import dev.integrations.auth.UnknownProviderException;
import dev.integrations.auth.UserCredentials;

import dev.integrations.core.ConfigurationException;
import dev.integrations.Integrations;
import dev.integrations.core.ClientKey;
import dev.integrations.auth.store.AuthorizationStateStore;
import dev.integrations.auth.store.CredentialStatus;
import dev.integrations.auth.store.CredentialStore;
import dev.integrations.auth.store.InMemoryAuthorizationStateStore;
import dev.integrations.auth.store.InMemoryCredentialStore;
import dev.integrations.auth.store.StoredCredentials;
import dev.integrations.internal.config.ConfigValues;
import dev.integrations.github.auth.GithubAppCredentials;
import dev.integrations.github.auth.GithubAuthProvider;
import dev.integrations.github.GithubSettings;
import dev.integrations.github.app.GithubAppClient;
import dev.integrations.github.app.GithubAppSettings;
import dev.integrations.github.app.Installation;
import dev.integrations.github.app.InstallationNotFoundException;
import dev.integrations.github.app.InstallationTokenRequest;
import dev.integrations.internal.github.app.DefaultGithubAppClient;
import dev.integrations.http.HttpStep;
import dev.integrations.http.HttpTransport;

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
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

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
 * <p>Provider names are case-insensitive. Subjects are strings or maps (canonical JSON). Thread-safe;
 * build one per application and share it.
 *
 * <p>Why this class is about 600 lines: half of it is Javadoc, and most of the rest is its
 * builder; the work is done by {@code CredentialOperations}, {@code SessionBinder} and
 * {@code CredentialRefresher}, to which this facade delegates.
 */
public final class AuthManager {
    private final Map<String, AuthProvider<?>> providers;
    private final CredentialStore credentialStore;
    private final AuthContext context;
    private final CredentialOperations credentials;
    private final SessionBinder sessions;
    private final @Nullable DefaultGithubAppClient githubApp;
    private final AuthorizationCompletion completion;

    private AuthManager(Builder builder, CredentialStore credentialStore, AuthorizationStateStore stateStore) {
        Map<String, String> environment = Map.copyOf(builder.environment != null ? builder.environment : System.getenv());
        HttpTransport transport = (builder.transport != null ? builder.transport : HttpTransport.create())
                .withSteps(builder.applicationSteps, builder.networkSteps);
        this.context = new AuthContext(transport, builder.clock, environment, stateStore, builder.authorizationTtl);
        this.credentialStore = credentialStore;
        CredentialRefresher refresher = new CredentialRefresher(credentialStore, builder.clock, builder.refreshSkew,
                builder.refreshLockTimeout, builder.refreshLeaseTtl, builder.listeners);
        this.credentials = new CredentialOperations(credentialStore, refresher);

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
        // Providers not configured in code are configured from the environment, so an application
        // that sets only environment variables still gets every provider.
        for (AuthProviderFactory factory : factories.values()) {
            built.computeIfAbsent(factory.name(), name -> factory.create(Map.of(), context));
        }
        // The GitHub provider's own API calls (token administration, disconnect) go to the host
        // its sessions use: the application's settings apply to them too.
        Map<String, Object> githubSettings = builder.sessionSettings.get(GithubAuthProvider.NAME);
        if (githubSettings != null && built.get(GithubAuthProvider.NAME) instanceof GithubAuthProvider github) {
            built.put(GithubAuthProvider.NAME, new GithubAuthProvider(github.appCredentials(), context, githubSettings));
        }
        this.providers = Collections.unmodifiableMap(built);
        for (String name : builder.sessionSettings.keySet()) {
            provider(name);
        }
        this.sessions = new SessionBinder(providers, Map.copyOf(builder.sessionSettings), credentialStore, refresher,
                builder.autoRefresh, context.clientContext());
        this.githubApp = githubApp(builder, environment, transport);
        this.completion = new AuthorizationCompletion(providers, context, credentials);
    }

    /** The GitHub App client when an app is configured in code or by GITHUB_APP_ID / GITHUB_APP_CLIENT_ID. */
    private static @Nullable DefaultGithubAppClient githubApp(Builder builder, Map<String, String> environment,
                                                              HttpTransport transport) {
        GithubAppSettings app = (builder.githubApp != null ? builder.githubApp : GithubAppSettings.builder().build())
                .withEnvironment(environment);
        if (!app.isConfigured()) {
            return null;
        }
        GithubSettings settings = GithubSettings.fromEnvironment(environment);
        Map<String, Object> shared = builder.sessionSettings.get(GithubAuthProvider.NAME);
        if (shared != null) {
            settings = settings.withChanges(shared);
        }
        return new DefaultGithubAppClient(app, settings, transport, builder.clock);
    }

    /**
     * Starts building a manager.
     *
     * @return a new builder: in-memory stores, the process environment and a new HTTP client
     *     unless set
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Every installed provider configured from the process environment, with in-memory stores.
     *
     * @return the manager
     * @throws ConfigurationException when an environment variable holds an invalid value
     */
    public static AuthManager fromEnvironment() {
        return builder().build();
    }

    /**
     * GitHub's auth provider: its app credentials and {@code oauth2()} flow.
     *
     * @return the provider named {@code github}
     */
    public GithubAuthProvider github() {
        return (GithubAuthProvider) provider(GithubAuthProvider.NAME);
    }

    /**
     * Looks an auth provider up by name.
     *
     * @param name the provider name, case-insensitive
     * @return the provider
     * @throws UnknownProviderException when no provider has that name
     */
    public AuthProvider<?> provider(String name) {
        String key = ClientKey.normalizeName(name);
        AuthProvider<?> provider = providers.get(key);
        if (provider == null) {
            throw new UnknownProviderException(key, providers.keySet());
        }
        return provider;
    }

    /**
     * The names of the configured providers.
     *
     * @return the lower-case names, unmodifiable
     */
    public Set<String> providerNames() {
        return providers.keySet();
    }

    /**
     * The store that keeps users' credentials.
     *
     * @return the configured store, or the in-memory one created when none was set
     */
    public CredentialStore credentialStore() {
        return credentialStore;
    }

    /**
     * The HTTP client shared by every flow and session of this manager.
     *
     * @return the JDK client under {@link #transport()}
     * @throws IllegalStateException when the transport sends through another backend (see
     *     {@link HttpTransport#client()})
     */
    public HttpClient httpClient() {
        return context.transport().client();
    }

    /**
     * The transport shared by every flow and session of this manager.
     *
     * @return the transport, with the builder's application and network steps
     */
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
     * @throws UnknownProviderException when no provider has that name
     * @throws IllegalArgumentException when the subject is not a valid subject
     */
    public void storeCredentials(String provider, Object subject, Object credentials) {
        this.credentials.store(provider(provider), Subject.canonical(subject), credentials);
    }

    /**
     * Loads a user's stored credentials.
     *
     * @param provider the provider name, case-insensitive
     * @param subject a String or a Map
     * @return the credentials (of the provider's type), or empty when none are stored
     * @throws UnknownProviderException when no provider has that name
     * @throws InvalidCredentialsException when the stored credentials cannot be read
     */
    public Optional<UserCredentials> loadCredentials(String provider, Object subject) {
        return credentials.load(provider(provider), Subject.canonical(subject));
    }

    /**
     * Loads a user's stored credentials as the given type.
     *
     * @param <C> the credentials type
     * @param provider the provider name, case-insensitive
     * @param subject a String or a Map
     * @param type the provider's credentials class, e.g. {@code GithubUserCredentials.class}
     * @return the credentials, or empty when none are stored
     * @throws ClassCastException when {@code type} is not the provider's credentials type
     */
    public <C extends UserCredentials> Optional<C> loadCredentials(String provider, Object subject, Class<C> type) {
        return loadCredentials(provider, subject).map(type::cast);
    }

    /**
     * Deletes a user's stored credentials.
     *
     * @param provider the provider name, case-insensitive
     * @param subject a String or a Map
     * @return true when credentials were stored and are now deleted, false when there were none
     */
    public boolean deleteCredentials(String provider, Object subject) {
        return credentials.delete(provider(provider), Subject.canonical(subject));
    }

    /**
     * Refreshes a subject's stored credentials now (coordinated like a session's refresh: one
     * request across threads and instances, stored atomically before it is returned).
     *
     * @param provider the provider name, case-insensitive
     * @param subject a String or a Map
     * @return the new credentials, as stored
     * @throws MissingCredentialsException when nothing is stored
     * @throws ReauthorizationRequiredException when the refresh token is refused
     */
    public UserCredentials refreshCredentials(String provider, Object subject) {
        return credentials.refresh(provider(provider), Subject.canonical(subject));
    }

    /**
     * The status of a subject's stored credentials.
     *
     * @param provider the provider name, case-insensitive
     * @param subject a String or a Map
     * @return the status, or empty when none are stored
     */
    public Optional<CredentialStatus> credentialStatus(String provider, Object subject) {
        return credentials.status(provider(provider), Subject.canonical(subject));
    }

    /**
     * Stored rows matching a filter, without their data, e.g. every user who must reconnect:
     * {@code auth.listCredentials(CredentialFilter.needingReauthorization("github"))}.
     *
     * @param filter which rows, and at most how many
     * @return the matching rows; their {@code data} is left empty so no token leaves the store
     */
    public java.util.List<StoredCredentials> listCredentials(dev.integrations.auth.store.CredentialFilter filter) {
        return credentials.list(filter);
    }

    /**
     * Opens a session for a subject with every configured provider and stored credentials.
     *
     * @param subject the canonical subject
     * @return the session's clients; close it when done
     */
    public Integrations session(String subject) {
        // What SessionOptions.builder().subject(subject).build() gives, without the builder's collections.
        return session(new SessionOptions(Subject.canonical(subject), Set.of(), Map.of(), true, Map.of()));
    }

    /**
     * Opens a session: {@code auth.session(s -> s.subject("user-123").providers("github"))}.
     *
     * @param options receives the session's options
     * @return the session's clients; close it when done
     * @throws MissingCredentialsException when a provider named in {@code providers(...)} has no
     *     credentials
     */
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
     * @param options for whom, with which providers, credentials and overrides
     * @return the session's clients; close it when done
     */
    public Integrations session(SessionOptions options) {
        return sessions.open(options);
    }

    /**
     * Disconnects a user from a provider: revokes the app's access at the provider (GitHub: the
     * user's whole grant for the app), then deletes the stored credentials. If the provider cannot
     * be asked or fails, nothing is deleted and a {@link RevocationFailedException} says so;
     * {@code disconnect(provider, subject, DisconnectOptions.forceLocal())} deletes anyway.
     *
     * @param provider the provider name, case-insensitive
     * @param subject a String or a Map
     * @return what was revoked and whether the stored credentials were deleted
     * @throws RevocationFailedException when revocation failed; the stored credentials are kept
     * @throws UnknownProviderException when no provider has that name
     */
    public DisconnectResult disconnect(String provider, Object subject) {
        return disconnect(provider, subject, DisconnectOptions.defaults());
    }

    /**
     * Disconnects a user from a provider, as {@link #disconnect(String, Object)} but with options
     * (force the local delete, revoke only the token).
     *
     * @param provider the provider name, case-insensitive
     * @param subject a String or a Map
     * @param options how to revoke, and whether to delete locally when revoking fails
     * @return what was revoked and whether the stored credentials were deleted
     * @throws RevocationFailedException when revocation failed and {@code forceLocal} is off; the
     *     stored credentials are kept
     * @throws UnknownProviderException when no provider has that name
     */
    public DisconnectResult disconnect(String provider, Object subject, DisconnectOptions options) {
        return Disconnection.run(credentials, provider(provider), Subject.canonical(subject),
                java.util.Objects.requireNonNull(options, "options"));
    }

    /**
     * The GitHub App's client for app-level calls made with its JWT (list installations, find the
     * installation of a repository, create installation tokens).
     *
     * @return the app client
     * @throws ConfigurationException when no GitHub App is configured (the message says what to set)
     */
    public GithubAppClient githubApp() {
        return requireGithubApp();
    }

    /**
     * A container whose {@code github()} acts as a GitHub App installation: its installation token
     * is created on first use, shared by every session of the same installation (one request
     * however many sessions ask at once), renewed before it expires and replaced once if GitHub
     * answers 401 (revoked). No user credentials are involved and the credential store is not used.
     *
     * @param installationId the installation
     * @return the container; close it when done
     * @throws ConfigurationException when no GitHub App is configured
     */
    public Integrations installation(long installationId) {
        return installation(InstallationTokenRequest.of(installationId));
    }

    /**
     * {@link #installation(long)} with a token narrowed to repositories or permissions:
     * {@code auth.installation(i -> i.installationId(id).repositories("api").permission("issues", "write"))}.
     *
     * @param request receives the token request's builder
     * @return the container; close it when done
     * @throws ConfigurationException when no GitHub App is configured
     * @throws IllegalArgumentException when the request is invalid
     */
    public Integrations installation(Consumer<InstallationTokenRequest.Builder> request) {
        return installation(InstallationTokenRequest.of(request));
    }

    /**
     * {@link #installation(long)} for a token request.
     *
     * @param request the installation and optional narrowing
     * @return the container; close it when done
     * @throws ConfigurationException when no GitHub App is configured
     */
    public Integrations installation(InstallationTokenRequest request) {
        DefaultGithubAppClient app = requireGithubApp();
        return Integrations.builder().context(context.clientContext()).client(app.installationClient(request)).build();
    }

    /**
     * {@link #installation(long)} for the installation that reaches a repository (looked up with
     * {@code GET /repos/{owner}/{repo}/installation}).
     *
     * @param owner the repository's owner
     * @param repo the repository's name
     * @return the container; close it when done
     * @throws InstallationNotFoundException when the app is not installed on the repository
     * @throws ConfigurationException when no GitHub App is configured
     */
    public Integrations installationForRepository(String owner, String repo) {
        Installation found = requireGithubApp().getRepositoryInstallation(owner, repo);
        return installation(found.id());
    }

    /**
     * {@link #installation(long)} for the installation on an organization or user account.
     *
     * @param login the organization's or user's login
     * @return the container; close it when done
     * @throws InstallationNotFoundException when the app is not installed on that account
     * @throws ConfigurationException when no GitHub App is configured
     */
    public Integrations installationForOwner(String login) {
        Installation found = requireGithubApp().getOwnerInstallation(login);
        return installation(found.id());
    }

    private DefaultGithubAppClient requireGithubApp() {
        if (githubApp == null) {
            GithubAppSettings.builder().build().requireComplete();
            throw new ConfigurationException("No GitHub App configured");
        }
        return githubApp;
    }

    /**
     * Completes an authorization from the callback URL the browser arrived at: verifies its state
     * against the pending authorizations (before anything else, error callbacks included),
     * exchanges the code, stores the credentials under the subject the authorization was started
     * with and returns that subject with them. The subject is read from the pending authorization,
     * never from the callback, so a web application needs no cookie of its own:
     *
     * <pre>{@code
     * // GET /callback?code=...&state=...
     * CompletedAuthorization done = auth.completeAuthorization(request.getRequestURL() + "?" + request.getQueryString());
     * String user = done.subject();
     * }</pre>
     *
     * <p>A state is used once: a replayed callback is refused. When storing fails the exception is
     * the store's, nothing is stored, and the authorization must be started again.
     *
     * @param callbackUrl the whole callback URL (or just its query string)
     * @return the provider, the subject and the stored credentials
     * @throws InvalidStateException when the state is missing, forged, already used or expired, or
     *     the authorization was started without a subject (nothing is exchanged)
     * @throws OAuthException when the provider sent an error instead of a code (e.g.
     *     {@code access_denied} when the user clicked Deny), the callback has no code, or the
     *     provider refused the code
     */
    public CompletedAuthorization completeAuthorization(String callbackUrl) {
        return completion.complete(callbackUrl);
    }

    /**
     * Completes an authorization from the callback URL, as {@link #completeAuthorization(String)}.
     *
     * @param callbackUrl the callback URL the browser arrived at
     * @return the provider, the subject and the stored credentials
     * @throws InvalidStateException when the state is missing, forged, already used or expired, or
     *     the authorization was started without a subject
     * @throws OAuthException when the provider sent an error instead of a code or refused the code
     */
    public CompletedAuthorization completeAuthorization(java.net.URI callbackUrl) {
        return completion.complete(callbackUrl.toString());
    }

    /**
     * Describes the manager.
     *
     * @return the provider names and the store's class; never credentials
     */
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
        private @Nullable GithubAppCredentials github;
        private @Nullable GithubAppSettings githubApp;
        private final Map<String, Map<String, Object>> configs = new LinkedHashMap<>();
        private final Map<String, Map<String, Object>> sessionSettings = new LinkedHashMap<>();
        private @Nullable CredentialStore credentialStore;
        private @Nullable AuthorizationStateStore stateStore;
        private @Nullable Map<String, String> environment;
        private @Nullable HttpTransport transport;
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

        /**
         * Sets how early sessions refresh stored credentials: those that expire within this
         * margin when a session opens (default 5 minutes).
         *
         * @param skew the margin, zero or more
         * @return this builder
         * @throws IllegalArgumentException when it is negative
         */
        public Builder refreshSkew(Duration skew) {
            if (skew.isNegative()) {
                throw new IllegalArgumentException("refreshSkew must not be negative");
            }
            this.refreshSkew = skew;
            return this;
        }

        /**
         * Sets how long to wait for another thread's or instance's refresh of the same credentials
         * (default 30 s).
         *
         * @param timeout the wait, positive
         * @return this builder
         * @throws IllegalArgumentException when it is zero or negative
         */
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
         *
         * @param ttl the lease's lifetime, positive
         * @return this builder
         * @throws IllegalArgumentException when it is zero or negative
         */
        public Builder refreshLeaseTtl(Duration ttl) {
            if (ttl.isNegative() || ttl.isZero()) {
                throw new IllegalArgumentException("refreshLeaseTtl must be positive");
            }
            this.refreshLeaseTtl = ttl;
            return this;
        }

        /**
         * Sets whether sessions refresh expiring stored credentials (default true).
         *
         * @param autoRefresh false to leave refreshing to {@link AuthManager#refreshCredentials}
         * @return this builder
         */
        public Builder autoRefresh(boolean autoRefresh) {
            this.autoRefresh = autoRefresh;
            return this;
        }

        /**
         * Adds a listener for stored, refreshed, refresh-failed and deleted events (never tokens).
         *
         * @param listener the listener, called on the thread that caused the event
         * @return this builder
         */
        public Builder listener(CredentialListener listener) {
            listeners.add(Objects.requireNonNull(listener, "listener"));
            return this;
        }

        /**
         * Sets GitHub's app credentials; fields not given are taken from the environment, then
         * defaults.
         *
         * @param credentials the OAuth app's client id, secret and URLs
         * @return this builder
         */
        public Builder github(GithubAppCredentials credentials) {
            this.github = Objects.requireNonNull(credentials, "credentials");
            configs.remove(GithubAuthProvider.NAME);
            return this;
        }

        /**
         * Sets the GitHub App to act as (app JWT and installation tokens); fields not given are
         * taken from the environment ({@code GITHUB_APP_ID}, {@code GITHUB_APP_PRIVATE_KEY_PATH}, ...).
         * Without this call the app is still configured when {@code GITHUB_APP_ID} or
         * {@code GITHUB_APP_CLIENT_ID} is set.
         *
         * @param settings the app's id and private key
         * @return this builder
         */
        public Builder githubApp(GithubAppSettings settings) {
            this.githubApp = Objects.requireNonNull(settings, "settings");
            return this;
        }

        /**
         * Sets the GitHub App with a builder: {@code githubApp(a -> a.appId(123).privateKeyPath(path))}.
         *
         * @param settings receives the settings' builder
         * @return this builder
         * @throws ConfigurationException when the private key given cannot be read
         */
        public Builder githubApp(Consumer<GithubAppSettings.Builder> settings) {
            GithubAppSettings.Builder b = GithubAppSettings.builder();
            settings.accept(b);
            return githubApp(b.build());
        }

        /**
         * A provider's app configuration as a snake_case map (for GitHub: {@code client_id},
         * {@code client_secret}, {@code redirect_uri}, ...); absent keys come from the environment.
         *
         * @param name the provider name, case-insensitive
         * @param config the snake_case configuration; a null value means unset
         * @return this builder
         * @throws ConfigurationException when GitHub's configuration is invalid (other providers'
         *     is checked by {@link #build()})
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
         *
         * @param provider the provider name, case-insensitive
         * @param settings the snake_case settings
         * @return this builder
         */
        public Builder sessionSettings(String provider, Map<String, ?> settings) {
            sessionSettings.put(ClientKey.normalizeName(provider), ConfigValues.copy(settings));
            return this;
        }

        /**
         * Sets where user credentials are kept (in memory when unset).
         *
         * @param store the store, e.g. a JDBC store shared by every instance
         * @return this builder
         */
        public Builder credentialStore(CredentialStore store) {
            this.credentialStore = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * Sets where pending authorizations are kept (in memory when unset; share one across
         * instances when callbacks may reach another instance).
         *
         * @param store the store
         * @return this builder
         */
        public Builder authorizationStateStore(AuthorizationStateStore store) {
            this.stateStore = Objects.requireNonNull(store, "store");
            return this;
        }

        /**
         * Sets the environment to read instead of the process's.
         *
         * @param environment the variables, copied
         * @return this builder
         */
        public Builder environment(Map<String, String> environment) {
            this.environment = Map.copyOf(environment);
            return this;
        }

        /**
         * The HTTP client to share (for proxies or custom TLS); one is created when unset.
         *
         * @param client the JDK client
         * @return this builder
         * @throws ConfigurationException unless the client was built with
         *     {@code followRedirects(HttpClient.Redirect.NEVER)} (see {@link HttpTransport#of})
         */
        public Builder httpClient(HttpClient client) {
            this.transport = HttpTransport.of(client);
            return this;
        }

        /**
         * The transport to share, for another backend than the JDK client, e.g.
         * {@code transport(OkHttpTransport.create())} from {@code integrations-okhttp}; replaces
         * {@link #httpClient}. Steps added with this builder are added to it.
         *
         * @param transport the transport; every flow and session of the manager sends through it
         * @return this builder
         */
        public Builder transport(HttpTransport transport) {
            this.transport = Objects.requireNonNull(transport, "transport");
            return this;
        }

        /**
         * Sets the clock for expiry decisions (tests).
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * Sets how long a started authorization may take to come back (default 10 minutes, as
         * GitHub's codes).
         *
         * @param ttl the lifetime of a pending authorization, positive
         * @return this builder
         * @throws IllegalArgumentException when it is zero or negative
         */
        public Builder authorizationTtl(Duration ttl) {
            if (ttl.isNegative() || ttl.isZero()) {
                throw new IllegalArgumentException("authorizationTtl must be positive");
            }
            this.authorizationTtl = ttl;
            return this;
        }

        /**
         * Builds the manager and its providers.
         *
         * @return the manager
         * @throws UnknownProviderException when a configured provider or session settings name no
         *     installed provider
         * @throws ConfigurationException when a provider's configuration is invalid
         */
        public AuthManager build() {
            if (credentialStore == null) {
                credentialStore = new InMemoryCredentialStore(clock);
            }
            if (stateStore == null) {
                stateStore = new InMemoryAuthorizationStateStore();
            }
            // Kept in the builder, so a second build() shares the same default stores.
            return new AuthManager(this, credentialStore, stateStore);
        }
    }
}
