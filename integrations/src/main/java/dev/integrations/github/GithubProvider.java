package dev.integrations.github;

import dev.integrations.internal.github.GithubErrors;
import dev.integrations.internal.github.GithubGraphql;
import dev.integrations.internal.github.GithubHeadersStep;
import dev.integrations.internal.github.RateLimitStep;
import dev.integrations.internal.github.RateLimitTracker;
import dev.integrations.internal.github.RefreshOnUnauthorizedStep;
import dev.integrations.internal.github.TrafficState;
import com.fasterxml.jackson.databind.JsonNode;
import dev.integrations.Provider;
import dev.integrations.ProviderKey;
import dev.integrations.auth.TokenSource;
import dev.integrations.internal.oauth2.FormEncoding;
import dev.integrations.github.model.GithubUser;
import dev.integrations.internal.http.ConditionalCacheStep;
import dev.integrations.internal.http.CredentialHash;
import dev.integrations.http.HttpResult;
import dev.integrations.http.HttpStep;
import dev.integrations.http.HttpTransport;
import dev.integrations.internal.http.RedirectStep;
import dev.integrations.http.ResponseCache;
import dev.integrations.internal.http.RetryStep;
import dev.integrations.http.TransportException;
import dev.integrations.internal.json.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The GitHub REST API client: one instance per set of {@link GithubSettings}, immutable and
 * thread-safe, sharing its {@link HttpTransport} with every other provider of the same
 * {@code AuthManager}.
 *
 * <h2>The request chain</h2>
 * Each request passes through one visible chain of {@link HttpStep}s, outermost first (each step
 * sees the request before the next one and the result after it, as in OkHttp):
 * <ol>
 *   <li>{@code RefreshOnUnauthorizedStep} (sessions only): on a 401 from the API host (not from
 *       another host a redirect led to), refreshes the user's token and sends the request once more;</li>
 *   <li>{@link RedirectStep}: follows redirects as GitHub documents (renamed repositories): 307/308
 *       for every method with the same body, 301/302 except for POST, 303 for reads; at most
 *       {@code max_redirects} hops;</li>
 *   <li>{@link RetryStep}: retries reads (GET, HEAD, OPTIONS) after connection failures and
 *       502/503/504 with jittered exponential backoff ({@code max_retries}); never a write unless
 *       the request is marked {@link GithubRequest.Builder#retrySafe()};</li>
 *   <li>{@code GithubHeadersStep}: adds {@code Authorization} (only towards the configured API
 *       host), {@code Accept}, {@code X-GitHub-Api-Version} and {@code User-Agent};</li>
 *   <li>{@code RateLimitStep}: records {@code x-ratelimit-*} per token and resource (see
 *       {@link #rateLimit()}), and waits out rate limits per the {@link RateLimitPolicy};</li>
 *   <li>{@link ConditionalCacheStep} (when {@code cache} is on): ETag / Last-Modified
 *       revalidation of GETs, serving 304s from the {@link ResponseCache};</li>
 *   <li>the network ({@link HttpTransport}).</li>
 * </ol>
 *
 * <p>Why this order:
 * <ul>
 *   <li>The headers step runs <em>inside</em> redirect and retry, so every hop and every attempt
 *       gets its credentials decided afresh by the one step that knows the API host: a redirect
 *       to another host never carries the token (the redirect step also strips it, as a second
 *       guard), and a retry after a refresh carries the new token.</li>
 *   <li>Rate limiting and the cache run <em>after</em> the headers step, so they key their state
 *       on the exact credential on the wire (its hash, never the token) and on the final
 *       {@code Accept} and API version: one user's cached body or counters can never serve
 *       another's. (Keying on the token source instead would miss the app-token fallback and a
 *       token changed between lookup and send.)</li>
 *   <li>The cache is innermost so that a 304 reaches the rate-limit step as the 200 it stands
 *       for, with GitHub's fresh counters (a 304 does not use up the limit), and so that each
 *       retry or rate-limit re-send revalidates again.</li>
 *   <li>Retry wraps rate limiting, not the reverse: a rate-limit wait is a decision about GitHub's
 *       policy, not a transient failure, and must not multiply with the retry count.</li>
 * </ul>
 *
 * <p>Error statuses become typed {@link dev.integrations.http.ApiException}s carrying GitHub's
 * message, documentation link and request id; a rate limit that is not waited out becomes a
 * {@link dev.integrations.http.RateLimitException} with the reset time. List endpoints are read
 * with {@link #rawPages} / {@link #paginate}, lazily, following the {@code Link} header.
 *
 * <p>Rate-limit counters and the default response cache belong to the {@link HttpTransport}
 * (like its connection pool), so every session of an {@code AuthManager} shares them.
 */
public final class GithubProvider implements Provider {
    /** The key to look this provider up in an {@link dev.integrations.Integrations}. */
    public static final ProviderKey<GithubProvider> KEY = ProviderKey.of("github", GithubProvider.class);

    private final GithubSettings settings;
    private final HttpTransport transport;
    private final TokenSource tokenSource;
    private final List<HttpStep> steps;
    private final RateLimitTracker rateLimits;

    private GithubProvider(GithubSettings settings, HttpTransport transport, TokenSource tokenSource) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.tokenSource = tokenSource;
        TrafficState traffic = TrafficState.of(transport);
        this.rateLimits = traffic.rateLimits();
        Supplier<String> token = tokenSource == null ? settings::token : tokenSource::currentToken;
        // The chain's order is explained in the class Javadoc; change both together.
        List<HttpStep> chain = new ArrayList<>();
        if (tokenSource != null) {
            chain.add(new RefreshOnUnauthorizedStep(tokenSource));
        }
        chain.add(new RedirectStep(settings.maxRedirects()));
        chain.add(new RetryStep(settings.retryPolicy(), settings.sleeper()));
        chain.add(new GithubHeadersStep(settings, token));
        chain.add(new RateLimitStep(settings.rateLimitPolicy(), rateLimits, settings.clock(), settings.sleeper()));
        if (settings.cache()) {
            ResponseCache cache = settings.responseCache() != null ? settings.responseCache()
                    : traffic.defaultCache(settings.cacheMaxBytes());
            chain.add(new ConditionalCacheStep(cache, List.of("accept", "x-github-api-version")));
        }
        this.steps = List.copyOf(chain);
    }

    /** A provider with these settings on this transport. */
    public static GithubProvider create(GithubSettings settings, HttpTransport transport) {
        return new GithubProvider(settings, transport, null);
    }

    /**
     * A provider whose token comes from {@code tokenSource} (a session's user token, refreshed and
     * retried once when GitHub answers 401), or from the settings when it is null.
     */
    public static GithubProvider create(GithubSettings settings, HttpTransport transport, TokenSource tokenSource) {
        return new GithubProvider(settings, transport, tokenSource);
    }

    @Override
    public String name() {
        return KEY.name();
    }

    /** The settings in force. */
    public GithubSettings settings() {
        return settings;
    }

    /** The shared transport. */
    public HttpTransport transport() {
        return transport;
    }

    @Override
    public GithubProvider withSettings(Map<String, ?> changes) {
        // An explicit token replaces the session's; otherwise the session's token source stays.
        return new GithubProvider(settings.withChanges(changes), transport, changes.containsKey("token") ? null : tokenSource);
    }

    /** A provider with other settings (token included) on the same transport. */
    public GithubProvider withSettings(GithubSettings settings) {
        return new GithubProvider(settings, transport, null);
    }

    /**
     * {@code GET /user}: the account the token belongs to. GitHub recommends calling it after
     * every authorization, since users can switch accounts on the consent screen.
     *
     * @throws dev.integrations.http.UnauthorizedException when the token is invalid, expired or revoked
     */
    public GithubUser getAuthenticatedUser() {
        return GithubUser.fromJson(rawRequest("GET", "/user").tree());
    }

    /** Calls any endpoint without a body, e.g. {@code rawRequest("GET", "/rate_limit")}. */
    public GithubResponse rawRequest(String method, String path) {
        return rawRequest(GithubRequest.builder().method(method).path(path).build());
    }

    /** Calls any endpoint with a JSON body. */
    public GithubResponse rawRequest(String method, String path, Object body) {
        return rawRequest(GithubRequest.builder().method(method).path(path).body(body).build());
    }

    /** Calls any endpoint: {@code rawRequest(r -> r.method("POST").path("/user/repos").body(Map.of(...)))}. */
    public GithubResponse rawRequest(Consumer<GithubRequest.Builder> request) {
        GithubRequest.Builder builder = GithubRequest.builder();
        request.accept(builder);
        return rawRequest(builder.build());
    }

    /**
     * Calls any endpoint. Statuses of 400 and above throw a typed
     * {@link dev.integrations.http.ApiException}; everything else is returned.
     */
    public GithubResponse rawRequest(GithubRequest request) {
        return send(request, resolve(request));
    }

    /**
     * A list endpoint as lazily fetched pages of raw JSON items, e.g.
     * {@code rawPages("/user/repos").maxItems(50).stream()}. No request is sent until the pages
     * or items are used; see {@link Pages}.
     */
    public Pages<JsonNode> rawPages(String path) {
        return rawPages(GithubRequest.builder().method("GET").path(path).build());
    }

    /** {@link #rawPages(GithubRequest)} with a request builder: {@code rawPages(r -> r.path("/user/repos").query("sort", "created"))}. */
    public Pages<JsonNode> rawPages(Consumer<GithubRequest.Builder> request) {
        GithubRequest.Builder builder = GithubRequest.builder();
        request.accept(builder);
        return rawPages(builder.build());
    }

    /**
     * A list endpoint as lazily fetched pages of raw JSON items.
     *
     * @throws IllegalArgumentException if the request is not a GET
     */
    public Pages<JsonNode> rawPages(GithubRequest request) {
        return paginate(request, Function.identity());
    }

    /**
     * A list endpoint as lazily fetched pages, each JSON item turned into a {@code T} by
     * {@code mapper} (which must not return null).
     *
     * @throws IllegalArgumentException if the request is not a GET
     */
    public <T> Pages<T> paginate(GithubRequest request, Function<JsonNode, ? extends T> mapper) {
        return new Pages<>(new Pages.Fetcher() {
            @Override
            public GithubResponse first(GithubRequest first) {
                return rawRequest(first);
            }

            @Override
            public GithubResponse next(URI url, GithubRequest first) {
                return send(first, checkedPageUrl(url));
            }

            @Override
            public URI resolve(GithubRequest first) {
                return GithubProvider.this.resolve(first);
            }
        }, request, mapper);
    }

    /**
     * The latest rate-limit counters GitHub reported for this provider's current token (from
     * any provider on the same transport), whichever resource the last response was about.
     * Empty before the first response with {@code x-ratelimit-*} headers.
     */
    public Optional<RateLimitSnapshot> rateLimit() {
        return rateLimits.latest(currentCredential());
    }

    /** The latest rate-limit counters for one resource ({@code core}, {@code search}, {@code graphql}...). */
    public Optional<RateLimitSnapshot> rateLimit(String resource) {
        return rateLimits.latest(currentCredential(), Objects.requireNonNull(resource, "resource"));
    }

    private String currentCredential() {
        return CredentialHash.ofToken(tokenSource != null ? tokenSource.currentToken() : settings.token());
    }

    /**
     * A {@code Link} URL may be followed only towards the API host: it comes from a response, and
     * the request to it carries the user's token.
     */
    private URI checkedPageUrl(URI url) {
        if (!RedirectStep.sameOrigin(settings.baseUrl(), url)) {
            throw new TransportException("GitHub returned a pagination link to " + url.getScheme() + "://"
                    + url.getRawAuthority() + ", not the API host " + settings.baseUrl().getScheme() + "://"
                    + settings.baseUrl().getRawAuthority() + "; refusing to follow it. Check base_url");
        }
        return url;
    }

    private GithubResponse send(GithubRequest request, URI uri) {
        HttpRequest.Builder http = HttpRequest.newBuilder(uri).timeout(settings.timeout());
        request.headers().forEach(http::header);
        if (request.body() != null) {
            http.header("Content-Type", "application/json");
            http.method(request.method(), HttpRequest.BodyPublishers.ofString(Json.write(request.body())));
        } else {
            http.method(request.method(), HttpRequest.BodyPublishers.noBody());
        }
        HttpResult result = transport.send(http.build(), steps, HttpTransport.DEFAULT_MAX_BODY_BYTES);
        if (result.status() >= 400) {
            throw GithubErrors.toException(result);
        }
        return toResponse(result);
    }

    private URI resolve(GithubRequest request) {
        String query = FormEncoding.encode(request.query());
        String path = request.path();
        String separator = path.contains("?") ? "&" : "?";
        return URI.create(settings.baseUrl() + path + (query.isEmpty() ? "" : separator + query));
    }

    private static GithubResponse toResponse(HttpResult result) {
        Map<String, List<String>> headers = new TreeMap<>();
        result.headers().map().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
        String text = result.bodyText();
        JsonNode body = null;
        if (!text.isBlank() && (result.mediaType().contains("json") || text.startsWith("{") || text.startsWith("["))) {
            try {
                body = Json.parse(result.bodyStream());
            } catch (IOException e) {
                throw new TransportException("GitHub " + result.request().method() + " " + result.uri().getPath()
                        + " returned malformed JSON (HTTP " + result.status() + "); check base_url", e);
            }
        }
        return new GithubResponse(result.status(), headers, body, text);
    }

    // ---- Actions: thin delegates to dev.integrations.github.actions, where each one is implemented
    // and described as data.

    /**
     * The actions as data (name, description, JSON Schema of the parameters) with a generic
     * {@code invoke(name, jsonArguments)}, for tools and agent frameworks.
     */
    public dev.integrations.github.actions.GithubActions actions() {
        return new dev.integrations.github.actions.GithubActions(this);
    }

    /**
     * Runs a GraphQL query or mutation ({@code POST /graphql}) and returns its {@code data}.
     *
     * @param variables the variables, or null
     * @throws GraphqlException when GitHub reports GraphQL {@code errors}, even with HTTP 200
     */
    public JsonNode graphql(String query, Map<String, ?> variables) {
        return new GithubGraphql(this).execute(query, variables);
    }

    /**
     * Lists repositories (the authenticated user's, a user's or an organization's); one page, the rest through {@code pages()}.
     * See {@link dev.integrations.internal.github.actions.RepositoryActions#listRepositories}.
     */
    public dev.integrations.github.model.ListResult<dev.integrations.github.model.Repository> listRepositories(
            dev.integrations.github.actions.ListRepositoriesRequest request) {
        return dev.integrations.internal.github.actions.RepositoryActions.listRepositories(this, request);
    }

    /**
     * {@code listRepositories} with a request builder:
     * {@code listRepositories(r -> r.org("github").perPage(50))}.
     */
    public dev.integrations.github.model.ListResult<dev.integrations.github.model.Repository> listRepositories(
            Consumer<dev.integrations.github.actions.ListRepositoriesRequest.Builder> request) {
        return listRepositories(dev.integrations.github.actions.ListRepositoriesRequest.of(request));
    }

    /** {@code listRepositories} with GitHub's defaults. */
    public dev.integrations.github.model.ListResult<dev.integrations.github.model.Repository> listRepositories() {
        return listRepositories(dev.integrations.github.actions.ListRepositoriesRequest.builder()
                .build());
    }

    /**
     * Finds a repository; empty when it does not exist or the token cannot see it.
     * See {@link dev.integrations.internal.github.actions.RepositoryActions#findRepository}.
     */
    public Optional<dev.integrations.github.model.Repository> findRepository(
            dev.integrations.github.actions.FindRepositoryRequest request) {
        return dev.integrations.internal.github.actions.RepositoryActions.findRepository(this, request);
    }

    /**
     * {@code findRepository} with a request builder:
     * {@code findRepository(r -> r.owner("octocat").repo("Hello-World"))}.
     */
    public Optional<dev.integrations.github.model.Repository> findRepository(
            Consumer<dev.integrations.github.actions.FindRepositoryRequest.Builder> request) {
        return findRepository(dev.integrations.github.actions.FindRepositoryRequest.of(request));
    }

    /**
     * Creates a repository for the authenticated user, or in an organization ({@code org}).
     * See {@link dev.integrations.internal.github.actions.RepositoryActions#createRepository}.
     */
    public dev.integrations.github.model.Repository createRepository(
            dev.integrations.github.actions.CreateRepositoryRequest request) {
        return dev.integrations.internal.github.actions.RepositoryActions.createRepository(this, request);
    }

    /**
     * {@code createRepository} with a request builder:
     * {@code createRepository(r -> r.name("demo").isPrivate(true))}.
     */
    public dev.integrations.github.model.Repository createRepository(
            Consumer<dev.integrations.github.actions.CreateRepositoryRequest.Builder> request) {
        return createRepository(dev.integrations.github.actions.CreateRepositoryRequest.of(request));
    }

    /**
     * Creates a repository from a template repository.
     * See {@link dev.integrations.internal.github.actions.RepositoryActions#createRepositoryFromTemplate}.
     */
    public dev.integrations.github.model.Repository createRepositoryFromTemplate(
            dev.integrations.github.actions.CreateRepositoryFromTemplateRequest request) {
        return dev.integrations.internal.github.actions.RepositoryActions.createRepositoryFromTemplate(this, request);
    }

    /**
     * {@code createRepositoryFromTemplate} with a request builder:
     * {@code createRepositoryFromTemplate(r -> r.templateOwner("octocat").templateRepo("template").name("demo"))}.
     */
    public dev.integrations.github.model.Repository createRepositoryFromTemplate(
            Consumer<dev.integrations.github.actions.CreateRepositoryFromTemplateRequest.Builder> request) {
        return createRepositoryFromTemplate(dev.integrations.github.actions.CreateRepositoryFromTemplateRequest.of(request));
    }

    /**
     * Creates a branch from a commit, another branch, or the default branch.
     * See {@link dev.integrations.internal.github.actions.BranchActions#createBranch}.
     */
    public dev.integrations.github.model.GitReference createBranch(
            dev.integrations.github.actions.CreateBranchRequest request) {
        return dev.integrations.internal.github.actions.BranchActions.createBranch(this, request);
    }

    /**
     * {@code createBranch} with a request builder:
     * {@code createBranch(r -> r.owner("octocat").repo("Hello-World").branch("feature/login"))}.
     */
    public dev.integrations.github.model.GitReference createBranch(
            Consumer<dev.integrations.github.actions.CreateBranchRequest.Builder> request) {
        return createBranch(dev.integrations.github.actions.CreateBranchRequest.of(request));
    }

    /**
     * Deletes a branch.
     * See {@link dev.integrations.internal.github.actions.BranchActions#deleteBranch}.
     */
    public void deleteBranch(
            dev.integrations.github.actions.DeleteBranchRequest request) {
        dev.integrations.internal.github.actions.BranchActions.deleteBranch(this, request);
    }

    /**
     * {@code deleteBranch} with a request builder:
     * {@code deleteBranch(r -> r.owner("octocat").repo("Hello-World").branch("feature/login"))}.
     */
    public void deleteBranch(
            Consumer<dev.integrations.github.actions.DeleteBranchRequest.Builder> request) {
        deleteBranch(dev.integrations.github.actions.DeleteBranchRequest.of(request));
    }

    /**
     * Finds a branch; empty when it does not exist.
     * See {@link dev.integrations.internal.github.actions.BranchActions#findBranch}.
     */
    public Optional<dev.integrations.github.model.Branch> findBranch(
            dev.integrations.github.actions.FindBranchRequest request) {
        return dev.integrations.internal.github.actions.BranchActions.findBranch(this, request);
    }

    /**
     * {@code findBranch} with a request builder:
     * {@code findBranch(r -> r.owner("octocat").repo("Hello-World").branch("main"))}.
     */
    public Optional<dev.integrations.github.model.Branch> findBranch(
            Consumer<dev.integrations.github.actions.FindBranchRequest.Builder> request) {
        return findBranch(dev.integrations.github.actions.FindBranchRequest.of(request));
    }

    /**
     * Creates or replaces a file in one commit.
     * See {@link dev.integrations.internal.github.actions.FileActions#createOrUpdateFile}.
     */
    public dev.integrations.github.model.FileCommit createOrUpdateFile(
            dev.integrations.github.actions.CreateOrUpdateFileRequest request) {
        return dev.integrations.internal.github.actions.FileActions.createOrUpdateFile(this, request);
    }

    /**
     * {@code createOrUpdateFile} with a request builder:
     * {@code createOrUpdateFile(r -> r.owner("octocat").repo("Hello-World").path("docs/a.md").message("Add a").content("# A"))}.
     */
    public dev.integrations.github.model.FileCommit createOrUpdateFile(
            Consumer<dev.integrations.github.actions.CreateOrUpdateFileRequest.Builder> request) {
        return createOrUpdateFile(dev.integrations.github.actions.CreateOrUpdateFileRequest.of(request));
    }

    /**
     * Lists the authenticated user's codespaces; one page, the rest through {@code pages()}.
     * See {@link dev.integrations.internal.github.actions.CodespaceActions#listCodespaces}.
     */
    public dev.integrations.github.model.ListResult<dev.integrations.github.model.Codespace> listCodespaces(
            dev.integrations.github.actions.ListCodespacesRequest request) {
        return dev.integrations.internal.github.actions.CodespaceActions.listCodespaces(this, request);
    }

    /**
     * {@code listCodespaces} with a request builder:
     * {@code listCodespaces(r -> r.perPage(10))}.
     */
    public dev.integrations.github.model.ListResult<dev.integrations.github.model.Codespace> listCodespaces(
            Consumer<dev.integrations.github.actions.ListCodespacesRequest.Builder> request) {
        return listCodespaces(dev.integrations.github.actions.ListCodespacesRequest.of(request));
    }

    /** {@code listCodespaces} with GitHub's defaults. */
    public dev.integrations.github.model.ListResult<dev.integrations.github.model.Codespace> listCodespaces() {
        return listCodespaces(dev.integrations.github.actions.ListCodespacesRequest.builder()
                .build());
    }

    /**
     * Lists the authenticated user's codespaces in a repository; one page, the rest through {@code pages()}.
     * See {@link dev.integrations.internal.github.actions.CodespaceActions#listRepositoryCodespaces}.
     */
    public dev.integrations.github.model.ListResult<dev.integrations.github.model.Codespace> listRepositoryCodespaces(
            dev.integrations.github.actions.ListRepositoryCodespacesRequest request) {
        return dev.integrations.internal.github.actions.CodespaceActions.listRepositoryCodespaces(this, request);
    }

    /**
     * {@code listRepositoryCodespaces} with a request builder:
     * {@code listRepositoryCodespaces(r -> r.owner("octocat").repo("Hello-World"))}.
     */
    public dev.integrations.github.model.ListResult<dev.integrations.github.model.Codespace> listRepositoryCodespaces(
            Consumer<dev.integrations.github.actions.ListRepositoryCodespacesRequest.Builder> request) {
        return listRepositoryCodespaces(dev.integrations.github.actions.ListRepositoryCodespacesRequest.of(request));
    }

    /**
     * Creates a codespace in a repository.
     * See {@link dev.integrations.internal.github.actions.CodespaceActions#createCodespace}.
     */
    public dev.integrations.github.model.Codespace createCodespace(
            dev.integrations.github.actions.CreateCodespaceRequest request) {
        return dev.integrations.internal.github.actions.CodespaceActions.createCodespace(this, request);
    }

    /**
     * {@code createCodespace} with a request builder:
     * {@code createCodespace(r -> r.owner("octocat").repo("Hello-World").ref("main"))}.
     */
    public dev.integrations.github.model.Codespace createCodespace(
            Consumer<dev.integrations.github.actions.CreateCodespaceRequest.Builder> request) {
        return createCodespace(dev.integrations.github.actions.CreateCodespaceRequest.of(request));
    }

    /**
     * Gets one of the authenticated user's codespaces.
     * See {@link dev.integrations.internal.github.actions.CodespaceActions#getCodespace}.
     */
    public dev.integrations.github.model.Codespace getCodespace(
            dev.integrations.github.actions.GetCodespaceRequest request) {
        return dev.integrations.internal.github.actions.CodespaceActions.getCodespace(this, request);
    }

    /**
     * {@code getCodespace} with a request builder:
     * {@code getCodespace(r -> r.codespaceName(name))}.
     */
    public dev.integrations.github.model.Codespace getCodespace(
            Consumer<dev.integrations.github.actions.GetCodespaceRequest.Builder> request) {
        return getCodespace(dev.integrations.github.actions.GetCodespaceRequest.of(request));
    }

    /**
     * Deletes one of the authenticated user's codespaces.
     * See {@link dev.integrations.internal.github.actions.CodespaceActions#deleteCodespace}.
     */
    public void deleteCodespace(
            dev.integrations.github.actions.DeleteCodespaceRequest request) {
        dev.integrations.internal.github.actions.CodespaceActions.deleteCodespace(this, request);
    }

    /**
     * {@code deleteCodespace} with a request builder:
     * {@code deleteCodespace(r -> r.codespaceName(name))}.
     */
    public void deleteCodespace(
            Consumer<dev.integrations.github.actions.DeleteCodespaceRequest.Builder> request) {
        deleteCodespace(dev.integrations.github.actions.DeleteCodespaceRequest.of(request));
    }

    /**
     * Starts a codespace.
     * See {@link dev.integrations.internal.github.actions.CodespaceActions#startCodespace}.
     */
    public dev.integrations.github.model.Codespace startCodespace(
            dev.integrations.github.actions.StartCodespaceRequest request) {
        return dev.integrations.internal.github.actions.CodespaceActions.startCodespace(this, request);
    }

    /**
     * {@code startCodespace} with a request builder:
     * {@code startCodespace(r -> r.codespaceName(name))}.
     */
    public dev.integrations.github.model.Codespace startCodespace(
            Consumer<dev.integrations.github.actions.StartCodespaceRequest.Builder> request) {
        return startCodespace(dev.integrations.github.actions.StartCodespaceRequest.of(request));
    }

    /**
     * Stops a codespace.
     * See {@link dev.integrations.internal.github.actions.CodespaceActions#stopCodespace}.
     */
    public dev.integrations.github.model.Codespace stopCodespace(
            dev.integrations.github.actions.StopCodespaceRequest request) {
        return dev.integrations.internal.github.actions.CodespaceActions.stopCodespace(this, request);
    }

    /**
     * {@code stopCodespace} with a request builder:
     * {@code stopCodespace(r -> r.codespaceName(name))}.
     */
    public dev.integrations.github.model.Codespace stopCodespace(
            Consumer<dev.integrations.github.actions.StopCodespaceRequest.Builder> request) {
        return stopCodespace(dev.integrations.github.actions.StopCodespaceRequest.of(request));
    }

    /**
     * Opens an issue.
     * See {@link dev.integrations.internal.github.actions.IssueActions#createIssue}.
     */
    public dev.integrations.github.model.Issue createIssue(
            dev.integrations.github.actions.CreateIssueRequest request) {
        return dev.integrations.internal.github.actions.IssueActions.createIssue(this, request);
    }

    /**
     * {@code createIssue} with a request builder:
     * {@code createIssue(r -> r.owner("octocat").repo("Hello-World").title("Found a bug").labels("bug"))}.
     */
    public dev.integrations.github.model.Issue createIssue(
            Consumer<dev.integrations.github.actions.CreateIssueRequest.Builder> request) {
        return createIssue(dev.integrations.github.actions.CreateIssueRequest.of(request));
    }

    /**
     * Changes an issue.
     * See {@link dev.integrations.internal.github.actions.IssueActions#updateIssue}.
     */
    public dev.integrations.github.model.Issue updateIssue(
            dev.integrations.github.actions.UpdateIssueRequest request) {
        return dev.integrations.internal.github.actions.IssueActions.updateIssue(this, request);
    }

    /**
     * {@code updateIssue} with a request builder:
     * {@code updateIssue(r -> r.owner("octocat").repo("Hello-World").issueNumber(1347).state(IssueState.CLOSED))}.
     */
    public dev.integrations.github.model.Issue updateIssue(
            Consumer<dev.integrations.github.actions.UpdateIssueRequest.Builder> request) {
        return updateIssue(dev.integrations.github.actions.UpdateIssueRequest.of(request));
    }

    /**
     * Adds labels to an issue; returns all of its labels.
     * See {@link dev.integrations.internal.github.actions.IssueActions#addLabelsToIssue}.
     */
    public dev.integrations.github.model.ListResult<dev.integrations.github.model.Label> addLabelsToIssue(
            dev.integrations.github.actions.AddLabelsToIssueRequest request) {
        return dev.integrations.internal.github.actions.IssueActions.addLabelsToIssue(this, request);
    }

    /**
     * {@code addLabelsToIssue} with a request builder:
     * {@code addLabelsToIssue(r -> r.owner("octocat").repo("Hello-World").issueNumber(1347).labels("bug"))}.
     */
    public dev.integrations.github.model.ListResult<dev.integrations.github.model.Label> addLabelsToIssue(
            Consumer<dev.integrations.github.actions.AddLabelsToIssueRequest.Builder> request) {
        return addLabelsToIssue(dev.integrations.github.actions.AddLabelsToIssueRequest.of(request));
    }

    /**
     * Comments on an issue or pull request.
     * See {@link dev.integrations.internal.github.actions.IssueActions#createComment}.
     */
    public dev.integrations.github.model.IssueComment createComment(
            dev.integrations.github.actions.CreateCommentRequest request) {
        return dev.integrations.internal.github.actions.IssueActions.createComment(this, request);
    }

    /**
     * {@code createComment} with a request builder:
     * {@code createComment(r -> r.owner("octocat").repo("Hello-World").issueNumber(1347).body("Me too"))}.
     */
    public dev.integrations.github.model.IssueComment createComment(
            Consumer<dev.integrations.github.actions.CreateCommentRequest.Builder> request) {
        return createComment(dev.integrations.github.actions.CreateCommentRequest.of(request));
    }

    /**
     * Finds an issue by number; empty when it does not exist.
     * See {@link dev.integrations.internal.github.actions.IssueActions#findIssue}.
     */
    public Optional<dev.integrations.github.model.Issue> findIssue(
            dev.integrations.github.actions.FindIssueRequest request) {
        return dev.integrations.internal.github.actions.IssueActions.findIssue(this, request);
    }

    /**
     * {@code findIssue} with a request builder:
     * {@code findIssue(r -> r.owner("octocat").repo("Hello-World").issueNumber(1347))}.
     */
    public Optional<dev.integrations.github.model.Issue> findIssue(
            Consumer<dev.integrations.github.actions.FindIssueRequest.Builder> request) {
        return findIssue(dev.integrations.github.actions.FindIssueRequest.of(request));
    }

    /**
     * Finds an issue with exactly this title, or opens one.
     * See {@link dev.integrations.internal.github.actions.IssueActions#findOrCreateIssue}.
     */
    public dev.integrations.github.model.FindOrCreateResult<dev.integrations.github.model.Issue> findOrCreateIssue(
            dev.integrations.github.actions.FindOrCreateIssueRequest request) {
        return dev.integrations.internal.github.actions.IssueActions.findOrCreateIssue(this, request);
    }

    /**
     * {@code findOrCreateIssue} with a request builder:
     * {@code findOrCreateIssue(r -> r.owner("octocat").repo("Hello-World").title("Nightly build failed"))}.
     */
    public dev.integrations.github.model.FindOrCreateResult<dev.integrations.github.model.Issue> findOrCreateIssue(
            Consumer<dev.integrations.github.actions.FindOrCreateIssueRequest.Builder> request) {
        return findOrCreateIssue(dev.integrations.github.actions.FindOrCreateIssueRequest.of(request));
    }

    /**
     * Opens a pull request and, with {@code merge}, merges it.
     * See {@link dev.integrations.internal.github.actions.PullRequestActions#createPullRequest}.
     */
    public dev.integrations.github.model.CreatedPullRequest createPullRequest(
            dev.integrations.github.actions.CreatePullRequestRequest request) {
        return dev.integrations.internal.github.actions.PullRequestActions.createPullRequest(this, request);
    }

    /**
     * {@code createPullRequest} with a request builder:
     * {@code createPullRequest(r -> r.owner("octocat").repo("Hello-World").title("Add login").head("feature/login").base("main"))}.
     */
    public dev.integrations.github.model.CreatedPullRequest createPullRequest(
            Consumer<dev.integrations.github.actions.CreatePullRequestRequest.Builder> request) {
        return createPullRequest(dev.integrations.github.actions.CreatePullRequestRequest.of(request));
    }

    /**
     * Changes a pull request.
     * See {@link dev.integrations.internal.github.actions.PullRequestActions#updatePullRequest}.
     */
    public dev.integrations.github.model.PullRequest updatePullRequest(
            dev.integrations.github.actions.UpdatePullRequestRequest request) {
        return dev.integrations.internal.github.actions.PullRequestActions.updatePullRequest(this, request);
    }

    /**
     * {@code updatePullRequest} with a request builder:
     * {@code updatePullRequest(r -> r.owner("octocat").repo("Hello-World").pullNumber(1347).title("Add login page"))}.
     */
    public dev.integrations.github.model.PullRequest updatePullRequest(
            Consumer<dev.integrations.github.actions.UpdatePullRequestRequest.Builder> request) {
        return updatePullRequest(dev.integrations.github.actions.UpdatePullRequestRequest.of(request));
    }

    /**
     * Submits a pull request review.
     * See {@link dev.integrations.internal.github.actions.PullRequestActions#submitReview}.
     */
    public dev.integrations.github.model.PullRequestReview submitReview(
            dev.integrations.github.actions.SubmitReviewRequest request) {
        return dev.integrations.internal.github.actions.PullRequestActions.submitReview(this, request);
    }

    /**
     * {@code submitReview} with a request builder:
     * {@code submitReview(r -> r.owner("octocat").repo("Hello-World").pullNumber(1347).event(ReviewEvent.APPROVE))}.
     */
    public dev.integrations.github.model.PullRequestReview submitReview(
            Consumer<dev.integrations.github.actions.SubmitReviewRequest.Builder> request) {
        return submitReview(dev.integrations.github.actions.SubmitReviewRequest.of(request));
    }

    /**
     * Finds a pull request by number; empty when it does not exist.
     * See {@link dev.integrations.internal.github.actions.PullRequestActions#findPullRequest}.
     */
    public Optional<dev.integrations.github.model.PullRequest> findPullRequest(
            dev.integrations.github.actions.FindPullRequestRequest request) {
        return dev.integrations.internal.github.actions.PullRequestActions.findPullRequest(this, request);
    }

    /**
     * {@code findPullRequest} with a request builder:
     * {@code findPullRequest(r -> r.owner("octocat").repo("Hello-World").pullNumber(1347))}.
     */
    public Optional<dev.integrations.github.model.PullRequest> findPullRequest(
            Consumer<dev.integrations.github.actions.FindPullRequestRequest.Builder> request) {
        return findPullRequest(dev.integrations.github.actions.FindPullRequestRequest.of(request));
    }

    /**
     * Finds the open pull request from head into base, or opens one.
     * See {@link dev.integrations.internal.github.actions.PullRequestActions#findOrCreatePullRequest}.
     */
    public dev.integrations.github.model.FindOrCreateResult<dev.integrations.github.model.PullRequest> findOrCreatePullRequest(
            dev.integrations.github.actions.FindOrCreatePullRequestRequest request) {
        return dev.integrations.internal.github.actions.PullRequestActions.findOrCreatePullRequest(this, request);
    }

    /**
     * {@code findOrCreatePullRequest} with a request builder:
     * {@code findOrCreatePullRequest(r -> r.owner("octocat").repo("Hello-World").head("feature/login").base("main").title("Add login"))}.
     */
    public dev.integrations.github.model.FindOrCreateResult<dev.integrations.github.model.PullRequest> findOrCreatePullRequest(
            Consumer<dev.integrations.github.actions.FindOrCreatePullRequestRequest.Builder> request) {
        return findOrCreatePullRequest(dev.integrations.github.actions.FindOrCreatePullRequestRequest.of(request));
    }

    /**
     * Creates a gist.
     * See {@link dev.integrations.internal.github.actions.GistActions#createGist}.
     */
    public dev.integrations.github.model.Gist createGist(
            dev.integrations.github.actions.CreateGistRequest request) {
        return dev.integrations.internal.github.actions.GistActions.createGist(this, request);
    }

    /**
     * {@code createGist} with a request builder:
     * {@code createGist(r -> r.file("hello.rb", "puts 1").isPublic(true))}.
     */
    public dev.integrations.github.model.Gist createGist(
            Consumer<dev.integrations.github.actions.CreateGistRequest.Builder> request) {
        return createGist(dev.integrations.github.actions.CreateGistRequest.of(request));
    }

    /**
     * Finds a user by login; empty when there is none.
     * See {@link dev.integrations.internal.github.actions.UserActions#findUser}.
     */
    public Optional<GithubUser> findUser(
            dev.integrations.github.actions.FindUserRequest request) {
        return dev.integrations.internal.github.actions.UserActions.findUser(this, request);
    }

    /**
     * {@code findUser} with a request builder:
     * {@code findUser(r -> r.username("octocat"))}.
     */
    public Optional<GithubUser> findUser(
            Consumer<dev.integrations.github.actions.FindUserRequest.Builder> request) {
        return findUser(dev.integrations.github.actions.FindUserRequest.of(request));
    }

    /**
     * Sets (or, without message and emoji, clears) the authenticated user's profile status, through GraphQL.
     * See {@link dev.integrations.internal.github.actions.UserActions#setProfileStatus}.
     */
    public Optional<dev.integrations.github.model.ProfileStatus> setProfileStatus(
            dev.integrations.github.actions.SetProfileStatusRequest request) {
        return dev.integrations.internal.github.actions.UserActions.setProfileStatus(this, request);
    }

    /**
     * {@code setProfileStatus} with a request builder:
     * {@code setProfileStatus(r -> r.message("On vacation").emoji(":palm_tree:"))}.
     */
    public Optional<dev.integrations.github.model.ProfileStatus> setProfileStatus(
            Consumer<dev.integrations.github.actions.SetProfileStatusRequest.Builder> request) {
        return setProfileStatus(dev.integrations.github.actions.SetProfileStatusRequest.of(request));
    }

    /**
     * Checks whether a user is a member of an organization.
     * See {@link dev.integrations.internal.github.actions.OrganizationActions#checkOrganizationMembership}.
     */
    public dev.integrations.github.model.OrganizationMembership checkOrganizationMembership(
            dev.integrations.github.actions.CheckOrganizationMembershipRequest request) {
        return dev.integrations.internal.github.actions.OrganizationActions.checkOrganizationMembership(this, request);
    }

    /**
     * {@code checkOrganizationMembership} with a request builder:
     * {@code checkOrganizationMembership(r -> r.org("github").username("octocat"))}.
     */
    public dev.integrations.github.model.OrganizationMembership checkOrganizationMembership(
            Consumer<dev.integrations.github.actions.CheckOrganizationMembershipRequest.Builder> request) {
        return checkOrganizationMembership(dev.integrations.github.actions.CheckOrganizationMembershipRequest.of(request));
    }

    /**
     * Finds an organization; empty when there is none.
     * See {@link dev.integrations.internal.github.actions.OrganizationActions#findOrganization}.
     */
    public Optional<dev.integrations.github.model.Organization> findOrganization(
            dev.integrations.github.actions.FindOrganizationRequest request) {
        return dev.integrations.internal.github.actions.OrganizationActions.findOrganization(this, request);
    }

    /**
     * {@code findOrganization} with a request builder:
     * {@code findOrganization(r -> r.org("github"))}.
     */
    public Optional<dev.integrations.github.model.Organization> findOrganization(
            Consumer<dev.integrations.github.actions.FindOrganizationRequest.Builder> request) {
        return findOrganization(dev.integrations.github.actions.FindOrganizationRequest.of(request));
    }

    @Override
    public String toString() {
        return "GithubProvider[" + settings + "]";
    }
}
