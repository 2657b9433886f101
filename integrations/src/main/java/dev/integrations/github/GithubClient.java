package dev.integrations.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.integrations.ApiClient;
import dev.integrations.ClientKey;
import dev.integrations.auth.TokenSource;
import dev.integrations.github.model.GithubUser;
import dev.integrations.http.HttpStep;
import dev.integrations.http.HttpTransport;
import dev.integrations.http.ResponseCache;
import dev.integrations.internal.github.client.DefaultGithubClient;

import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

// Why this file is long: it is the client's whole public surface, one abstract method and one
// documented request-builder overload for each of the 32 typed actions, besides raw requests,
// paging, GraphQL and rate limits. The implementation is internal.

/**
 * The GitHub REST API client: one instance per set of {@link GithubSettings}, immutable and
 * thread-safe, sharing its {@link HttpTransport} with every other client of the same
 * {@code AuthManager}.
 *
 * <h2>The request chain</h2>
 * Each request passes through one visible chain of {@link HttpStep}s, outermost first (each step
 * sees the request before the next one and the result after it, as in OkHttp):
 * <ol>
 *   <li>{@code RefreshOnUnauthorizedStep} (sessions only): on a 401 from the API host (not from
 *       another host a redirect led to), refreshes the user's token and sends the request once more;</li>
 *   <li>{@code RedirectStep}: follows redirects as GitHub documents (renamed repositories): 307/308
 *       for every method with the same body, 301/302 except for POST, 303 for reads; at most
 *       {@code max_redirects} hops;</li>
 *   <li>{@code RetryStep}: retries reads (GET, HEAD, OPTIONS) after connection failures and
 *       502/503/504 with jittered exponential backoff ({@code max_retries}); never a write unless
 *       the request is marked {@link GithubRequest.Builder#retrySafe()};</li>
 *   <li>{@code GithubHeadersStep}: adds {@code Authorization} (only towards the configured API
 *       host), {@code Accept}, {@code X-GitHub-Api-Version} and {@code User-Agent};</li>
 *   <li>{@code RateLimitStep}: records {@code x-ratelimit-*} per token and resource (see
 *       {@link #rateLimit()}), and waits out rate limits per the {@link RateLimitPolicy};</li>
 *   <li>{@code ConditionalCacheStep} (when {@code cache} is on): ETag / Last-Modified
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
 * {@link dev.integrations.github.RateLimitException} with the reset time. List endpoints are read
 * with {@link #rawPages} / {@link #paginate}, lazily, following the {@code Link} header.
 *
 * <p>Rate-limit counters and the default response cache belong to the {@link HttpTransport}
 * (like its connection pool), so every session of an {@code AuthManager} shares them.
 *
 * <p>Get an instance from {@code Integrations.github()} or from an {@code AuthManager} session;
 * the implementation is internal. Every typed action has an abstract method taking its request
 * record and a {@code default} overload taking a request-builder consumer, e.g.
 * {@code github.createIssue(r -> r.owner("octocat").repo("Hello-World").title("Found a bug"))}.
 */
public interface GithubClient extends ApiClient {
    /** The key to look this client up in an {@link dev.integrations.Integrations}. */
    ClientKey<GithubClient> KEY = ClientKey.of("github", GithubClient.class);

    /**
     * A client with these settings on this transport: the token comes from the settings.
     *
     * @param settings the settings
     * @param transport the shared transport
     * @return a new client
     */
    static GithubClient create(GithubSettings settings, HttpTransport transport) {
        return DefaultGithubClient.create(settings, transport);
    }

    /**
     * A client whose token comes from {@code tokenSource} (a session's user token, refreshed and
     * retried once when GitHub answers 401), or from the settings when it is null.
     *
     * @param settings the settings
     * @param transport the shared transport
     * @param tokenSource where the current token comes from, or null for the settings' token
     * @return a new client
     */
    static GithubClient create(GithubSettings settings, HttpTransport transport, TokenSource tokenSource) {
        return DefaultGithubClient.create(settings, transport, tokenSource);
    }

    /** {@inheritDoc} Always {@code "github"}. */
    @Override
    default String name() {
        return KEY.name();
    }

    /**
     * The settings in force.
     *
     * @return the settings
     */
    GithubSettings settings();

