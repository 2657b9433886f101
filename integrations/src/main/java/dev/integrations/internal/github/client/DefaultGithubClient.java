package dev.integrations.internal.github.client;

import dev.integrations.github.GithubClient;
import dev.integrations.github.GithubRequest;
import dev.integrations.github.GithubResponse;
import dev.integrations.github.GithubSettings;
import dev.integrations.github.Pages;
import dev.integrations.github.RateLimitSnapshot;
import dev.integrations.internal.github.GithubCore;
import dev.integrations.internal.github.paging.DefaultPages;
import dev.integrations.internal.github.GithubErrors;
import dev.integrations.internal.github.GithubGraphql;
import dev.integrations.internal.github.GithubHeadersStep;
import dev.integrations.internal.github.RateLimitStep;
import dev.integrations.internal.github.RateLimitTracker;
import dev.integrations.internal.github.RefreshOnUnauthorizedStep;
import dev.integrations.internal.github.TrafficState;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.integrations.auth.TokenSource;
import dev.integrations.internal.http.FormEncoding;
import dev.integrations.internal.http.ConditionalCacheStep;
import dev.integrations.internal.http.CredentialHash;
import dev.integrations.http.HttpResult;
import dev.integrations.http.HttpStep;
import dev.integrations.http.HttpTransport;
import dev.integrations.internal.config.ConfigValues;
import dev.integrations.internal.http.RedirectStep;
import dev.integrations.http.ResponseCache;
import dev.integrations.internal.http.RetryStep;
import dev.integrations.http.TransportException;
import dev.integrations.internal.json.Json;
import dev.integrations.internal.json.ReadOnlyJson;
import dev.integrations.internal.http.PreparedRequest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The {@link GithubClient} implementation: assembles the request chain described on
 * {@link GithubClient} and the narrow {@link GithubCore} the actions' call logic uses; the typed
 * actions come from {@link GeneratedActionDispatch}, which the build generates from the actions'
 * declaration.
 */
public final class DefaultGithubClient implements GithubClient, GeneratedActionDispatch {
    private static final Optional<java.net.http.HttpClient.Version> HTTP_1_1 =
            Optional.of(java.net.http.HttpClient.Version.HTTP_1_1);
    private final GithubSettings settings;
    private final HttpTransport transport;
    private final @Nullable TokenSource tokenSource;
    private final List<HttpStep> steps;
    private final RateLimitTracker rateLimits;
    private final GithubHeadersStep headers;
    /** Whether send() sets the headers step's headers itself: only without application steps. */
    private final boolean presetHeaders;
    /** The deadline of every request, shared by them. */
    private final Optional<java.time.Duration> timeout;
    /** HTTP/1.1 on a plain-HTTP base URL (no "Upgrade: h2c" on every request to a test server or proxy). */
    private final Optional<java.net.http.HttpClient.Version> version;
    private final ResolvedUris uris;

