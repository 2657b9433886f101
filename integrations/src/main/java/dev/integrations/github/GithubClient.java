package dev.integrations.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.integrations.core.ApiClient;
import dev.integrations.core.ClientKey;
import dev.integrations.github.model.GithubUser;
import dev.integrations.http.HttpStep;
import dev.integrations.http.HttpTransport;
import dev.integrations.http.ResponseCache;

import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

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
 * or build one with {@code GithubClients.create(...)}
 * ({@code dev.integrations.github.client}); the implementation is internal. Every typed action has an abstract method taking its request
 * record and a {@code default} overload taking a request-builder consumer, e.g.
 * {@code github.createIssue(r -> r.owner("octocat").repo("Hello-World").title("Found a bug"))}; the
 * build generates them, in {@link GithubActionMethods}, from the actions' declaration.
 */
public interface GithubClient extends ApiClient, GithubActionMethods {
    /** The key to look this client up in an {@link dev.integrations.Integrations}. */
    ClientKey<GithubClient> KEY = ClientKey.of("github", GithubClient.class);

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
        return GithubUser.fromJson(rawRequest(Requests.AUTHENTICATED_USER).body());
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
     * {@code mapper} (which must not return null). The items are read-only trees, like every
     * response body: a mapper that wants to change one works on its {@code deepCopy()}.
     *
     * @param request a GET request
     * @param mapper turns one (read-only) JSON item into a {@code T}
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
     * Runs a GraphQL query or mutation ({@code POST /graphql}) and returns its {@code data}.
     *
     * @param query the GraphQL document
     * @param variables the variables, or null
     * @return the {@code data} member of GitHub's answer
     * @throws GraphqlException when GitHub reports GraphQL {@code errors}, even with HTTP 200
     */
    JsonNode graphql(String query, Map<String, ?> variables);

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
     * {@code listCodespaces} with GitHub's defaults.
     *
     * @return the result
     */
    default ListResult<dev.integrations.github.model.Codespace> listCodespaces() {
        return listCodespaces(dev.integrations.github.actions.ListCodespacesRequest.builder()
                .build());
    }
}