    /**
     * The shared transport.
     *
     * @return the transport every client of the same {@code AuthManager} or container uses
     */
    HttpTransport transport();

    @Override
    GithubClient withSettings(Map<String, ?> changes);

    /**
     * A client with other settings (token included) on the same transport.
     *
     * @param settings the complete new settings
     * @return a new client; this one is unchanged
     */
    GithubClient withSettings(GithubSettings settings);

    /**
     * {@code GET /user}: the account the token belongs to. GitHub recommends calling it after
     * every authorization, since users can switch accounts on the consent screen.
     *
     * @return the authenticated user
     * @throws dev.integrations.http.UnauthorizedException when the token is invalid, expired or revoked
     */
    default GithubUser getAuthenticatedUser() {
        return GithubUser.fromJson(rawRequest("GET", "/user").tree());
    }

    /**
     * Calls any endpoint without a body, e.g. {@code rawRequest("GET", "/rate_limit")}.
     *
     * @param method the HTTP method
     * @param path the path below the base URL, starting with {@code /}
     * @return the response (status below 400)
     */
    default GithubResponse rawRequest(String method, String path) {
        return rawRequest(GithubRequest.builder().method(method).path(path).build());
    }

    /**
     * Calls any endpoint with a JSON body.
     *
     * @param method the HTTP method
     * @param path the path below the base URL, starting with {@code /}
     * @param body the body, written as JSON
     * @return the response (status below 400)
     */
    default GithubResponse rawRequest(String method, String path, Object body) {
        return rawRequest(GithubRequest.builder().method(method).path(path).body(body).build());
    }

    /**
     * Calls any endpoint: {@code rawRequest(r -> r.method("POST").path("/user/repos").body(Map.of(...)))}.
     *
     * @param request fills in a request builder
     * @return the response (status below 400)
     */
    default GithubResponse rawRequest(Consumer<GithubRequest.Builder> request) {
        GithubRequest.Builder builder = GithubRequest.builder();
        request.accept(builder);
        return rawRequest(builder.build());
    }

    /**
     * Calls any endpoint. Statuses of 400 and above throw a typed
     * {@link dev.integrations.http.ApiException}; everything else is returned.
     *
     * @param request the request
     * @return the response (status below 400)
     */
    GithubResponse rawRequest(GithubRequest request);

    /**
     * A list endpoint as lazily fetched pages of raw JSON items, e.g.
     * {@code rawPages("/user/repos").maxItems(50).stream()}. No request is sent until the pages
     * or items are used; see {@link Pages}.
     *
     * @param path the path below the base URL
     * @return the pages, not yet fetched
     */
    default Pages<JsonNode> rawPages(String path) {
        return rawPages(GithubRequest.builder().method("GET").path(path).build());
    }

    /**
     * {@link #rawPages(GithubRequest)} with a request builder: {@code rawPages(r -> r.path("/user/repos").query("sort", "created"))}.
     *
     * @param request fills in a request builder
     * @return the pages, not yet fetched
     */
    default Pages<JsonNode> rawPages(Consumer<GithubRequest.Builder> request) {
        GithubRequest.Builder builder = GithubRequest.builder();
        request.accept(builder);
        return rawPages(builder.build());
    }

    /**
     * A list endpoint as lazily fetched pages of raw JSON items.
     *
     * @param request a GET request
     * @return the pages, not yet fetched
     * @throws IllegalArgumentException if the request is not a GET
     */
    default Pages<JsonNode> rawPages(GithubRequest request) {
        return paginate(request, Function.identity());
    }

    /**
     * A list endpoint as lazily fetched pages, each JSON item turned into a {@code T} by
     * {@code mapper} (which must not return null).
     *
     * @param request a GET request
     * @param mapper turns one JSON item into a {@code T}
     * @param <T> the item type
     * @return the pages, not yet fetched
     * @throws IllegalArgumentException if the request is not a GET
     */
    <T> Pages<T> paginate(GithubRequest request, Function<JsonNode, ? extends T> mapper);

    /**
     * The latest rate-limit counters GitHub reported for this client's current token (from
     * any client on the same transport), whichever resource the last response was about.
     * Empty before the first response with {@code x-ratelimit-*} headers.
     *
     * @return the latest counters, if any
     */
    Optional<RateLimitSnapshot> rateLimit();