    private DefaultGithubClient(GithubSettings settings, HttpTransport transport, @Nullable TokenSource tokenSource) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.tokenSource = tokenSource;
        this.version = "http".equalsIgnoreCase(settings.baseUrl().getScheme()) ? HTTP_1_1 : Optional.empty();
        this.timeout = Optional.of(settings.timeout());
        this.uris = ResolvedUris.of(transport);
        TrafficState traffic = TrafficState.of(transport);
        this.rateLimits = traffic.rateLimits();
        Supplier<String> token = tokenSource == null ? settings::token : tokenSource::currentToken;
        // The chain's order is explained in the class Javadoc; change both together. Every session
        // builds one, so it goes straight into an array of its final size.
        List<HttpStep> application = transport.applicationSteps();
        List<HttpStep> network = transport.networkSteps();
        HttpStep[] chain = new HttpStep[application.size() + (tokenSource != null ? 1 : 0) + 4
                + (settings.cache() ? 1 : 0) + network.size()];
        int at = 0;
        for (HttpStep step : application) {
            chain[at++] = step;
        }
        if (tokenSource != null) {
            chain[at++] = new RefreshOnUnauthorizedStep(tokenSource);
        }
        chain[at++] = new RedirectStep(settings.maxRedirects());
        chain[at++] = new RetryStep(settings.retryPolicy(), settings.sleeper());
        this.headers = new GithubHeadersStep(settings, token);
        this.presetHeaders = application.isEmpty();
        chain[at++] = headers;
        chain[at++] = new RateLimitStep(settings.rateLimitPolicy(), rateLimits, settings.clock(), settings.sleeper());
        if (settings.cache()) {
            ResponseCache cache = settings.responseCache() != null ? settings.responseCache()
                    : traffic.defaultCache(settings.cacheMaxBytes());
            chain[at++] = new ConditionalCacheStep(cache, CACHE_VARY);
        }
        for (HttpStep step : network) {
            chain[at++] = step;
        }
        this.steps = Collections.unmodifiableList(Arrays.asList(chain));
    }

    /** The request headers a cached response must match. */
    private static final List<String> CACHE_VARY = List.of("accept", "x-github-api-version");

    /** A provider with these settings on this transport. */
    public static DefaultGithubClient create(GithubSettings settings, HttpTransport transport) {
        return new DefaultGithubClient(settings, transport, null);
    }

    /**
     * A provider whose token comes from {@code tokenSource} (a session's user token, refreshed and
     * retried once when GitHub answers 401), or from the settings when it is null.
     */
    public static DefaultGithubClient create(GithubSettings settings, HttpTransport transport,
                                             @Nullable TokenSource tokenSource) {
        return new DefaultGithubClient(settings, transport, tokenSource);
    }

    /** The settings in force. */
    @Override
    public GithubSettings settings() {
        return settings;
    }

    /** The shared transport. */
    @Override
    public HttpTransport transport() {
        return transport;
    }

    @Override
    public DefaultGithubClient withSettings(Map<String, ?> changes) {
        // An explicit token replaces the session's; otherwise the session's token source stays.
        return new DefaultGithubClient(settings.withChanges(changes), transport, changes.containsKey("token") ? null : tokenSource);
    }

    /** A provider with other settings (token included) on the same transport. */
    @Override
    public DefaultGithubClient withSettings(GithubSettings settings) {
        return new DefaultGithubClient(settings, transport, null);
    }

    /**
     * Calls any endpoint. Statuses of 400 and above throw a typed
     * {@link dev.integrations.http.ApiException}; everything else is returned.
     */
    @Override
    public GithubResponse rawRequest(GithubRequest request) {
        return send(request, resolve(request));
    }

    /**
     * A list endpoint as lazily fetched pages, each JSON item turned into a {@code T} by
     * {@code mapper} (which must not return null).
     *
     * @throws IllegalArgumentException if the request is not a GET
     */
    @Override
    public <T> Pages<T> paginate(GithubRequest request, Function<JsonNode, ? extends T> mapper) {
        return new DefaultPages<>(new DefaultPages.Fetcher() {
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
                return DefaultGithubClient.this.resolve(first);
            }
        }, request, mapper);
    }

    /**
     * The latest rate-limit counters GitHub reported for this provider's current token (from
     * any provider on the same transport), whichever resource the last response was about.
     * Empty before the first response with {@code x-ratelimit-*} headers.
     */
    @Override
    public Optional<RateLimitSnapshot> rateLimit() {
        return rateLimits.latest(currentCredential());
    }

    /** The latest rate-limit counters for one resource ({@code core}, {@code search}, {@code graphql}...). */
    @Override
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
        if (!ConfigValues.sameOrigin(settings.baseUrl(), url)) {
            throw new TransportException("GitHub returned a pagination link to " + url.getScheme() + "://"
                    + url.getRawAuthority() + ", not the API host " + settings.baseUrl().getScheme() + "://"
                    + settings.baseUrl().getRawAuthority() + "; refusing to follow it. Check base_url");
        }
        return url;
    }

    private GithubResponse send(GithubRequest request, URI uri) {
        HttpRequest http = prepare(request, uri);
        HttpResult result;
        try {
            result = transport.send(http, steps, HttpTransport.DEFAULT_MAX_BODY_BYTES);
        } catch (TransportException e) {
            throw withSettings(e, uri);
        }
        if (result.status() >= 400) {
            throw GithubErrors.toException(result, tokenSource != null || settings.token() != null);
        }
        return toResponse(result);
    }

    /**
     * The request to send. Without caller headers and application steps (which must see calls
     * before authorization), it is a {@link PreparedRequest} carrying the headers step's prepared
     * headers for the current token: nothing is validated or copied per call. Otherwise it is
     * built with the JDK's builder, and the headers step adds what is missing.
     */
    private HttpRequest prepare(GithubRequest request, URI uri) {
        Object content = request.body();
        boolean json = content != null;
        // A GET goes out without a body publisher, so without "Content-Length: 0" (as the JDK's
        // own GET() does); other methods keep it, since some servers refuse a bodiless POST without.
        Optional<HttpRequest.BodyPublisher> body = content != null
                ? Optional.of(HttpRequest.BodyPublishers.ofString(Json.write(content)))
                : "GET".equals(request.method()) ? Optional.empty() : PreparedRequest.NO_BODY;
        if (presetHeaders && request.headers().isEmpty()) {
            java.net.http.HttpHeaders prepared = headers.prepared(uri, json);
            if (prepared != null) {
                return new PreparedRequest(request.method(), uri, prepared, timeout, version, body);
            }
        }
        HttpRequest.Builder http = HttpRequest.newBuilder(uri).timeout(settings.timeout());
        version.ifPresent(http::version);
        request.headers().forEach(http::header);
        if (presetHeaders) {
            headers.preset(http, request.headers(), uri);
        }
        if (json) {
            http.header("Content-Type", "application/json");
        }
        return (body.isPresent() ? http.method(request.method(), body.get()) : http.GET()).build();
    }

    /**
     * A connection failure names the settings behind it: nothing listening at the configured host
     * and port is most often a wrong {@code base_url}, and the time it took is the retry policy's.
     */
    private TransportException withSettings(TransportException e, URI uri) {
        if (e.getClass() != TransportException.class || !causedByConnectFailure(e)) {
            return e;
        }
        String hostPort = uri.getHost() + ":" + ConfigValues.effectivePort(uri);
        boolean configuredHost = uri.getHost() != null && uri.getHost().equalsIgnoreCase(settings.baseUrl().getHost())
                && uri.getPort() == settings.baseUrl().getPort();
        return new TransportException(e.getMessage() + ". Could not connect to " + hostPort
                + (configuredHost ? ", the host and port of the GitHub base URL " + settings.baseUrl()
                + " set by base_url / " + GithubSettings.BASE_URL_ENV.get(0) + " (check it, and that the server is up)" : "")
                + "; reads are retried up to " + settings.retryPolicy().maxRetries() + " times (max_retries / "
                + GithubSettings.MAX_RETRIES_ENV.get(0) + ")", e.getCause());
    }

    private static boolean causedByConnectFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.net.ConnectException || t instanceof java.net.UnknownHostException
                    || t instanceof java.nio.channels.UnresolvedAddressException) {
                return true;
            }
        }
        return false;
    }

    private URI resolve(GithubRequest request) {
        String path = request.path();
        if (request.query().isEmpty()) {
            return uris.resolve(settings.baseUrl() + path);
        }
        String separator = path.contains("?") ? "&" : "?";
        return URI.create(settings.baseUrl() + path + separator + FormEncoding.encode(request.query()));
    }

    private static GithubResponse toResponse(HttpResult result) {
        // Without a JSON body the response holds a MissingNode, as GithubResponse documents.
        JsonNode body = MissingNode.getInstance();
        if (result.bodyLength() > 0 && looksLikeJson(result)) {
            try {
                body = ReadOnlyJson.parse(result.bodyStream());
            } catch (IOException e) {
                throw new TransportException("GitHub " + result.request().method() + " " + result.uri().getPath()
                        + " returned malformed JSON (HTTP " + result.status() + "); check base_url", e);
            }
        }
        return GithubResponse.of(result, body);
    }

    /** A JSON media type, or a body that opens like a JSON object or array. */
    private static boolean looksLikeJson(HttpResult result) {
        if (result.mediaType().contains("json")) {
            return true;
        }
        int first = result.bodyStream().read();
        return first == '{' || first == '[';
    }

    @Override
    public JsonNode graphql(String query, Map<String, ?> variables) {
        return new GithubGraphql(this).execute(query, variables);
    }

    @Override
    public String toString() {
        return "GithubClient[" + settings + "]";
    }
}
