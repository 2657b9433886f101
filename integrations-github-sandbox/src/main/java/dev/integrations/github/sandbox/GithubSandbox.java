package dev.integrations.github.sandbox;

import com.sun.net.httpserver.HttpServer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real HTTP stand-in for github.com's OAuth endpoints and a subset of api.github.com, for tests
 * and offline use. It listens on {@code 127.0.0.1}, is stateful (apps, users, consent requests,
 * codes, tokens, rate-limit windows) and follows GitHub's documentation
 * (<a href="https://docs.github.com/en/apps/oauth-apps">OAuth apps</a>,
 * <a href="https://docs.github.com/en/rest">REST API</a>) and its OpenAPI description rather than
 * any client's assumptions.
 *
 * <p>Served at {@link #baseUri()}:
 * <ul>
 *   <li>{@code GET|POST /login/oauth/authorize}: consent page and decision (https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps, https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps#redirect-urls);</li>
 *   <li>{@code POST /login/oauth/access_token}: code exchange and refresh (https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps, https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/refreshing-user-access-tokens);</li>
 *   <li>{@code GET /user}: the authenticated user (https://docs.github.com/en/rest/using-the-rest-api/getting-started-with-the-rest-api, https://docs.github.com/en/rest/users/users#get-the-authenticated-user), with an {@code ETag};</li>
 *   <li>{@code GET /user/repos}: the caller's repositories, paginated with a {@code Link}
 *       header (https://docs.github.com/en/rest/using-the-rest-api/using-pagination-in-the-rest-api), with an {@code ETag};</li>
 *   <li>{@code GET /repos/{owner}/{repo}} and {@code GET /repositories/{id}}: one repository;
 *       an old name of a {@linkplain #renameRepository renamed} repository answers 301 to reads
 *       and 307 to writes, towards {@code /repositories/{id}/...}
 *       (https://docs.github.com/en/rest/using-the-rest-api/best-practices-for-using-the-rest-api#follow-redirects);</li>
 *   <li>stateful resources ({@link ResourceRouter}): repository creation ({@code POST /user/repos},
 *       {@code /orgs/{org}/repos}, {@code /repos/{o}/{r}/generate}) and update
 *       ({@code PATCH /repos/{o}/{r}}: name, description); branches ({@code git/ref},
 *       {@code git/refs}, {@code branches}); contents ({@code GET|PUT contents/{path}}); issues,
 *       comments and labels; pull requests, reviews and merges; {@code GET /search/issues};
 *       gists; codespaces (create, get, list, delete, start, stop); organizations and
 *       memberships ({@link #createOrganization}, {@link #addMember}); {@code GET /users/{name}};
 *       and {@code POST /graphql} for the {@code changeUserStatus} mutation. Lists are paginated
 *       with {@code Link}; GETs carry {@code ETag}s; every call goes through the same
 *       authentication and rate limit;</li>
 *   <li>anything else: 404 {@code {"message":"Not Found",…}}.</li>
 * </ul>
 * The API lives at the root, as on api.github.com, so {@link #apiUrl()} equals {@link #baseUri()}.
 *
 * <p>At start it registers {@link #defaultApp()} (client id {@value #DEFAULT_CLIENT_ID}, random
 * secret, loopback callback {@value #DEFAULT_CALLBACK_URL} that accepts any port) and
 * {@link #defaultUser()} ({@code octocat}, id 1), who is signed in on the consent page unless the
 * authorization request names another registered user with {@code login}. Every user owns
 * {@link #SEEDED_REPOSITORIES} from the start; {@link #createRepository} adds more.
 *
 * <p>A request with {@code If-None-Match} naming the current {@code ETag} of a response gets
 * {@code 304 Not Modified}, which does not count against the rate limit (https://docs.github.com/en/rest/using-the-rest-api/best-practices-for-using-the-rest-api).
 *
 * <p>Every request is recorded before it is handled ({@link #requests()}), and
 * {@link #enqueueResponse(String, SandboxResponse)} injects canned faults. All methods are
 * thread-safe; redeeming a code or refresh token is atomic, so of two concurrent exchanges of one
 * code exactly one succeeds. Time-dependent rules follow {@link #clock()}.
 *
 * <p>Logs (SLF4J) never contain tokens, secrets or codes.
 *
 * <p>Why this class is long (about 600 lines, half of it Javadoc): it is the sandbox's one entry
 * point, so every switch a test needs (registration, seeding, faults, the clock, rename) is a
 * short documented method here that delegates to a handler or store where the work is done.
 */
public final class GithubSandbox implements AutoCloseable {

    /** The client id of {@link #defaultApp()}. */
    public static final String DEFAULT_CLIENT_ID = "Iv1.sandbox-client";
    /** The callback URL of {@link #defaultApp()}; being loopback, any port is accepted (https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps#redirect-urls). */
    public static final String DEFAULT_CALLBACK_URL = "http://127.0.0.1/callback";
    /** The login of {@link #defaultUser()}. */
    public static final String DEFAULT_LOGIN = "octocat";
    /** GitHub's primary limit for user tokens (https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api). */
    public static final int DEFAULT_RATE_LIMIT = 5000;
    /**
     * The repositories every user owns from the start, by name: {@code Hello-World} and
     * {@code Spoon-Knife} (public) and {@code notes} (private, listed only for tokens with the
     * {@code repo} scope).
     */
    public static final List<String> SEEDED_REPOSITORIES = RepositoryStore.SEEDS.stream()
            .map(RepositoryStore.Seed::name).toList();

    private static final Logger LOG = LoggerFactory.getLogger(GithubSandbox.class);

    static {
        // The JDK's HTTP server writes a response's headers and body as two TCP segments; without
        // TCP_NODELAY, Nagle's algorithm holds the body until the client's delayed ACK (~40 ms), for
        // every response. The server reads this once, when its first instance in the JVM starts;
        // set -Dsun.net.httpserver.nodelay=false to keep the JDK default.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final SandboxClock clock;
    private final HttpServer server;
    private final ExecutorService executor;
    private final URI baseUri;
    private final Directory directory;
    private final TokenStore tokens;
    private final RepositoryStore repositories;
    private final ApiResources resources;
    private final SandboxDeviceFlow deviceFlow;
    private final RequestLog requestLog = new RequestLog();
    private final FaultQueue faults = new FaultQueue();
    private final SandboxApp defaultApp;
    private final SandboxUser defaultUser;
    private final AtomicBoolean closed = new AtomicBoolean();

    private GithubSandbox(Builder builder) throws IOException {
        this.clock = builder.clock != null ? builder.clock : new SandboxClock();
        this.directory = new Directory(clock);
        this.tokens = new TokenStore(clock);
        this.repositories = new RepositoryStore(clock, directory);
        this.defaultUser = directory.registerUser(DEFAULT_LOGIN, "The Octocat", "octocat@github.com");
        this.defaultApp = directory.register(new SandboxApp(DEFAULT_CLIENT_ID, Secrets.clientSecret(), DEFAULT_CALLBACK_URL));

        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), builder.port), 1024);
        this.baseUri = URI.create("http://127.0.0.1:" + server.getAddress().getPort());

        CodeStore codes = new CodeStore(clock);
        DeviceCodeStore deviceCodes = new DeviceCodeStore(clock);
        this.deviceFlow = new SandboxDeviceFlow(deviceCodes, directory, defaultUser);
        ApiGate gate = new ApiGate(tokens, new RateLimiter(clock, builder.rateLimit), clock);
        this.resources = new ApiResources(clock, directory, repositories, gate, baseUri.toString());
        server.createContext("/", new Dispatcher(requestLog, faults,
                new AuthorizeHandler(directory, new ConsentStore(clock), codes, defaultUser),
                new TokenHandler(directory, codes, tokens, deviceCodes),
                new UserHandler(gate, repositories, baseUri.toString()),
                new RepositoriesHandler(gate, resources.access(), baseUri.toString()),
                resources.router(),
                new DeviceFlowHandler(directory, deviceCodes, defaultUser, baseUri.toString()),
                new TokenAdminHandler(directory, tokens, clock, baseUri.toString())));
        this.executor = Executors.newCachedThreadPool(daemonThreads());
        server.setExecutor(executor);
        server.start();
        LOG.info("GitHub sandbox listening at {}", baseUri);
    }

    /**
     * Starts a sandbox with default options on an ephemeral port.
     *
     * @return the running sandbox; close it when done
     */
    public static GithubSandbox start() {
        return builder().build();
    }

    /**
     * Options for a sandbox; {@link Builder#build()} starts it.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * {@code http://127.0.0.1:<port>}, without trailing slash; serves both the OAuth and the API paths.
     *
     * @return the base URI
     */
    public URI baseUri() {
        return baseUri;
    }

    /**
     * {@code baseUri + /login/oauth/authorize}.
     *
     * @return the authorization endpoint
     */
    public URI authorizationUrl() {
        return URI.create(baseUri + "/login/oauth/authorize");
    }

    /**
     * {@code baseUri + /login/oauth/access_token}.
     *
     * @return the token endpoint
     */
    public URI tokenUrl() {
        return URI.create(baseUri + "/login/oauth/access_token");
    }

    /**
     * The REST API base, equal to {@link #baseUri()} (the API lives at the root, like api.github.com).
     *
     * @return the REST API base
     */
    public URI apiUrl() {
        return baseUri;
    }

    /**
     * The clock behind code, token and rate-limit expiry.
     *
     * @return the sandbox's clock
     */
    public SandboxClock clock() {
        return clock;
    }

    /**
     * The OAuth app registered at start: {@value #DEFAULT_CLIENT_ID}, random secret, {@value #DEFAULT_CALLBACK_URL}.
     *
     * @return the default app
     */
    public SandboxApp defaultApp() {
        return defaultApp;
    }

    /**
     * {@code octocat}, id 1: the user signed in on the consent page by default.
     *
     * @return the default user
     */
    public SandboxUser defaultUser() {
        return defaultUser;
    }

    /**
     * Registers a classic OAuth app (non-expiring {@code gho_} tokens).
     *
     * @param clientId the app's client id, unique in this sandbox
     * @param clientSecret the app's client secret
     * @param callbackUrl the app's registered callback URL
     * @return the registered app
     * @throws IllegalArgumentException if the client id is taken or the callback URL is not an absolute http(s) URL
     */
    public SandboxApp registerApp(String clientId, String clientSecret, String callbackUrl) {
        return registerApp(new SandboxApp(clientId, clientSecret, callbackUrl));
    }

    /**
     * Registers an app; with {@link SandboxApp#expiringTokens()} its user tokens expire and refresh
     * like a GitHub App's (https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/refreshing-user-access-tokens).
     *
     * @param app the app to register
     * @return {@code app}, registered
     * @throws IllegalArgumentException if the client id is taken
     */
    public SandboxApp registerApp(SandboxApp app) {
        return directory.register(app);
    }

    /**
     * Registers a user with the next id; name = login, email {@code <login>@example.com}.
     *
     * @param login the user's login
     * @return the registered user
     * @throws IllegalArgumentException if the login is taken (ignoring case) or not a valid GitHub login
     */
    public SandboxUser registerUser(String login) {
        return directory.registerUser(login, login, login + "@example.com");
    }

    /**
     * Registers a user with the next id and the given display name and email (either may be {@code null}).
     *
     * @param login the user's login
     * @param name the display name, or {@code null}
     * @param email the email address, or {@code null}
     * @return the registered user
     */
    public SandboxUser registerUser(String login, @Nullable String name, @Nullable String email) {
        return directory.registerUser(login, name, email);
    }

    /**
     * Mints a classic personal access token ({@code ghp_} + 36 characters of {@code [A-Za-z0-9]})
     * for {@code user}, valid for API calls until revoked. Scopes are normalised as GitHub does.
     *
     * @param user a user registered with this sandbox
     * @param scopes the OAuth scopes granted to the token
     * @return the token
     * @throws IllegalArgumentException if the user is not registered with this sandbox
     */
    public String issueToken(SandboxUser user, String... scopes) {
        if (!directory.isRegistered(user)) {
            throw new IllegalArgumentException("User is not registered with this sandbox: " + user);
        }
        return tokens.issuePersonalToken(user, Scopes.normalise(Arrays.asList(scopes))).token();
    }

    /**
     * The repositories {@code owner} owns, the {@linkplain #SEEDED_REPOSITORIES seeded} ones
     * included, in creation order.
     *
     * @param owner the owning user
     * @return the repositories, oldest first
     */
    public List<SandboxRepository> repositories(SandboxUser owner) {
        return repositories.ownedBy(Objects.requireNonNull(owner, "owner"));
    }

    /**
     * Creates a public repository without description.
     *
     * @param owner the owning user
     * @param name the repository name
     * @return the new repository
     * @throws IllegalArgumentException if the name is taken (ignoring case) or not a valid repository name
     */
    public SandboxRepository createRepository(SandboxUser owner, String name) {
        return createRepository(owner, name, null, false);
    }

    /**
     * Creates a repository.
     *
     * @param owner the owning user
     * @param name the repository name
     * @param description the description, or {@code null}
     * @param isPrivate whether only the owner's tokens with the {@code repo} scope can see it
     * @return the new repository
     * @throws IllegalArgumentException if the name is taken (ignoring case) or not a valid repository name
     */
    public SandboxRepository createRepository(SandboxUser owner, String name, @Nullable String description,
                                              boolean isPrivate) {
        if (!directory.isRegistered(owner)) {
            throw new IllegalArgumentException("User is not registered with this sandbox: " + owner);
        }
        return repositories.create(owner, name, description, isPrivate);
    }

    /**
     * Renames a repository, keeping its id. Afterwards {@code GET /repos/{owner}/{old-name}}
     * answers {@code 301 Moved Permanently} to {@code /repositories/{id}}, as GitHub does.
     *
     * @param repository the repository to rename
     * @param newName its new name
     * @return the renamed repository
     * @throws IllegalArgumentException if the new name is taken or invalid, or the repository unknown
     */
    public SandboxRepository renameRepository(SandboxRepository repository, String newName) {
        return repositories.rename(repository, newName);
    }

    /**
     * Creates an organization. Its login shares the namespace of user logins; like every account it
     * starts with the {@linkplain #SEEDED_REPOSITORIES seeded repositories}.
     *
     * @param login the organization's login
     * @return the new organization
     * @throws IllegalArgumentException if the login is taken (ignoring case) or not a valid login
     */
    public SandboxOrganization createOrganization(String login) {
        return createOrganization(login, login, null);
    }

    /**
     * Creates an organization with a display name and description (either may be {@code null}).
     *
     * @param login the organization's login
     * @param name the display name, or {@code null}
     * @param description the description, or {@code null}
     * @return the new organization
     */
    public SandboxOrganization createOrganization(String login, @Nullable String name, @Nullable String description) {
        return resources.organizations().create(login, name, description);
    }

    /**
     * Makes {@code user} a member of {@code organization}, with a concealed membership (GitHub's
     * default): {@code GET /orgs/{org}/members/{user}} answers 204 to members, and
     * {@code /public_members/{user}} 404. Members may push to the organization's repositories.
     *
     * @param organization the organization
     * @param user the new member
     */
    public void addMember(SandboxOrganization organization, SandboxUser user) {
        addMember(organization, user, false);
    }

    /**
     * Makes {@code user} a member of {@code organization}; {@code publicMembership} makes it visible to everyone.
     *
     * @param organization the organization
     * @param user the new member
     * @param publicMembership whether the membership is public
     */
    public void addMember(SandboxOrganization organization, SandboxUser user, boolean publicMembership) {
        resources.organizations().addMember(organization, user, "member", publicMembership);
    }

    /**
     * Ends a membership; {@code false} if there was none.
     *
     * @param organization the organization
     * @param user the member
     * @return whether {@code user} was a member
     */
    public boolean removeMember(SandboxOrganization organization, SandboxUser user) {
        return resources.organizations().removeMember(organization, user);
    }

    /**
     * Creates a repository owned by an organization.
     *
     * @param organization the owning organization
     * @param name the repository name
     * @param description the description, or {@code null}
     * @param isPrivate whether only members' tokens with the {@code repo} scope can see it
     * @return the new repository
     * @throws IllegalArgumentException if the name is taken (ignoring case) or not a valid repository name
     */
    public SandboxRepository createRepository(SandboxOrganization organization, String name, @Nullable String description,
                                              boolean isPrivate) {
        return repositories.create(resources.organizations().account(organization), name, description, isPrivate);
    }

    /**
     * Commits one file to {@code branch} of {@code repository} (creating or replacing it), as its
     * owner, without an API call; for setting up a test (a diverged branch, a merge conflict).
     *
     * @param repository the repository
     * @param branch the branch to commit to
     * @param path the file's path in the repository
     * @param content the file's new text (UTF-8)
     * @return the new commit's SHA
     * @throws IllegalArgumentException if the branch does not exist (in a non-empty repository)
     */
    public String commitFile(SandboxRepository repository, String branch, String path, String content) {
        SandboxUser owner = repository.owner();
        GitStore.Person person = new GitStore.Person(owner.name() != null ? owner.name() : owner.login(),
                owner.email() != null ? owner.email() : owner.login() + "@users.noreply.github.com", clock.instant());
        GitStore git = resources.git();
        String current = git.head(repository, branch).map(c -> c.files().get(path)).map(GitStore.Blob::sha).orElse(null);
        try {
            return git.putFile(repository, branch, path, content.getBytes(java.nio.charset.StandardCharsets.UTF_8), current,
                    "Update " + path, person, person, owner).commit().sha();
        } catch (GitStore.GitException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    /**
     * The text of a file on a branch of a repository, if both exist.
     *
     * @param repository the repository
     * @param branch the branch
     * @param path the file's path in the repository
     * @return the file's text, or empty when the branch or the file does not exist
     */
    public Optional<String> fileContent(SandboxRepository repository, String branch, String path) {
        return resources.git().head(repository, branch).map(c -> c.files().get(path)).map(GitStore.Blob::text);
    }

    /**
     * The repository's branches, by name, each with the SHA of its head commit.
     *
     * @param repository the repository
     * @return branch name to head commit SHA
     */
    public Map<String, String> branches(SandboxRepository repository) {
        return resources.git().branches(repository);
    }

    /**
     * The user's profile status as last set with the GraphQL {@code changeUserStatus} mutation, unless cleared or expired.
     *
     * @param user the user
     * @return the current status, or empty
     */
    public Optional<SandboxProfileStatus> profileStatus(SandboxUser user) {
        return resources.graphql().status(Objects.requireNonNull(user, "user"), clock.instant());
    }

    /**
     * The device flow's per-app switch and the user's side of it (approve, deny, expire a code).
     *
     * @return the device flow controls of this sandbox
     */
    public SandboxDeviceFlow deviceFlow() {
        return deviceFlow;
    }

    /**
     * Revokes an access or refresh token; later use answers 401 or {@code bad_refresh_token}. Unknown tokens are ignored.
     *
     * @param token the access or refresh token to revoke
     */
    public void revokeToken(String token) {
        tokens.revoke(Objects.requireNonNull(token, "token"));
    }

    /**
     * Settings for a client of this sandbox, by environment key: {@code GITHUB_AUTHORIZATION_URL},
     * {@code GITHUB_TOKEN_URL}, {@code GITHUB_BASE_URL} (= {@link #apiUrl()}), {@code GITHUB_CLIENT_ID}
     * and {@code GITHUB_CLIENT_SECRET} of {@link #defaultApp()}. No redirect URI: that belongs to the
     * client, and any loopback port is accepted.
     *
     * @return environment key to value, unmodifiable
     */
    public Map<String, String> environment() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("GITHUB_AUTHORIZATION_URL", authorizationUrl().toString());
        env.put("GITHUB_TOKEN_URL", tokenUrl().toString());
        env.put("GITHUB_BASE_URL", apiUrl().toString());
        env.put("GITHUB_CLIENT_ID", defaultApp.clientId());
        env.put("GITHUB_CLIENT_SECRET", defaultApp.clientSecret());
        return Collections.unmodifiableMap(env);
    }

    /**
     * Every request received so far, in arrival order (a copy).
     *
     * @return the recorded requests
     */
    public List<RecordedRequest> requests() {
        return requestLog.all();
    }

    /**
     * The requests received so far whose raw path equals {@code path} (no query), in arrival order.
     *
     * @param path the raw request path, without query
     * @return the recorded requests for {@code path}
     */
    public List<RecordedRequest> requests(String path) {
        return requestLog.forPath(path);
    }

    /** Forgets the recorded requests. */
    public void clearRequests() {
        requestLog.clear();
    }

    /**
     * Queues a canned response for {@code path} (exact raw path, no query): the next request to
     * that path, whatever its method, gets it instead of normal handling. Queued responses are used
     * first in, first out, once each. The request is still recorded.
     *
     * @param path the raw request path, without query
     * @param response the response to send once
     */
    public void enqueueResponse(String path, SandboxResponse response) {
        faults.enqueue(path, response);
    }

    /** Stops the server at once; in-flight requests are cut off. Idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            server.stop(0);
            executor.shutdownNow();
            LOG.info("GitHub sandbox at {} stopped", baseUri);
        }
    }

    @Override
    public String toString() {
        return "GithubSandbox[" + baseUri + (closed.get() ? ", closed]" : "]");
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "github-sandbox-" + count.incrementAndGet());
            // Daemon threads: a test that forgets close() must not keep the JVM alive.
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Options for {@link GithubSandbox}. Not thread-safe. */
    public static final class Builder {

        private @Nullable SandboxClock clock;
        private int port;
        private int rateLimit = DEFAULT_RATE_LIMIT;

        private Builder() {
        }

        /**
         * The clock to use; default a new {@link SandboxClock} following system time.
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(SandboxClock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * The port on 127.0.0.1; default 0, an ephemeral port.
         *
         * @param port the port, or 0 for an ephemeral one
         * @return this builder
         */
        public Builder port(int port) {
            if (port < 0 || port > 65_535) {
                throw new IllegalArgumentException("port must be 0-65535: " + port);
            }
            this.port = port;
            return this;
        }

        /**
         * Requests per user per hour before 403 (https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api); default {@value GithubSandbox#DEFAULT_RATE_LIMIT}.
         *
         * @param requestsPerHour the limit, at least 1
         * @return this builder
         */
        public Builder rateLimit(int requestsPerHour) {
            if (requestsPerHour < 1) {
                throw new IllegalArgumentException("rateLimit must be positive: " + requestsPerHour);
            }
            this.rateLimit = requestsPerHour;
            return this;
        }

        /**
         * Starts the sandbox.
         *
         * @return the started sandbox
         * @throws UncheckedIOException if the port cannot be bound
         */
        public GithubSandbox build() {
            try {
                return new GithubSandbox(this);
            } catch (IOException e) {
                throw new UncheckedIOException("Could not start the GitHub sandbox on 127.0.0.1:" + port, e);
            }
        }
    }
}
