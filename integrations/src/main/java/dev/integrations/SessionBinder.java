package dev.integrations;

import dev.integrations.auth.AuthProvider;
import dev.integrations.auth.InvalidCredentialsException;
import dev.integrations.auth.MissingCredentialsException;
import dev.integrations.auth.ReauthorizationRequiredException;
import dev.integrations.auth.RefreshNotStoredException;
import dev.integrations.auth.SessionOptions;
import dev.integrations.auth.TokenSource;
import dev.integrations.auth.UnknownProviderException;
import dev.integrations.auth.UserCredentials;

import dev.integrations.core.ApiClient;
import dev.integrations.core.ClientKey;
import dev.integrations.core.IntegrationsException;
import dev.integrations.spi.ClientContext;
import dev.integrations.core.ConfigurationException;
import dev.integrations.Integrations;
import dev.integrations.auth.store.CredentialStatus;
import dev.integrations.auth.store.CredentialStore;
import dev.integrations.auth.store.StoredCredentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

import static dev.integrations.CredentialOperations.fromStored;
import static dev.integrations.CredentialOperations.toCredentials;

/**
 * Opens sessions for {@link AuthManager#session(SessionOptions)}: resolves each auth provider's
 * credentials (given, or stored and refreshed when due), binds them to an API client and collects
 * the clients in an {@link Integrations} container. No network I/O except the refresh of due
 * credentials, and no lock is held across it.
 */
final class SessionBinder {
    private static final Logger LOG = LoggerFactory.getLogger(AuthManager.class);

    private final Map<String, AuthProvider<?>> providers;
    private final Map<String, Map<String, Object>> sessionSettings;
    private final CredentialStore credentialStore;
    private final CredentialRefresher refresher;
    private final boolean autoRefresh;
    private final ClientContext clientContext;
    /** The configured providers' names, for sessions that use them all (the usual case): no iterator per session. */
    private final String[] allNames;

    SessionBinder(Map<String, AuthProvider<?>> providers, Map<String, Map<String, Object>> sessionSettings,
                  CredentialStore credentialStore, CredentialRefresher refresher, boolean autoRefresh,
                  ClientContext clientContext) {
        this.providers = providers;
        this.sessionSettings = sessionSettings;
        this.credentialStore = credentialStore;
        this.refresher = refresher;
        this.autoRefresh = autoRefresh;
        this.clientContext = clientContext;
        this.allNames = providers.keySet().toArray(new String[0]);
    }

    /** See {@link AuthManager#session(SessionOptions)}. */
    Integrations open(SessionOptions options) {
        boolean explicit = !options.providers().isEmpty();
        // Without a selection, every configured provider: their names are the map's (normalised) keys.
        Set<String> names = explicit ? options.providers() : providers.keySet();
        if (explicit) {
            for (String name : names) {
                provider(name);
            }
        }
        if (!options.credentials().isEmpty()) {
            for (String name : options.credentials().keySet()) {
                if (!names.contains(name)) {
                    throw new ConfigurationException("withCredentials names provider '" + name + "' which is not in this"
                            + " session " + names);
                }
            }
        }
        if (!options.overrides().isEmpty()) {
            for (String name : options.overrides().keySet()) {
                if (!names.contains(name)) {
                    throw new ConfigurationException("override names provider '" + name + "' which is not in this session "
                            + names);
                }
            }
        }
        // What an Integrations.Builder would collect, without its five hash maps: a session usually
        // binds one provider, and its container then holds one-entry maps.
        if (!explicit && allNames.length == 1) {
            Bound only = bind(allNames[0], options, false);
            return Integrations.ofSession(clientContext,
                    only.client == null ? Map.of() : Map.of(only.client.name(), only.client),
                    only.unavailable == null ? Map.of() : Map.of(only.key, only.unavailable),
                    only.rebinder == null ? Map.of() : Map.of(only.key, only.rebinder));
        }
        Map<String, ApiClient> clients = new LinkedHashMap<>();
        Map<String, Supplier<? extends IntegrationsException>> unavailable = new LinkedHashMap<>();
        Map<String, Function<Map<String, ?>, ? extends ApiClient>> rebinders = new LinkedHashMap<>();
        for (String name : names) {
            // In the order Integrations.Builder's rebinder(...), client(...) and unavailable(...) were called.
            Bound bound = bind(name, options, explicit);
            if (bound.rebinder != null) {
                rebinders.put(bound.key, bound.rebinder);
            }
            if (bound.client != null) {
                clients.put(bound.client.name(), bound.client);
                unavailable.remove(bound.client.name());
            }
            if (bound.unavailable != null) {
                unavailable.put(bound.key, bound.unavailable);
            }
        }
        return Integrations.ofSession(clientContext, Collections.unmodifiableMap(clients), Map.copyOf(unavailable),
                Map.copyOf(rebinders));
    }

