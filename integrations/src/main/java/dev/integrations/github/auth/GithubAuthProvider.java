package dev.integrations.github.auth;

import dev.integrations.auth.AuthContext;
import dev.integrations.auth.AuthProvider;
import dev.integrations.auth.DisconnectOptions;
import dev.integrations.auth.DisconnectResult;
import dev.integrations.auth.TokenSource;
import dev.integrations.internal.oauth2.OAuth2Client;
import dev.integrations.internal.oauth2.OAuth2CodeFlow;
import dev.integrations.internal.oauth2.DeviceFlowClient;
import dev.integrations.internal.config.ConfigValues;
import dev.integrations.auth.oauth2.OAuth2Flow;
import dev.integrations.internal.oauth2.TokenCredentialsAdapter;
import dev.integrations.github.GithubClient;
import dev.integrations.internal.github.client.DefaultGithubClient;
import dev.integrations.github.GithubSettings;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * GitHub's auth provider: wires OAuth or personal access tokens into the {@link GithubClient}.
 * Obtained from {@code AuthManager.github()}.
 */
public final class GithubAuthProvider implements AuthProvider<GithubUserCredentials> {
    /** The provider name. */
    public static final String NAME = "github";
    /** The environment key that overrides the device code URL. */
    public static final String DEVICE_CODE_URL_ENV = "GITHUB_DEVICE_CODE_URL";

    private final GithubAppCredentials app;
    private final AuthContext context;
    private final GithubSettings baseSettings;
    private volatile @Nullable AppliedSettings applied;
    private final OAuth2CodeFlow<GithubUserCredentials> oauth2;
    private final GithubDeviceFlow deviceFlow;
    private final GithubTokenAdmin tokens;

    /**
     * Creates the provider.
     *
     * @param app app credentials; fields not given explicitly are taken from the context's environment
     * @param context the manager's shared transport, clock, environment and state store
     */
    public GithubAuthProvider(GithubAppCredentials app, AuthContext context) {
        this(app, context, Map.of());
    }

    /**
     * Creates the provider with application-wide settings (those an {@code AuthManager} is given
     * with {@code sessionSettings("github", ...)}), so that the app's own calls to the API
     * ({@link #tokens()}, and so {@code disconnect}) go to the same API host, with the same
     * timeout and user agent, as its sessions.
     *
     * @param app app credentials; fields not given explicitly are taken from the context's environment
     * @param context the manager's shared transport, clock, environment and state store
     * @param applicationSettings settings in {@link GithubSettings}' keys ({@code base_url},
     *     {@code timeout}...), applied over the environment's; a {@code token} among them is ignored
     * @throws dev.integrations.core.ConfigurationException when a setting is invalid
     */
    public GithubAuthProvider(GithubAppCredentials app, AuthContext context, Map<String, ?> applicationSettings) {
        this.context = Objects.requireNonNull(context, "context");
        this.app = app.withEnvironment(context.environment());
        Map<String, Object> shared = new LinkedHashMap<>(applicationSettings);
        shared.remove("token");
        GithubSettings fromEnvironment = GithubSettings.fromEnvironment(context.environment());
        this.baseSettings = (shared.isEmpty() ? fromEnvironment : fromEnvironment.withChanges(shared)).withToken(null, null);
        OAuth2Client client = new OAuth2Client(NAME, "GitHub", this.app.clientId(), this.app.clientSecret(),
                this.app.authorizationUrl(), this.app.tokenUrl(), this.app.redirectUri(), this.app.defaultScope(),
                baseSettings.userAgent(), false, GithubOAuthErrors::advice, "GITHUB_CLIENT_ID",
                baseSettings.timeout());
        this.oauth2 = new OAuth2CodeFlow<>(client, new Adapter(), context);
        this.deviceFlow = new GithubDeviceFlow(new DeviceFlowClient<>(client, deviceCodeUrl(this.app, context), new Adapter(),
                context));
        this.tokens = new GithubTokenAdmin(this.app, baseSettings, context);
    }

    /** {@code GITHUB_DEVICE_CODE_URL} when set, else derived from the authorization URL. */
    private static java.net.URI deviceCodeUrl(GithubAppCredentials app, AuthContext context) {
        String configured = context.environment().get(DEVICE_CODE_URL_ENV);
        if (configured != null && !configured.isBlank()) {
            return Objects.requireNonNull(ConfigValues.endpointUri(configured, "GitHub device code URL (from "
                    + DEVICE_CODE_URL_ENV + ")"));
        }
        return GithubDeviceFlow.deriveDeviceCodeUrl(app.authorizationUrl());
    }

    @Override
    public String name() {
        return NAME;
    }

    /**
     * The resolved app credentials (explicit values, then environment, then defaults).
     *
     * @return the credentials this provider uses
     */
    public GithubAppCredentials appCredentials() {
        return app;
    }

    @Override
    public Class<GithubUserCredentials> credentialsType() {
        return GithubUserCredentials.class;
    }

    @Override
    public GithubUserCredentials credentialsFromMap(Map<String, ?> data) {
        return GithubUserCredentials.fromMap(data);
    }

    @Override
    public OAuth2Flow<GithubUserCredentials> oauth2() {
        return oauth2;
    }

    /**
     * GitHub's device flow for this app: codes the user enters at {@code github.com/login/device},
     * for applications without a browser callback.
     *
     * @return the device flow; needs the client id only
     */
    public GithubDeviceFlow deviceFlow() {
        return deviceFlow;
    }