    /**
     * The latest rate-limit counters for one resource ({@code core}, {@code search}, {@code graphql}...).
     *
     * @param resource the resource name GitHub reports in {@code x-ratelimit-resource}
     * @return the latest counters for that resource, if any
     */
    Optional<RateLimitSnapshot> rateLimit(String resource);

    // ---- Typed actions: the request records and their builders live in
    // dev.integrations.github.actions, the results in dev.integrations.github.model.

    /**
     * The actions as data (name, description, JSON Schema of the parameters) with a generic
     * {@code invoke(name, jsonArguments)}, for tools and agent frameworks.
     *
     * @return the action catalog bound to this client
     */
    dev.integrations.github.actions.GithubActions actions();

    /**
     * Runs a GraphQL query or mutation ({@code POST /graphql}) and returns its {@code data}.
     *
     * @param query the GraphQL document
     * @param variables the variables, or null
     * @return the {@code data} member of GitHub's answer
     * @throws GraphqlException when GitHub reports GraphQL {@code errors}, even with HTTP 200
     */
    JsonNode graphql(String query, Map<String, ?> variables);

    /**
     * Lists repositories (the authenticated user's, a user's or an organization's); one page, the rest through {@code pages()}.
     *
     * @param request the request
     * @return the result
     */
    ListResult<dev.integrations.github.model.Repository> listRepositories(
            dev.integrations.github.actions.ListRepositoriesRequest request);

    /**
     * {@code listRepositories} with a request builder:
     * {@code listRepositories(r -> r.org("github").perPage(50))}.
     *
     * @param request fills in a builder of the request
     * @return the result
     */
    default ListResult<dev.integrations.github.model.Repository> listRepositories(
            Consumer<dev.integrations.github.actions.ListRepositoriesRequest.Builder> request) {
        return listRepositories(dev.integrations.github.actions.ListRepositoriesRequest.of(request));
    }

    /**
     * {@code listRepositories} with GitHub's defaults.
     *
     * @return the result
     */
    default ListResult<dev.integrations.github.model.Repository> listRepositories() {
        return listRepositories(dev.integrations.github.actions.ListRepositoriesRequest.builder()
                .build());
    }

    /**
     * Finds a repository; empty when it does not exist or the token cannot see it.
     *
     * @param request the request
     * @return the result, or empty when GitHub has none
     */
    Optional<dev.integrations.github.model.Repository> findRepository(
            dev.integrations.github.actions.FindRepositoryRequest request);

    /**
     * {@code findRepository} with a request builder:
     * {@code findRepository(r -> r.owner("octocat").repo("Hello-World"))}.
     *
     * @param request fills in a builder of the request
     * @return the result, or empty when GitHub has none
     */
    default Optional<dev.integrations.github.model.Repository> findRepository(
            Consumer<dev.integrations.github.actions.FindRepositoryRequest.Builder> request) {
        return findRepository(dev.integrations.github.actions.FindRepositoryRequest.of(request));
    }

    /**
     * Creates a repository for the authenticated user, or in an organization ({@code org}).
     *
     * @param request the request
     * @return the result
     */
    dev.integrations.github.model.Repository createRepository(
            dev.integrations.github.actions.CreateRepositoryRequest request);

    /**
     * {@code createRepository} with a request builder:
     * {@code createRepository(r -> r.name("demo").isPrivate(true))}.
     *
     * @param request fills in a builder of the request
     * @return the result
     */
    default dev.integrations.github.model.Repository createRepository(
            Consumer<dev.integrations.github.actions.CreateRepositoryRequest.Builder> request) {
        return createRepository(dev.integrations.github.actions.CreateRepositoryRequest.of(request));
    }

    /**
     * Creates a repository from a template repository.
     *
     * @param request the request
     * @return the result
     */
    dev.integrations.github.model.Repository createRepositoryFromTemplate(
            dev.integrations.github.actions.CreateRepositoryFromTemplateRequest request);

