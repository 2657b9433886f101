package dev.integrations.github;

import com.fasterxml.jackson.databind.JsonNode;
import dev.integrations.Provider;
import dev.integrations.ProviderKey;
import dev.integrations.auth.TokenSource;
import dev.integrations.auth.oauth2.FormEncoding;
import dev.integrations.github.model.GithubUser;
import dev.integrations.http.HttpResult;
import dev.integrations.http.HttpStep;
import dev.integrations.http.HttpTransport;
import dev.integrations.http.TransportException;
import dev.integrations.json.Json;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * The GitHub REST API client: one instance per set of {@link GithubSettings}, immutable and
 * thread-safe, sharing its {@link HttpTransport} with every other provider of the same
 * {@code AuthManager}.
 *
 * <p>Each request passes through a short chain of {@link HttpStep}s (today: the GitHub headers,
 * see {@link GithubHeadersStep}) and error statuses become typed
 * {@link dev.integrations.http.ApiException}s carrying GitHub's message, documentation link and
 * request id.
 */
public final class GithubProvider implements Provider {
    /** The key to look this provider up in an {@link dev.integrations.Integrations}. */
    public static final ProviderKey<GithubProvider> KEY = ProviderKey.of("github", GithubProvider.class);

    private final GithubSettings settings;
    private final HttpTransport transport;
    private final TokenSource tokenSource;
    private final List<HttpStep> steps;

    private GithubProvider(GithubSettings settings, HttpTransport transport, TokenSource tokenSource) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.transport = Objects.requireNonNull(transport, "transport");
        this.tokenSource = tokenSource;
        if (tokenSource == null) {
            this.steps = List.of(new GithubHeadersStep(settings, settings::token));
        } else {
            this.steps = List.of(new RefreshOnUnauthorizedStep(tokenSource),
                    new GithubHeadersStep(settings, tokenSource::currentToken));
        }
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
        return GithubUser.fromJson(rawRequest("GET", "/user").body());
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
        HttpRequest.Builder http = HttpRequest.newBuilder(resolve(request)).timeout(settings.timeout());
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
                body = Json.parse(result.body());
            } catch (IOException e) {
                throw new TransportException("GitHub " + result.request().method() + " " + result.uri().getPath()
                        + " returned malformed JSON (HTTP " + result.status() + "); check base_url", e);
            }
        }
        return new GithubResponse(result.status(), headers, body, text);
    }

    @Override
    public String toString() {
        return "GithubProvider[" + settings + "]";
    }
}