    /** One provider's part of a session: its client, or why there is none, and how to rebind it. */
    private static final class Bound {
        final String key;
        @Nullable ApiClient client;
        @Nullable Supplier<? extends IntegrationsException> unavailable;
        @Nullable Function<Map<String, ?>, ? extends ApiClient> rebinder;

        Bound(String key) {
            this.key = key;
        }
    }

    private Bound bind(String name, SessionOptions options, boolean explicit) {
        AuthProvider<?> auth = provider(name);
        Bound bound = new Bound(explicit ? ClientKey.normalizeName(name) : name);
        try {
            // replace(name, settings) inside the session rebinds with the session's credentials
            // rather than building a provider from the environment, whose token is the operator's.
            SessionBinding<?> binding = resolve(auth, options, sessionSettings.getOrDefault(name, Map.of()));
            bound.rebinder = binding;
            bound.client = binding.apply(options.overrides().get(name));
        } catch (MissingCredentialsException e) {
            if (explicit) {
                throw e;
            }
            String message = Objects.requireNonNullElse(e.getMessage(), "No " + name + " credentials");
            bound.unavailable = () -> new MissingCredentialsException(name, message);
        } catch (ReauthorizationRequiredException e) {
            if (explicit) {
                throw e;
            }
            Supplier<ReauthorizationRequiredException> again = () -> new ReauthorizationRequiredException(
                    e.provider(), e.subject(), e.error(),
                    Objects.requireNonNullElse(e.getMessage(), "The user must connect " + name + " again"));
            bound.unavailable = again;
            bound.rebinder = settings -> {
                throw again.get();
            };
        }
        return bound;
    }

    private AuthProvider<?> provider(String name) {
        AuthProvider<?> provider = providers.get(dev.integrations.core.ClientKey.normalizeName(name));
        if (provider == null) {
            throw new UnknownProviderException(dev.integrations.core.ClientKey.normalizeName(name), providers.keySet());
        }
        return provider;
    }


    /**
     * A provider's resolved credentials in one session, and how to bind them to settings: at
     * session open, and again for {@code replace(...)} overrides inside the session (so it is the
     * session's rebinder itself, with no lambda around it).
     */
    private record SessionBinding<C extends UserCredentials>(AuthProvider<C> auth, @Nullable C credentials,
                                                             @Nullable String subject,
                                                             @Nullable TokenSource tokenSource,
                                                             Map<String, Object> applicationSettings)
            implements Function<Map<String, ?>, ApiClient> {
        /**
         * Application settings and session overrides are kept apart so a provider can bind the
         * credentials to the application's host and check what the session overrides.
         */
        @Override
        public ApiClient apply(@Nullable Map<String, ?> overrides) {
            return auth.bind(credentials, subject, applicationSettings, overrides == null ? Map.of() : overrides,
                    tokenSource);
        }
    }