    /**
     * {@code createRepositoryFromTemplate} with a request builder:
     * {@code createRepositoryFromTemplate(r -> r.templateOwner("octocat").templateRepo("template").name("demo"))}.
     *
     * @param request fills in a builder of the request
     * @return the result
     */
    default dev.integrations.github.model.Repository createRepositoryFromTemplate(
            Consumer<dev.integrations.github.actions.CreateRepositoryFromTemplateRequest.Builder> request) {
        return createRepositoryFromTemplate(dev.integrations.github.actions.CreateRepositoryFromTemplateRequest.of(request));
    }

    /**
     * Creates a branch from a commit, another branch, or the default branch.
     *
     * @param request the request
     * @return the result
     */
    dev.integrations.github.model.GitReference createBranch(
            dev.integrations.github.actions.CreateBranchRequest request);

    /**
     * {@code createBranch} with a request builder:
     * {@code createBranch(r -> r.owner("octocat").repo("Hello-World").branch("feature/login"))}.
     *
     * @param request fills in a builder of the request
     * @return the result
     */
    default dev.integrations.github.model.GitReference createBranch(
            Consumer<dev.integrations.github.actions.CreateBranchRequest.Builder> request) {
        return createBranch(dev.integrations.github.actions.CreateBranchRequest.of(request));
    }

    /**
     * Deletes a branch.
     *
     * @param request the request
     */
    void deleteBranch(
            dev.integrations.github.actions.DeleteBranchRequest request);

    /**
     * {@code deleteBranch} with a request builder:
     * {@code deleteBranch(r -> r.owner("octocat").repo("Hello-World").branch("feature/login"))}.
     *
     * @param request fills in a builder of the request
     */
    default void deleteBranch(
            Consumer<dev.integrations.github.actions.DeleteBranchRequest.Builder> request) {
        deleteBranch(dev.integrations.github.actions.DeleteBranchRequest.of(request));
    }

    /**
     * Finds a branch; empty when it does not exist.
     *
     * @param request the request
     * @return the result, or empty when GitHub has none
     */
    Optional<dev.integrations.github.model.Branch> findBranch(
            dev.integrations.github.actions.FindBranchRequest request);

    /**
     * {@code findBranch} with a request builder:
     * {@code findBranch(r -> r.owner("octocat").repo("Hello-World").branch("main"))}.
     *
     * @param request fills in a builder of the request
     * @return the result, or empty when GitHub has none
     */
    default Optional<dev.integrations.github.model.Branch> findBranch(
            Consumer<dev.integrations.github.actions.FindBranchRequest.Builder> request) {
        return findBranch(dev.integrations.github.actions.FindBranchRequest.of(request));
    }

    /**
     * Creates or replaces a file in one commit.
     *
     * @param request the request
     * @return the result
     */
    dev.integrations.github.model.FileCommit createOrUpdateFile(
            dev.integrations.github.actions.CreateOrUpdateFileRequest request);

    /**
     * {@code createOrUpdateFile} with a request builder:
     * {@code createOrUpdateFile(r -> r.owner("octocat").repo("Hello-World").path("docs/a.md").message("Add a").content("# A"))}.
     *
     * @param request fills in a builder of the request
     * @return the result
     */
    default dev.integrations.github.model.FileCommit createOrUpdateFile(
            Consumer<dev.integrations.github.actions.CreateOrUpdateFileRequest.Builder> request) {
        return createOrUpdateFile(dev.integrations.github.actions.CreateOrUpdateFileRequest.of(request));
    }

    /**
     * Lists the authenticated user's codespaces; one page, the rest through {@code pages()}.
     *
     * @param request the request
     * @return the result
     */
    ListResult<dev.integrations.github.model.Codespace> listCodespaces(
            dev.integrations.github.actions.ListCodespacesRequest request);

    /**
     * {@code listCodespaces} with a request builder:
     * {@code listCodespaces(r -> r.perPage(10))}.
     *
     * @param request fills in a builder of the request
     * @return the result
     */
    default ListResult<dev.integrations.github.model.Codespace> listCodespaces(
            Consumer<dev.integrations.github.actions.ListCodespacesRequest.Builder> request) {
        return listCodespaces(dev.integrations.github.actions.ListCodespacesRequest.of(request));
    }

