package dev.integrations;

import dev.integrations.auth.AuthContext;
import dev.integrations.auth.AuthProvider;
import dev.integrations.auth.CompletedAuthorization;
import dev.integrations.auth.InvalidStateException;
import dev.integrations.auth.OAuthException;
import dev.integrations.auth.UserCredentials;
import dev.integrations.auth.oauth2.ExchangeRequest;
import dev.integrations.auth.oauth2.PendingAuthorization;
import dev.integrations.internal.http.FormEncoding;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@link AuthManager#completeAuthorization(String)}: verifies the callback's state against the
 * pending authorizations, exchanges the code and stores the credentials under the subject the
 * authorization was started with.
 *
 * <p>Why the state is consumed here rather than by the flow's own {@code exchange}: the flow
 * verifies a subject the caller names, while here the caller names none; the subject must come
 * from the stored pending authorization, so this class reads it there, then exchanges with the
 * pending authorization's verifier and redirect URI (the checks the flow would do are done first,
 * before any network call).
 */
final class AuthorizationCompletion {
    private final Map<String, AuthProvider<?>> providers;
    private final AuthContext context;
    private final CredentialOperations credentials;

    AuthorizationCompletion(Map<String, AuthProvider<?>> providers, AuthContext context, CredentialOperations credentials) {
        this.providers = providers;
        this.context = context;
        this.credentials = credentials;
    }

    CompletedAuthorization complete(String callbackUrl) {
        Objects.requireNonNull(callbackUrl, "callbackUrl");
        Map<String, String> parameters = FormEncoding.decode(query(callbackUrl));
        String state = parameters.get("state");
        if (state == null || state.isBlank()) {
            throw new InvalidStateException("The callback URL has no state parameter: pass the whole URL the browser"
                    + " arrived at, query string included, and start the authorization again.");
        }
        Instant now = context.clock().instant();
        // The state is verified and consumed before anything else, error callbacks included, so a
        // crafted ?error=... link cannot make the application raise an exception with its text.
        AuthProvider<?> provider = null;
        PendingAuthorization pending = null;
        for (AuthProvider<?> candidate : providers.values()) {
            Optional<PendingAuthorization> consumed = context.stateStore().consume(candidate.name(), state, now);
            if (consumed.isPresent()) {
                provider = candidate;
                pending = consumed.get();
                break;
            }
        }
        if (provider == null || pending == null) {
            throw new InvalidStateException("The callback's state does not match a pending authorization: it is"
                    + " missing, forged, already used, or expired (authorizations expire after "
                    + context.authorizationTtl().toMinutes() + " minutes). Start the authorization again.");
        }
        ExchangeRequest.Builder exchange = ExchangeRequest.builder().skipStateVerification()
                .redirectUri(pending.redirectUri() == null ? null : pending.redirectUri().toString())
                .codeVerifier(pending.codeVerifier());
        if (parameters.containsKey("error")) {
            // The flow turns the provider's error into its OAuthException, with its advice; the
            // request's CallbackError has sanitised the callback's text for a flow that does not.
            ExchangeRequest failed = exchange.authorizationResponse(callbackUrl).build();
            provider.oauth2().exchange(failed);
            ExchangeRequest.CallbackError error = Objects.requireNonNull(failed.callbackError(), "callbackError");
            throw new OAuthException(provider.name() + " returned an error instead of a code: " + error.error(),
                    error.error(), error.description(), error.uri());
        }
        String subject = pending.subject();
        if (subject == null) {
            throw new InvalidStateException("This " + provider.name() + " authorization was started without a subject,"
                    + " so there is no one to store its credentials for: pass .subject(...) to authorize (or use"
                    + " oauth2().exchange(...) and storeCredentials yourself). Start the authorization again.");
        }
        String code = parameters.get("code");
        if (code == null || code.isBlank()) {
            throw new OAuthException("The callback URL has neither a code nor an error parameter: pass the whole URL the"
                    + " browser arrived at, query string included, and start the authorization again.",
                    OAuthException.INVALID_RESPONSE, null, null);
        }
        UserCredentials obtained = provider.oauth2().exchange(exchange.code(code).build());
        credentials.store(provider, subject, obtained);
        return new CompletedAuthorization(provider.name(), subject, obtained);
    }

    private static String query(String callbackUrl) {
        int q = callbackUrl.indexOf('?');
        if (q < 0) {
            return callbackUrl.contains("=") ? callbackUrl : "";
        }
        try {
            String raw = new URI(callbackUrl).getRawQuery();
            return raw == null ? "" : raw;
        } catch (URISyntaxException e) {
            throw new InvalidStateException("The callback URL is not a valid URI; pass the URL the browser arrived at"
                    + " and start the authorization again.");
        }
    }
}