    private <C extends UserCredentials> SessionBinding<C> resolve(AuthProvider<C> auth, SessionOptions options,
                                                                  Map<String, Object> applicationSettings) {
        C credentials = null;
        TokenSource tokenSource = null;
        Object given = options.credentials().get(auth.name());
        if (given != null) {
            credentials = auth.credentialsType().cast(toCredentials(auth, given));
            if (credentials.accessToken() == null) {
                // Without this, a map missing access_token silently made the session fall back to
                // the app-wide token, acting as the operator instead of the user.
                throw new InvalidCredentialsException("The " + auth.name() + " credentials passed with withCredentials have"
                        + " no access_token; pass the user's token, or leave withCredentials out to use stored credentials");
            }
        } else if (options.autoLoadCredentials() && options.subject() != null) {
            Optional<StoredCredentials> row = credentialStore.get(auth.name(), options.subject());
            if (row.isPresent()) {
                if (row.get().status() == CredentialStatus.NEEDS_REAUTHORIZATION) {
                    throw new ReauthorizationRequiredException(auth.name(), options.subject(), "needs_reauthorization",
                            "The " + auth.name() + " credentials of subject '" + options.subject() + "' need"
                                    + " reauthorization: the user must connect again.");
                }
                credentials = auth.credentialsType().cast(fromStored(auth, row.get()));
                if (credentials.accessToken() == null) {
                    throw new InvalidCredentialsException("Stored " + auth.name() + " credentials for subject '"
                            + options.subject() + "' have no access_token; store new ones or delete the row");
                }
                if (autoRefresh && refresher.isDue(credentials)) {
                    credentials = refreshOrKeep(auth, row.get(), credentials, options.subject());
                }
                if (autoRefresh && credentials.expiresAt() != null) {
                    tokenSource = new StoredTokenSource<>(auth, credentials, options.subject());
                }
            }
        }
        return new SessionBinding<>(auth, credentials, options.subject(), tokenSource, applicationSettings);
    }

    /**
     * Refreshes due credentials at session open. When the refresh fails for a reason other than a
     * refused refresh token or a rotated token set that could not be stored (the authorization
     * server is down or slow, another instance holds the lease too long, ...) and the
     * stored access token has not actually expired, the session opens with it: the failure is
     * logged and was reported as a REFRESH_FAILED event, and the next session open (or a 401)
     * refreshes again. Only an expired token makes the failure propagate.
     */
    private <C extends UserCredentials> C refreshOrKeep(AuthProvider<C> auth, StoredCredentials row, C credentials,
                                                        String subject) {
        try {
            return refresher.refresh(auth, row, false);
        } catch (ReauthorizationRequiredException | MissingCredentialsException | RefreshNotStoredException e) {
            // Not stored means GitHub has rotated: the stored token set is likely dead already.
            throw e;
        } catch (dev.integrations.core.IntegrationsException e) {
            if (refresher.isExpired(credentials)) {
                throw e;
            }
            LOG.warn("Refreshing {} credentials for subject {} failed ({}); using the stored access token, valid until {},"
                    + " and refreshing again on the next session or on a 401", auth.name(), subject,
                    e.getClass().getSimpleName(), credentials.expiresAt());
            return credentials;
        }
    }

    /**
     * A session's view of stored, expiring credentials: after a 401 it refreshes through the
     * coordinated path (or picks up what another instance stored) and serves the new token.
     */
    private final class StoredTokenSource<C extends UserCredentials> implements TokenSource {
        private final AuthProvider<C> auth;
        private final String subject;
        private volatile C credentials;

        StoredTokenSource(AuthProvider<C> auth, C credentials, String subject) {
            this.auth = auth;
            this.credentials = credentials;
            this.subject = subject;
        }

        @Override
        public String currentToken() {
            // Never throws: resolve() refuses stored credentials without an access token, and a
            // token response without one fails the refresh as invalid_response.
            return Objects.requireNonNull(credentials.accessToken(), "access token");
        }

        @Override
        public @Nullable String refreshAfterUnauthorized(String rejectedToken) {
            Optional<StoredCredentials> row = credentialStore.get(auth.name(), subject);
            if (row.isEmpty()) {
                return null;
            }
            C stored = auth.credentialsType().cast(fromStored(auth, row.get()));
            C fresh = rejectedToken.equals(stored.accessToken()) ? refresher.refresh(auth, row.get(), true) : stored;
            credentials = fresh;
            return fresh.accessToken();
        }
    }
}