    /**
     * {@code listCodespaces} with GitHub's defaults.
     *
     * @return the result
     */
    default ListResult<dev.integrations.github.model.Codespace> listCodespaces() {
        return listCodespaces(dev.integrations.github.actions.ListCodespacesRequest.builder()
                .build());
    }

    /**
     * Lists the authenticated user's codespaces in a repository; one page, the rest through {@code pages()}.
     *
     * @param request the request
     * @return the result
     */
    ListResult<dev.integrations.github.model.Codespace> listRepositoryCodespaces(
            dev.integrations.github.actions.ListRepositoryCodespacesRequest request);

    /**
     * {@code listRepositoryCodespaces} with a request builder:
     * {@code listRepositoryCodespaces(r -> r.owner("octocat").repo("Hello-World"))}.
     *
     * @param request fills in a builder of the request
     * @return the result
     */
    default ListResult<dev.integrations.github.model.Codespace> listRepositoryCodespaces(
            Consumer<dev.integrations.github.actions.ListRepositoryCodespacesRequest.Builder> request) {
        return listRepositoryCodespaces(dev.integrations.github.actions.ListRepositoryCodespacesRequest.of(request));
    }

    /**
     * Creates a codespace in a repository.
     *
     * @param request the request
     * @return the result
     */
    dev.integrations.github.model.Codespace createCodespace(
            dev.integrations.github.actions.CreateCodespaceRequest request);

    /**
     * {@code createCodespace} with a request builder:
     * {@code createCodespace(r -> r.owner("octocat").repo("Hello-World").ref("main"))}.
     *
     * @param request fills in a builder of the request
     * @return the result
     */
    default dev.integrations.github.model.Codespace createCodespace(
            Consumer<dev.integrations.github.actions.CreateCodespaceRequest.Builder> request) {
        return createCodespace(dev.integrations.github.actions.CreateCodespaceRequest.of(request));
    }

    /**
     * Gets one of the authenticated user's codespaces.
     *
     * @param request the request
     * @return the result
     */
    dev.integrations.github.model.Codespace getCodespace(
            dev.integrations.github.actions.CodespaceRequest request);

    /**
     * {@code getCodespace} with a request builder:
     * {@code getCodespace(r -> r.codespaceName(name))}.
     *
     * @param request fills in a builder of the request
     * @return the result
     */
    default dev.integrations.github.model.Codespace getCodespace(
            Consumer<dev.integrations.github.actions.CodespaceRequest.Builder> request) {
        return getCodespace(dev.integrations.github.actions.CodespaceRequest.of(request));
    }

    /**
     * Deletes one of the authenticated user's codespaces.
     *
     * @param request the request
     */
    void deleteCodespace(
            dev.integrations.github.actions.CodespaceRequest request);

    /**
     * {@code deleteCodespace} with a request builder:
     * {@code deleteCodespace(r -> r.codespaceName(name))}.
     *
     * @param request fills in a builder of the request
     */
    default void deleteCodespace(
            Consumer<dev.integrations.github.actions.CodespaceRequest.Builder> request) {
        deleteCodespace(dev.integrations.github.actions.CodespaceRequest.of(request));
    }

    /**
     * Starts a codespace.
     *
     * @param request the request
     * @return the result
     */
    dev.integrations.github.model.Codespace startCodespace(
            dev.integrations.github.actions.CodespaceRequest request);

    /**
     * {@code startCodespace} with a request builder:
     * {@code startCodespace(r -> r.codespaceName(name))}.
     *
     * @param request fills in a builder of the request
     * @return the result
     */
    default dev.integrations.github.model.Codespace startCodespace(
            Consumer<dev.integrations.github.actions.CodespaceRequest.Builder> request) {
        return startCodespace(dev.integrations.github.actions.CodespaceRequest.of(request));
    }

    /**
     * Stops a codespace.
     *
     * @param request the request
     * @return the result
     */
    dev.integrations.github.model.Codespace stopCodespace(
            dev.integrations.github.actions.CodespaceRequest request);

    /**
     * {@code stopCodespace} with a request builder:
     * {@code stopCodespace(r -> r.codespaceName(name))}.
     *
     * @param request fills in a builder of the request
     * @return the result
     */
    default dev.integrations.github.model.Codespace stopCodespace(
            Consumer<dev.integrations.github.actions.CodespaceRequest.Builder> request) {
        return stopCodespace(dev.integrations.github.actions.CodespaceRequest.of(request));
    }

