package dev.integrations.auth;


import dev.integrations.core.ApiClient;
import dev.integrations.auth.oauth2.OAuth2Flow;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The auth side of one service: its app credentials, its flows, how its user credentials are
 * read back from storage, and its binding, which turns credentials into a ready API provider
 * for a session.
 *
 * @param <C> the user-credentials type
 */
public interface AuthProvider<C extends UserCredentials> {
    /**
     * The provider's name.
     *
     * @return the name, lower case, e.g. {@code "github"}
     */
    String name();

    /**
     * The user-credentials class.
     *
     * @return the class of {@code C}, for checked casts
     */
    Class<C> credentialsType();

    /**
     * Reads credentials from their map form (as stored), validating types.
     *
     * @param data the map as written by {@link UserCredentials#toMap()}
     * @return the credentials
     * @throws InvalidCredentialsException when a value has the wrong type or range
     */
    C credentialsFromMap(Map<String, ?> data);

    /**
     * The OAuth 2.0 web flow.
     *
     * @return the flow that starts authorizations and exchanges codes for this provider
     */
    OAuth2Flow<C> oauth2();

    /**
     * Builds the API provider for a session: the binding chooses the token (the user's first,
     * then an app-level token where the provider lets it serve this session), then
     * {@code overrides} are merged into its settings. Also called again with other settings
     * for {@code replace(...)} overrides inside the session.
     *
     * @param credentials the user's credentials, or null when the session has none
     * @param subject the canonical subject, for error messages; may be null
     * @param overrides settings to merge on top, snake_case keys; may be empty
     * @param tokenSource where to get the user's token as it changes (refresh after a 401), or null
     *     to use {@code credentials}' token as is
     * @return the API client bound to the chosen token
     * @throws MissingCredentialsException when there is no token to use, saying what to configure
     */
    ApiClient bind(@Nullable C credentials, @Nullable String subject, Map<String, ?> overrides,
                   @Nullable TokenSource tokenSource);

    /**
     * Builds the API provider for a session, telling apart the settings the application gave for
     * every session ({@code AuthManager.Builder.sessionSettings}) from this session's overrides.
     * A provider that binds credentials to the host that issued them treats the former as the
     * application's own configuration and the latter as a change to check. By default both are
     * merged (overrides on top) and passed to {@link #bind(UserCredentials, String, Map, TokenSource)}.
     *
     * @param credentials the user's credentials, or null when the session has none
     * @param subject the canonical subject, for error messages; may be null
     * @param applicationSettings settings every session starts from, snake_case keys; may be empty
     * @param sessionOverrides this session's settings overrides, snake_case keys; may be empty
     * @param tokenSource where to get the user's token as it changes, or null
     * @return the API client bound to the chosen token
     * @throws MissingCredentialsException when there is no token to use, saying what to configure
     */
    default ApiClient bind(@Nullable C credentials, @Nullable String subject, Map<String, ?> applicationSettings,
                          Map<String, ?> sessionOverrides, @Nullable TokenSource tokenSource) {
        Map<String, Object> merged = new java.util.LinkedHashMap<>(applicationSettings);
        merged.putAll(sessionOverrides);
        return bind(credentials, subject, merged, tokenSource);
    }

    /**
     * Revokes the app's access for these credentials at the provider, for
     * {@code AuthManager.disconnect}. By default the provider cannot revoke.
     *
     * @param credentials the stored credentials
     * @param options whether to revoke the whole grant or only the token
     * @return what happened at the provider ({@code deletedLocally} is set by the caller)
     * @throws dev.integrations.core.IntegrationsException when revocation failed and may succeed
     *     later (the caller then keeps the stored credentials)
     */
    default DisconnectResult revoke(C credentials, DisconnectOptions options) {
        return DisconnectResult.of(DisconnectResult.Outcome.NOT_REVOCABLE, false,
                "The " + name() + " provider cannot revoke credentials; the user revokes them at the provider");
    }
}
