package dev.integrations.internal.oauth2;

import dev.integrations.internal.http.FormEncoding;
import dev.integrations.auth.oauth2.AuthorizationStep;
import dev.integrations.auth.oauth2.AuthorizeRequest;
import dev.integrations.auth.oauth2.ExchangeRequest;
import dev.integrations.auth.oauth2.OAuth2Flow;
import dev.integrations.auth.oauth2.PendingAuthorization;
import dev.integrations.core.ConfigurationException;
import dev.integrations.auth.AuthContext;
import dev.integrations.auth.InvalidCredentialsException;
import dev.integrations.auth.InvalidStateException;
import dev.integrations.auth.OAuthException;
import dev.integrations.http.HttpResult;
import dev.integrations.http.ResponseTooLargeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.jspecify.annotations.Nullable;

/**
 * The authorization-code flow with PKCE (S256) and server-side state, for any provider whose
 * token endpoint speaks OAuth 2.0 the way GitHub does.
 *
 * <p>State handling: {@link #authorize} stores a {@link PendingAuthorization} (state, verifier,
 * redirect URI, subject, expiry); {@link #exchange} consumes it atomically before any network
 * call, so a forged, replayed or expired state never reaches the token endpoint.
 *
 * @param <C> the credentials type produced
 */
public final class OAuth2CodeFlow<C> implements OAuth2Flow<C> {
    private static final Logger LOG = LoggerFactory.getLogger(OAuth2CodeFlow.class);
    /** The OAuth error code for a redirect URI the provider does not accept for the app. */
    private static final String REDIRECT_URI_MISMATCH = "redirect_uri_mismatch";
    /** Token responses are a few hundred bytes; anything near this is not one. */
    static final int MAX_TOKEN_RESPONSE_BYTES = 64 * 1024;

    private final OAuth2Client client;
    private final TokenCredentialsAdapter<C> adapter;
    private final AuthContext context;

    public OAuth2CodeFlow(OAuth2Client client, TokenCredentialsAdapter<C> adapter, AuthContext context) {
        this.client = Objects.requireNonNull(client, "client");
        this.adapter = Objects.requireNonNull(adapter, "adapter");
        this.context = Objects.requireNonNull(context, "context");
    }

    /** The client this flow authorizes for. */
    public OAuth2Client client() {
        return client;
    }

    @Override
    public AuthorizationStep authorize(AuthorizeRequest request) {
        requireClientId();
        Instant now = context.clock().instant();
        String state = request.state() != null ? request.state() : Pkce.newState();
        String verifier = Pkce.newVerifier();
        URI redirectUri = request.redirectUri() != null ? request.redirectUri() : client.redirectUri();
        List<String> scopes = request.scopes() != null ? request.scopes() : client.defaultScopes();

        Map<String, String> query = new LinkedHashMap<>();
        query.put("client_id", client.clientId());
        query.put("redirect_uri", redirectUri == null ? null : redirectUri.toString());
        query.put("scope", scopes.isEmpty() ? null : String.join(" ", scopes));
        query.put("state", state);
        query.put("code_challenge", Pkce.s256Challenge(verifier));
        query.put("code_challenge_method", "S256");
        query.putAll(request.extraParameters());

        Instant expiresAt = now.plus(context.authorizationTtl());
        context.stateStore().save(new PendingAuthorization(client.provider(), state, verifier, redirectUri,
                request.subject(), scopes, now, expiresAt));
        URI url = URI.create(client.authorizationUri() + (client.authorizationUri().getRawQuery() == null ? "?" : "&")
                + FormEncoding.encode(query));
        LOG.debug("Started {} authorization for subject {} (scopes {}), expires at {}", client.provider(),
                request.subject(), scopes, expiresAt);
        return new AuthorizationStep(url, state, verifier, expiresAt);
    }

    @Override
    public C exchange(ExchangeRequest request) {
        requireClientId();
        Instant now = context.clock().instant();
        URI redirectUri;
        String verifier;
        if (request.verifyState()) {
            // The state is verified and consumed before anything else, error callbacks included:
            // without this, anyone could make the application raise an OAuthException carrying
            // their own text by sending a user to the callback with ?error=...
            Optional<PendingAuthorization> consumed = request.state() == null ? Optional.empty()
                    : context.stateStore().consume(client.provider(), request.state(), now);
            PendingAuthorization pending = consumed.orElseThrow(() -> new InvalidStateException(
                    "The callback's state does not match a pending " + client.displayName() + " authorization: it is"
                            + " missing, forged, already used, or expired (authorizations expire after "
                            + context.authorizationTtl().toMinutes() + " minutes). Start the authorization again."));
            if (request.callbackError() != null) {
                throw callbackError(request.callbackError(), pending.redirectUri());
            }
            checkSubject(pending, request);
            if (request.redirectUri() != null && !request.redirectUri().equals(pending.redirectUri())) {
                throw new InvalidStateException("The redirect URI given to exchange differs from the one the authorization"
                        + " was started with; start the authorization again.");
            }
            redirectUri = pending.redirectUri();
            verifier = pending.codeVerifier();
        } else {
            redirectUri = request.redirectUri() != null ? request.redirectUri() : client.redirectUri();
            if (request.callbackError() != null) {
                throw callbackError(request.callbackError(), redirectUri);
            }
            verifier = request.codeVerifier();
        }

        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", client.clientId());
        form.put("client_secret", client.clientSecret());
        if (client.sendGrantTypeOnExchange()) {
            form.put("grant_type", "authorization_code");
        }
        form.put("code", request.code());
        form.put("redirect_uri", redirectUri == null ? null : redirectUri.toString());
        form.put("code_verifier", verifier);
        LOG.debug("Exchanging an authorization code at {} for provider {}", client.tokenUri(), client.provider());
        Map<String, Object> response;
        try {
            response = postToTokenEndpoint(form, "code exchange");
        } catch (OAuthException e) {
            throw withRedirectUri(e, redirectUri);
        }
        return credentialsFrom(response, now, "code exchange");
    }