    /**
     * Opens an issue.
     *
     * @param request the request
     * @return the result
     */
    dev.integrations.github.model.Issue createIssue(
            dev.integrations.github.actions.CreateIssueRequest request);

    /**
     * {@code createIssue} with a request builder:
     * {@code createIssue(r -> r.owner("octocat").repo("Hello-World").title("Found a bug").labels("bug"))}.
     *
     * @param request fills in a builder of the request
     * @return the result
     */
    default dev.integrations.github.model.Issue createIssue(
            Consumer<dev.integrations.github.actions.CreateIssueRequest.Builder> request) {
        return createIssue(dev.integrations.github.actions.CreateIssueRequest.of(request));
    }

    /**
     * Changes an issue.
     *
     * @param request the request
     * @return the result
     */
    dev.integrations.github.model.Issue updateIssue(
            dev.integrations.github.actions.UpdateIssueRequest request);

    /**
     * {@code updateIssue} with a request builder:
     * {@code updateIssue(r -> r.owner("octocat").repo("Hello-World").issueNumber(1347).state(IssueState.CLOSED))}.
     *
     * @param request fills in a builder of the request
     * @return the result
     */
    default dev.integrations.github.model.Issue updateIssue(
            Consumer<dev.integrations.github.actions.UpdateIssueRequest.Builder> request) {
        return updateIssue(dev.integrations.github.actions.UpdateIssueRequest.of(request));
    }

    /**
     * Adds labels to an issue; returns all of its labels.
     *
     * @param request the request
     * @return the result
     */
    ListResult<dev.integrations.github.model.Label> addLabelsToIssue(
            dev.integrations.github.actions.AddLabelsToIssueRequest request);

    /**
     * {@code addLabelsToIssue} with a request builder:
     * {@code addLabelsToIssue(r -> r.owner("octocat").repo("Hello-World").issueNumber(1347).labels("bug"))}.
     *
     * @param request fills in a builder of the request
     * @return the result
     */
    default ListResult<dev.integrations.github.model.Label> addLabelsToIssue(
            Consumer<dev.integrations.github.actions.AddLabelsToIssueRequest.Builder> request) {
        return addLabelsToIssue(dev.integrations.github.actions.AddLabelsToIssueRequest.of(request));
    }

    /**
     * Comments on an issue or pull request.
     *
     * @param request the request
     * @return the result
     */
    dev.integrations.github.model.IssueComment createComment(
            dev.integrations.github.actions.CreateCommentRequest request);

    /**
     * {@code createComment} with a request builder:
     * {@code createComment(r -> r.owner("octocat").repo("Hello-World").issueNumber(1347).body("Me too"))}.
     *
     * @param request fills in a builder of the request
     * @return the result
     */
    default dev.integrations.github.model.IssueComment createComment(
            Consumer<dev.integrations.github.actions.CreateCommentRequest.Builder> request) {
        return createComment(dev.integrations.github.actions.CreateCommentRequest.of(request));
    }

    /**
     * Finds an issue by number; empty when it does not exist.
     *
     * @param request the request
     * @return the result, or empty when GitHub has none
     */
    Optional<dev.integrations.github.model.Issue> findIssue(
            dev.integrations.github.actions.FindIssueRequest request);

    /**
     * {@code findIssue} with a request builder:
     * {@code findIssue(r -> r.owner("octocat").repo("Hello-World").issueNumber(1347))}.
     *
     * @param request fills in a builder of the request
     * @return the result, or empty when GitHub has none
     */
    default Optional<dev.integrations.github.model.Issue> findIssue(
            Consumer<dev.integrations.github.actions.FindIssueRequest.Builder> request) {
        return findIssue(dev.integrations.github.actions.FindIssueRequest.of(request));
    }

    /**
     * Finds an issue with exactly this title, or opens one.
     *
     * @param request the request
     * @return the result
     */
    dev.integrations.github.model.FindOrCreateResult<dev.integrations.github.model.Issue> findOrCreateIssue(
            dev.integrations.github.actions.FindOrCreateIssueRequest request);

