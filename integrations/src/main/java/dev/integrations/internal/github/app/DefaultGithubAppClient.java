package dev.integrations.internal.github.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.integrations.auth.TokenSource;
import dev.integrations.github.GithubClient;
import dev.integrations.github.GithubRequest;
import dev.integrations.github.GithubSettings;
import dev.integrations.github.app.GithubAppAuthenticationException;
import dev.integrations.github.app.GithubAppClient;
import dev.integrations.github.app.GithubAppInfo;
import dev.integrations.github.app.GithubAppPrivateKey;
import dev.integrations.github.app.GithubAppSettings;
import dev.integrations.github.app.Installation;
import dev.integrations.github.app.InstallationNotFoundException;
import dev.integrations.github.app.InstallationToken;
import dev.integrations.github.app.InstallationTokenRequest;
import dev.integrations.http.HttpTransport;
import dev.integrations.http.NotFoundException;
import dev.integrations.http.UnauthorizedException;
import dev.integrations.internal.github.client.DefaultGithubClient;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The app client: app-level calls with the JWT from {@link AppJwt}, installation tokens through
 * {@link InstallationTokenCache}, and GitHub clients that act as an installation.
 */
public final class DefaultGithubAppClient implements GithubAppClient {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultGithubAppClient.class);

    private final GithubAppSettings app;
    private final GithubSettings settings;
    private final HttpTransport transport;
    private final AppJwt jwt;
    private final GithubClient client;
    private final InstallationTokenCache tokens;

    /**
     * @param app complete app settings (issuer and key)
     * @param settings the GitHub settings to call with (base URL, timeouts, ...); their token is ignored
     */
    public DefaultGithubAppClient(GithubAppSettings app, GithubSettings settings, HttpTransport transport, Clock clock) {
        this.app = app.requireComplete();
        this.settings = settings.withToken(null, null);
        this.transport = transport;
        this.jwt = new AppJwt(Objects.requireNonNull(app.issuer()), Objects.requireNonNull(app.privateKey()), clock);
        // GitHub accepts a JWT only with the Bearer scheme, whatever GITHUB_TOKEN_TYPE says.
        this.client = DefaultGithubClient.create(settings.withToken(null, GithubSettings.DEFAULT_AUTHORIZATION_SCHEME),
                transport, new JwtSource());
        this.tokens = new InstallationTokenCache(this::createInstallationToken, clock, app.tokenRefreshMargin());
    }

    @Override
    public GithubAppInfo getApp() {
        JsonNode json = call("GET /app", null, () -> client.rawRequest("GET", "/app").body());
        JsonNode owner = json.path("owner");
        return new GithubAppInfo(json.path("id").asLong(), json.path("slug").asText(""), json.path("name").asText(""),
                text(json, "client_id"), owner.isObject() ? text(owner, "login") : null);
    }

    @Override
    public List<Installation> listInstallations() {
        return call("GET /app/installations", null,
                () -> client.rawPages("/app/installations").stream().map(DefaultGithubAppClient::installation).toList());
    }

    @Override
    public Installation getInstallation(long installationId) {
        return installation(call("GET /app/installations/" + installationId,
                "GitHub App " + app.issuer() + " has no installation " + installationId
                        + " (it was removed, or belongs to another app); list them with githubApp().listInstallations()",
                () -> client.rawRequest("GET", "/app/installations/" + installationId).body()));
    }

    @Override
    public Installation getRepositoryInstallation(String owner, String repo) {
        String path = "/repos/" + segment(owner) + "/" + segment(repo) + "/installation";
        return installation(call("GET " + path, "GitHub App " + app.issuer() + " is not installed on the repository "
                + owner + "/" + repo + " (or the repository does not exist): install the app there, or add the"
                + " repository to its installation", () -> client.rawRequest("GET", path).body()));
    }

    @Override
    public Installation getOrganizationInstallation(String org) {
        String path = "/orgs/" + segment(org) + "/installation";
        return installation(call("GET " + path, "GitHub App " + app.issuer() + " is not installed on the organization "
                + org + ": install it there first", () -> client.rawRequest("GET", path).body()));
    }

    @Override
    public Installation getUserInstallation(String username) {
        String path = "/users/" + segment(username) + "/installation";
        return installation(call("GET " + path, "GitHub App " + app.issuer() + " is not installed on the account "
                + username + ": install it there first", () -> client.rawRequest("GET", path).body()));
    }

    /** The installation on an organization or, failing that, a user account of that login. */
    public Installation getOwnerInstallation(String login) {
        try {
            return getOrganizationInstallation(login);
        } catch (InstallationNotFoundException e) {
            try {
                return getUserInstallation(login);
            } catch (InstallationNotFoundException again) {
                throw new InstallationNotFoundException("GitHub App " + app.issuer() + " is not installed on the account "
                        + login + " (organization or user): install it there first");
            }
        }
    }

    @Override
    public InstallationToken createInstallationToken(InstallationTokenRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (!request.repositories().isEmpty()) {
            body.put("repositories", request.repositories());
        }
        if (!request.repositoryIds().isEmpty()) {
            body.put("repository_ids", request.repositoryIds());
        }
        if (!request.permissions().isEmpty()) {
            body.put("permissions", request.permissions());
        }
        String path = "/app/installations/" + request.installationId() + "/access_tokens";
        JsonNode json = call("POST " + path, "GitHub App " + app.issuer() + " has no installation "
                + request.installationId() + " (it was removed, or belongs to another app)",
                () -> client.rawRequest(GithubRequest.builder().method("POST").path(path).body(body).build()).body());
        String token = text(json, "token");
        String expiresAt = text(json, "expires_at");
        if (token == null || expiresAt == null) {
            throw new dev.integrations.core.IntegrationsException("GitHub's answer to " + "POST " + path
                    + " has no token or expires_at; check that base_url points at GitHub's REST API");
        }
        List<String> repositories = new ArrayList<>();
        for (JsonNode r : json.path("repositories")) {
            repositories.add(r.path("full_name").asText(r.path("name").asText("")));
        }
        InstallationToken created = new InstallationToken(token, Instant.parse(expiresAt), strings(json.path("permissions")),
                json.path("repository_selection").asText("all"), repositories);
        LOG.debug("Created an installation token for installation {}: {}", request.installationId(), created);
        return created;
    }

    @Override
    public GithubClient client() {
        return client;
    }

    /** A GitHub client acting as the installation: its token comes from the cache and is renewed ahead of expiry. */
    public GithubClient installationClient(InstallationTokenRequest request) {
        return DefaultGithubClient.create(settings, transport, new InstallationTokenSource(request));
    }

    /** The cache behind {@link #installationClient} (tests and diagnostics). */
    public InstallationTokenCache tokens() {
        return tokens;
    }

    @Override
    public String toString() {
        return "GithubAppClient[" + app + ", baseUrl=" + settings.baseUrl() + "]";
    }

    private <T> T call(String what, @Nullable String notFound, Supplier<T> call) {
        try {
            return call.get();
        } catch (UnauthorizedException e) {
            throw new GithubAppAuthenticationException(rejected(what, e.apiMessage().orElse("Bad credentials")));
        } catch (NotFoundException e) {
            if (notFound != null) {
                throw new InstallationNotFoundException(notFound + " (" + what + " answered 404)");
            }
            throw e;
        }
    }

    private String rejected(String what, String message) {
        String advice;
        if (message.contains("'Expiration time'") || message.contains("'Issued at'")) {
            advice = "the JWT's iat/exp fell outside GitHub's window, so this machine's clock is probably more than a minute"
                    + " off: synchronise it (NTP)";
        } else {
            GithubAppPrivateKey key = Objects.requireNonNull(app.privateKey());
            advice = "check that " + (app.clientId() != null ? "GITHUB_APP_CLIENT_ID (" + app.clientId() + ")"
                    : "GITHUB_APP_ID (" + app.appId() + ")") + " names the app whose private key is configured: the key's"
                    + " public fingerprint is " + key.publicKeyFingerprint() + ", compare it with the keys on the app's"
                    + " settings page";
        }
        return "GitHub refused the JWT of GitHub App " + app.issuer() + " on " + what + " (401: " + message + "); " + advice;
    }

    static Installation installation(JsonNode json) {
        JsonNode account = json.path("account");
        return new Installation(json.path("id").asLong(), json.path("app_id").asLong(), account.path("login").asText(""),
                account.path("id").asLong(), json.path("target_type").asText(account.path("type").asText("User")),
                json.path("repository_selection").asText("all"), strings(json.path("permissions")));
    }

    private static Map<String, String> strings(JsonNode object) {
        Map<String, String> map = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
        return map;
    }

    private static @Nullable String text(JsonNode json, String field) {
        JsonNode value = json.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    private static String segment(String value) {
        if (value.isBlank()) {
            throw new IllegalArgumentException("owner, repository and login must not be blank");
        }
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The app's JWT as a session token; a refused JWT is not retried (the exception explains it). */
    private final class JwtSource implements TokenSource {
        @Override
        public String currentToken() {
            return jwt.current();
        }

        @Override
        public @Nullable String refreshAfterUnauthorized(String rejectedToken) {
            return null;
        }
    }

    /**
     * An installation's token for one session's client: looked up on every request (so a renewed
     * token replaces the old one, and an expired one is never sent); after a 401 (token revoked)
     * it is dropped and the request retried once with a new one.
     */
    private final class InstallationTokenSource implements TokenSource {
        private final InstallationTokenRequest request;

        InstallationTokenSource(InstallationTokenRequest request) {
            this.request = request;
        }

        @Override
        public String currentToken() {
            return tokens.get(request).token();
        }

        @Override
        public @Nullable String refreshAfterUnauthorized(String rejectedToken) {
            tokens.invalidate(request, rejectedToken);
            return tokens.get(request).token();
        }

        @Override
        public String toString() {
            return "InstallationTokenSource[installation=" + request.installationId() + "]";
        }
    }
}