    @Override
    public C refresh(C credentials) {
        Objects.requireNonNull(credentials, "credentials");
        requireClientId();
        String refreshToken = adapter.refreshToken(credentials).orElseThrow(() -> new OAuthException(
                "These " + client.displayName() + " credentials have no refresh token (the token does not expire, or"
                        + " expiry is off for the app); the user must authorize again to get new ones.",
                OAuthException.MISSING_REFRESH_TOKEN, null, null));
        Instant now = context.clock().instant();
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", client.clientId());
        form.put("client_secret", client.clientSecret());
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        LOG.debug("Refreshing credentials at {} for provider {}", client.tokenUri(), client.provider());
        C refreshed = credentialsFrom(postToTokenEndpoint(form, "token refresh"), now, "token refresh");
        return adapter.refreshToken(refreshed).isPresent() ? refreshed : adapter.withRefreshToken(refreshed, refreshToken);
    }

    private Map<String, Object> postToTokenEndpoint(Map<String, String> form, String what) {
        HttpRequest request = HttpRequest.newBuilder(client.tokenUri())
                .timeout(client.requestTimeout())
                .header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("User-Agent", client.userAgent())
                .POST(HttpRequest.BodyPublishers.ofString(FormEncoding.encode(form)))
                .build();
        HttpResult result;
        try {
            result = context.transport().send(request, MAX_TOKEN_RESPONSE_BYTES);
        } catch (ResponseTooLargeException e) {
            throw new OAuthException(client.displayName() + "'s token endpoint (" + client.tokenUri() + ") returned more than "
                    + MAX_TOKEN_RESPONSE_BYTES + " bytes for the " + what + ", which is not a token response; check token_url",
                    OAuthException.INVALID_RESPONSE, e);
        }
        return TokenResponseParser.parse(result, client, what);
    }

    /**
     * The adapter's credentials for a parsed response. The parser already checked the standard
     * fields; this catches whatever a provider's own fields hold, so a bad response is always an
     * OAuthException and never a JDK exception escaping from a credentials type.
     */
    private C credentialsFrom(Map<String, Object> response, Instant requestedAt, String what) {
        try {
            return adapter.fromTokenResponse(response, requestedAt);
        } catch (InvalidCredentialsException | IllegalArgumentException | DateTimeException | ArithmeticException e) {
            throw new OAuthException(client.displayName() + "'s token endpoint (" + client.tokenUri() + ") returned an"
                    + " unusable token response for the " + what + ": " + e.getMessage() + "; check token_url",
                    OAuthException.INVALID_RESPONSE, e);
        }
    }

    /**
     * The exchange must be for the subject the authorization was started for. Without this, an
     * application that forgets {@code .subject(...)} on exchange would accept a callback started
     * by another user (for example an attacker linking their own account to the victim's), and
     * one that passes a subject would accept an authorization that was never bound to it.
     */
    private void checkSubject(PendingAuthorization pending, ExchangeRequest request) {
        if (pending.subject() != null && request.subject() == null) {
            throw new InvalidStateException("This " + client.displayName() + " authorization was started for a subject,"
                    + " so exchange must name the same one: pass .subject(...) to exchange, as given to authorize."
                    + " Start the authorization again.");
        }
        if (!Objects.equals(pending.subject(), request.subject())) {
            throw new InvalidStateException("This authorization was started for "
                    + (pending.subject() == null ? "no subject" : "another subject") + " than the one given to exchange;"
                    + " start the authorization again for the right user.");
        }
    }

    private OAuthException callbackError(ExchangeRequest.CallbackError error, @Nullable URI redirectUri) {
        String advice = client.advise(error.error());
        return withRedirectUri(new OAuthException(client.displayName() + " returned an error instead of a code: " + error.error()
                + (error.description() == null ? "" : " (" + error.description() + ")")
                + (advice == null ? "" : ". " + advice),
                error.error(), error.description(), error.uri()), redirectUri);
    }

    /**
     * A {@code redirect_uri_mismatch} names the redirect URI this flow sent (a URL, not a secret):
     * the fix is to register exactly that URL, and the provider's own message never says which
     * one it compared. Other errors are returned unchanged.
     */
    private OAuthException withRedirectUri(OAuthException e, @Nullable URI redirectUri) {
        if (!REDIRECT_URI_MISMATCH.equals(e.error())) {
            return e;
        }
        String sent = redirectUri == null
                ? ". No redirect_uri was sent, so " + client.displayName() + " used the app's registered callback URL;"
                + " set redirect_uri (app credentials) to the callback URL your application serves"
                : ". The redirect_uri sent was " + redirectUri + ": register exactly that callback URL in the OAuth"
                + " app's settings on " + client.displayName() + ", or set redirect_uri to the registered one";
        return new OAuthException(e.getMessage() + sent, e.error(), e.errorDescription().orElse(null),
                e.errorUri().orElse(null));
    }

    private void requireClientId() {
        if (client.clientId() == null) {
            throw new ConfigurationException(client.displayName() + " client_id is not set: set " + client.clientIdEnvHint()
                    + " or pass it to the app credentials builder.");
        }
    }
}