    /**
     * {@code findOrCreateIssue} with a request builder:
     * {@code findOrCreateIssue(r -> r.owner("octocat").repo("Hello-World").title("Nightly build failed"))}.
     *
     * @param request fills in a builder of the request
     * @return the result
     */
    default dev.integrations.github.model.FindOrCreateResult<dev.integrations.github.model.Issue> findOrCreateIssue(
            Consumer<dev.integrations.github.actions.FindOrCreateIssueRequest.Builder> request) {
        return findOrCreateIssue(dev.integrations.github.actions.FindOrCreateIssueRequest.of(request));
    }

    /**
     * Opens a pull request and, with {@code merge}, merges it.
     *
     * @param request the request
     * @return the result
     */
    dev.integrations.github.model.CreatedPullRequest createPullRequest(
            dev.integrations.github.actions.CreatePullRequestRequest request);

    /**
     * {@code createPullRequest} with a request builder:
     * {@code createPullRequest(r -> r.owner("octocat").repo("Hello-World").title("Add login").head("feature/login").base("main"))}.
     *
     * @param request fills in a builder of the request
     * @return the result
     */
    default dev.integrations.github.model.CreatedPullRequest createPullRequest(
            Consumer<dev.integrations.github.actions.CreatePullRequestRequest.Builder> request) {
        return createPullRequest(dev.integrations.github.actions.CreatePullRequestRequest.of(request));
    }

    /**
     * Changes a pull request.
     *
     * @param request the request
     * @return the result
     */
    dev.integrations.github.model.PullRequest updatePullRequest(
            dev.integrations.github.actions.UpdatePullRequestRequest request);

    /**
     * {@code updatePullRequest} with a request builder:
     * {@code updatePullRequest(r -> r.owner("octocat").repo("Hello-World").pullNumber(1347).title("Add login page"))}.
     *
     * @param request fills in a builder of the request
     * @return the result
     */
    default dev.integrations.github.model.PullRequest updatePullRequest(
            Consumer<dev.integrations.github.actions.UpdatePullRequestRequest.Builder> request) {
        return updatePullRequest(dev.integrations.github.actions.UpdatePullRequestRequest.of(request));
    }

    /**
     * Submits a pull request review.
     *
     * @param request the request
     * @return the result
     */
    dev.integrations.github.model.PullRequestReview submitReview(
            dev.integrations.github.actions.SubmitReviewRequest request);

    /**
     * {@code submitReview} with a request builder:
     * {@code submitReview(r -> r.owner("octocat").repo("Hello-World").pullNumber(1347).event(ReviewEvent.APPROVE))}.
     *
     * @param request fills in a builder of the request
     * @return the result
     */
    default dev.integrations.github.model.PullRequestReview submitReview(
            Consumer<dev.integrations.github.actions.SubmitReviewRequest.Builder> request) {
        return submitReview(dev.integrations.github.actions.SubmitReviewRequest.of(request));
    }

    /**
     * Finds a pull request by number; empty when it does not exist.
     *
     * @param request the request
     * @return the result, or empty when GitHub has none
     */
    Optional<dev.integrations.github.model.PullRequest> findPullRequest(
            dev.integrations.github.actions.FindPullRequestRequest request);

    /**
     * {@code findPullRequest} with a request builder:
     * {@code findPullRequest(r -> r.owner("octocat").repo("Hello-World").pullNumber(1347))}.
     *
     * @param request fills in a builder of the request
     * @return the result, or empty when GitHub has none
     */
    default Optional<dev.integrations.github.model.PullRequest> findPullRequest(
            Consumer<dev.integrations.github.actions.FindPullRequestRequest.Builder> request) {
        return findPullRequest(dev.integrations.github.actions.FindPullRequestRequest.of(request));
    }

    /**
     * Finds the open pull request from head into base, or opens one.
     *
     * @param request the request
     * @return the result
     */
    dev.integrations.github.model.FindOrCreateResult<dev.integrations.github.model.PullRequest> findOrCreatePullRequest(
            dev.integrations.github.actions.FindOrCreatePullRequestRequest request);