    /**
     * The app's token endpoints at GitHub: check, reset and delete a user's token, or delete the
     * user's whole grant. They authenticate with the client id and secret.
     *
     * @return the token administration of this app
     */
    public GithubTokenAdmin tokens() {
        return tokens;
    }

    /**
     * Revokes at GitHub for {@code AuthManager.disconnect}: the user's whole grant (or only the
     * token, with {@link DisconnectOptions#tokenOnly()}). A personal access token
     * ({@code ghp_}, {@code github_pat_}) belongs to the user, not to the app, so it is reported
     * as not revocable.
     *
     * @throws dev.integrations.core.IntegrationsException when GitHub cannot be asked or fails
     */
    @Override
    public DisconnectResult revoke(GithubUserCredentials credentials, DisconnectOptions options) {
        String token = credentials.accessToken();
        if (token == null) {
            return DisconnectResult.of(DisconnectResult.Outcome.NOT_REVOCABLE, false,
                    "No access token is stored, so there is nothing to revoke at GitHub");
        }
        if (token.startsWith("ghp_") || token.startsWith("github_pat_")) {
            return DisconnectResult.of(DisconnectResult.Outcome.NOT_REVOCABLE, false, "A personal access token cannot be"
                    + " revoked by the app; the user deletes it at https://github.com/settings/tokens");
        }
        boolean revoked = options.revokesGrant() ? tokens.deleteGrant(token) : tokens.deleteToken(token);
        String what = options.revokesGrant() ? "the user's grant for app " + app.clientId() : "the stored token";
        return revoked
                ? DisconnectResult.of(DisconnectResult.Outcome.REVOKED, false, "GitHub revoked " + what)
                : DisconnectResult.of(DisconnectResult.Outcome.ALREADY_INVALID, false,
                        "GitHub no longer knew the stored token (already revoked or expired)");
    }

    /** Treats every setting in {@code overrides} as the application's own (see the five-argument form). */
    @Override
    public GithubClient bind(@Nullable GithubUserCredentials credentials, @Nullable String subject,
                             Map<String, ?> overrides, @Nullable TokenSource tokenSource) {
        return bind(credentials, subject, overrides, Map.of(), tokenSource);
    }

    /**
     * Binds the session's token to the API host the application configured (the environment's
     * {@code GITHUB_BASE_URL}, then {@code applicationSettings}); a {@code base_url} in
     * {@code sessionOverrides} without a new {@code token} keeps that binding, so requests to
     * another host are refused unless it is in {@code trusted_hosts} (see {@link GithubSettings}).
     */
    @Override
    public GithubClient bind(@Nullable GithubUserCredentials credentials, @Nullable String subject,
                             Map<String, ?> applicationSettings, Map<String, ?> sessionOverrides,
                             @Nullable TokenSource tokenSource) {
        boolean userToken = credentials != null && credentials.accessToken() != null;
        if (sessionOverrides.isEmpty() && !applicationSettings.containsKey("token")) {
            // The usual session: the manager's settings (often none) over the environment's, and nothing else.
            return DefaultGithubClient.create(GithubBinding.bind(app, credentials, applied(applicationSettings), subject),
                    context.transport(), userToken ? tokenSource : null);
        }
        Map<String, Object> application = new LinkedHashMap<>(applicationSettings);
        // An application-wide token still replaces the user's, as before, so it is applied after binding.
        Map<String, Object> later = new LinkedHashMap<>();
        if (application.containsKey("token")) {
            later.put("token", application.remove("token"));
        }
        later.putAll(sessionOverrides);
        GithubSettings start = application.isEmpty() ? baseSettings : baseSettings.withChanges(application);
        GithubSettings settings = GithubBinding.bind(app, credentials, start, subject);
        if (!later.isEmpty()) {
            settings = settings.withChanges(later);
        }
        return DefaultGithubClient.create(settings, context.transport(),
                userToken && !later.containsKey("token") ? tokenSource : null);
    }

    /**
     * The base settings with the manager's session settings applied. The manager passes the same
     * settings to every session, so the result is kept for the last settings seen: parsing and
     * checking every setting again cost more than the rest of a session open.
     */
    private GithubSettings applied(Map<String, ?> applicationSettings) {
        if (applicationSettings.isEmpty()) {
            return baseSettings;
        }
        AppliedSettings last = applied;
        if (last != null && last.source().equals(applicationSettings)) {
            return last.settings();
        }
        GithubSettings settings = baseSettings.withChanges(applicationSettings);
        // A copy, so that a caller's map changed later cannot pass for the one these settings came from.
        applied = new AppliedSettings(new java.util.HashMap<>(applicationSettings), settings);
        return settings;
    }

    /** Settings made from one map of application settings. */
    private record AppliedSettings(Map<String, ?> source, GithubSettings settings) {
        @Override
        public String toString() {
            return "AppliedSettings[" + settings + "]";
        }
    }

    @Override
    public String toString() {
        return "GithubAuthProvider[" + app + "]";
    }

    private static final class Adapter implements TokenCredentialsAdapter<GithubUserCredentials> {
        @Override
        public GithubUserCredentials fromTokenResponse(Map<String, Object> response, Instant requestedAt) {
            return GithubUserCredentials.fromTokenResponse(response, requestedAt);
        }

        @Override
        public Optional<String> refreshToken(GithubUserCredentials credentials) {
            return Optional.ofNullable(credentials.refreshToken());
        }

        @Override
        public GithubUserCredentials withRefreshToken(GithubUserCredentials refreshed, String refreshToken) {
            return refreshed.toBuilder().refreshToken(refreshToken).build();
        }
    }
}
