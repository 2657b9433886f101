package dev.integrations.github.auth;

import dev.integrations.auth.AuthContext;
import dev.integrations.auth.AuthProvider;
import dev.integrations.auth.TokenSource;
import dev.integrations.auth.oauth2.OAuth2Client;
import dev.integrations.auth.oauth2.OAuth2CodeFlow;
import dev.integrations.auth.oauth2.OAuth2Flow;
import dev.integrations.auth.oauth2.TokenCredentialsAdapter;
import dev.integrations.github.GithubProvider;
import dev.integrations.github.GithubSettings;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * GitHub's auth provider: wires OAuth or personal access tokens into the {@link GithubProvider}.
 * Obtained from {@code AuthManager.github()}.
 */
public final class GithubAuthProvider implements AuthProvider<GithubUserCredentials> {
    /** The provider name. */
    public static final String NAME = "github";

    private final GithubAppCredentials app;
    private final AuthContext context;
    private final GithubSettings baseSettings;
    private final OAuth2CodeFlow<GithubUserCredentials> oauth2;

    /**
     * Creates the provider.
     *
     * @param app app credentials; fields not given explicitly are taken from the context's environment
     * @param context the manager's shared transport, clock, environment and state store
     */
    public GithubAuthProvider(GithubAppCredentials app, AuthContext context) {
        this.context = Objects.requireNonNull(context, "context");
        this.app = app.withEnvironment(context.environment());
        this.baseSettings = GithubSettings.fromEnvironment(context.environment()).withToken(null, null);
        OAuth2Client client = new OAuth2Client(NAME, "GitHub", this.app.clientId(), this.app.clientSecret(),
                this.app.authorizationUrl(), this.app.tokenUrl(), this.app.redirectUri(), this.app.defaultScope(),
                baseSettings.userAgent(), false, GithubOAuthErrors::advice, "GITHUB_CLIENT_ID",
                baseSettings.timeout());
        this.oauth2 = new OAuth2CodeFlow<>(client, new Adapter(), context);
    }

    @Override
    public String name() {
        return NAME;
    }

    /** The resolved app credentials (explicit values, then environment, then defaults). */
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

    @Override
    public GithubProvider bind(GithubUserCredentials credentials, String subject, Map<String, ?> overrides,
                               TokenSource tokenSource) {
        GithubSettings settings = GithubBinding.bind(app, credentials, baseSettings, subject);
        boolean tokenOverridden = overrides.containsKey("token");
        if (!overrides.isEmpty()) {
            settings = settings.withChanges(overrides);
        }
        boolean userToken = credentials != null && credentials.accessToken() != null;
        return GithubProvider.create(settings, context.transport(), userToken && !tokenOverridden ? tokenSource : null);
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