    /**
     * {@code findOrCreatePullRequest} with a request builder:
     * {@code findOrCreatePullRequest(r -> r.owner("octocat").repo("Hello-World").head("feature/login").base("main").title("Add login"))}.
     *
     * @param request fills in a builder of the request
     * @return the result
     */
    default dev.integrations.github.model.FindOrCreateResult<dev.integrations.github.model.PullRequest> findOrCreatePullRequest(
            Consumer<dev.integrations.github.actions.FindOrCreatePullRequestRequest.Builder> request) {
        return findOrCreatePullRequest(dev.integrations.github.actions.FindOrCreatePullRequestRequest.of(request));
    }

    /**
     * Creates a gist.
     *
     * @param request the request
     * @return the result
     */
    dev.integrations.github.model.Gist createGist(
            dev.integrations.github.actions.CreateGistRequest request);

    /**
     * {@code createGist} with a request builder:
     * {@code createGist(r -> r.file("hello.rb", "puts 1").isPublic(true))}.
     *
     * @param request fills in a builder of the request
     * @return the result
     */
    default dev.integrations.github.model.Gist createGist(
            Consumer<dev.integrations.github.actions.CreateGistRequest.Builder> request) {
        return createGist(dev.integrations.github.actions.CreateGistRequest.of(request));
    }

    /**
     * Finds a user by login; empty when there is none.
     *
     * @param request the request
     * @return the result, or empty when GitHub has none
     */
    Optional<GithubUser> findUser(
            dev.integrations.github.actions.FindUserRequest request);

    /**
     * {@code findUser} with a request builder:
     * {@code findUser(r -> r.username("octocat"))}.
     *
     * @param request fills in a builder of the request
     * @return the result, or empty when GitHub has none
     */
    default Optional<GithubUser> findUser(
            Consumer<dev.integrations.github.actions.FindUserRequest.Builder> request) {
        return findUser(dev.integrations.github.actions.FindUserRequest.of(request));
    }

    /**
     * Sets (or, without message and emoji, clears) the authenticated user's profile status, through GraphQL.
     *
     * @param request the request
     * @return the result, or empty when GitHub has none
     */
    Optional<dev.integrations.github.model.ProfileStatus> setProfileStatus(
            dev.integrations.github.actions.SetProfileStatusRequest request);

    /**
     * {@code setProfileStatus} with a request builder:
     * {@code setProfileStatus(r -> r.message("On vacation").emoji(":palm_tree:"))}.
     *
     * @param request fills in a builder of the request
     * @return the result, or empty when GitHub has none
     */
    default Optional<dev.integrations.github.model.ProfileStatus> setProfileStatus(
            Consumer<dev.integrations.github.actions.SetProfileStatusRequest.Builder> request) {
        return setProfileStatus(dev.integrations.github.actions.SetProfileStatusRequest.of(request));
    }

    /**
     * Checks whether a user is a member of an organization.
     *
     * @param request the request
     * @return the result
     */
    dev.integrations.github.model.OrganizationMembership checkOrganizationMembership(
            dev.integrations.github.actions.CheckOrganizationMembershipRequest request);

    /**
     * {@code checkOrganizationMembership} with a request builder:
     * {@code checkOrganizationMembership(r -> r.org("github").username("octocat"))}.
     *
     * @param request fills in a builder of the request
     * @return the result
     */
    default dev.integrations.github.model.OrganizationMembership checkOrganizationMembership(
            Consumer<dev.integrations.github.actions.CheckOrganizationMembershipRequest.Builder> request) {
        return checkOrganizationMembership(dev.integrations.github.actions.CheckOrganizationMembershipRequest.of(request));
    }

    /**
     * Finds an organization; empty when there is none.
     *
     * @param request the request
     * @return the result, or empty when GitHub has none
     */
    Optional<dev.integrations.github.model.Organization> findOrganization(
            dev.integrations.github.actions.FindOrganizationRequest request);

    /**
     * {@code findOrganization} with a request builder:
     * {@code findOrganization(r -> r.org("github"))}.
     *
     * @param request fills in a builder of the request
     * @return the result, or empty when GitHub has none
     */
    default Optional<dev.integrations.github.model.Organization> findOrganization(
            Consumer<dev.integrations.github.actions.FindOrganizationRequest.Builder> request) {
        return findOrganization(dev.integrations.github.actions.FindOrganizationRequest.of(request));
    }
}
