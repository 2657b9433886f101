package dev.integrations.internal.oauth2;

import dev.integrations.core.ConfigurationException;
import dev.integrations.internal.config.ConfigValues;
import dev.integrations.internal.http.HeaderValues;

import java.net.URI;
import java.util.List;
import java.util.Objects;
import java.util.function.UnaryOperator;

import org.jspecify.annotations.Nullable;

/**
 * A registered OAuth client as one authorization server knows it: the resolved values a flow
 * needs. Built by a provider from its app credentials.
 *
 * @param provider the provider name, lower case
 * @param displayName the service's name for messages, e.g. {@code "GitHub"}
 * @param clientId the client id; null when not configured (authorize then fails with a message)
 * @param clientSecret the client secret; null when not configured
 * @param authorizationUri the authorization endpoint
 * @param tokenUri the token endpoint
 * @param redirectUri the default redirect URI, or null to use the one registered with the server
 * @param defaultScopes scopes requested when an authorization names none
 * @param userAgent the User-Agent sent to the token endpoint
 * @param sendGrantTypeOnExchange whether the code exchange sends {@code grant_type=authorization_code}
 *     (RFC 6749 requires it; GitHub documents no such parameter, so its flow leaves it out)
 * @param errorAdvice what to tell the user for a server error code (may return null)
 * @param clientIdEnvHint where the client id comes from, for messages (e.g. {@code GITHUB_CLIENT_ID})
 * @param requestTimeout the deadline of each token-endpoint request (connect, headers and body);
 *     positive and at most {@link dev.integrations.http.HttpTransport#MAX_TIMEOUT}
 */
public record OAuth2Client(String provider, String displayName, @Nullable String clientId, @Nullable String clientSecret,
                           URI authorizationUri, URI tokenUri, @Nullable URI redirectUri, List<String> defaultScopes,
                           String userAgent, boolean sendGrantTypeOnExchange, UnaryOperator<String> errorAdvice,
                           String clientIdEnvHint, java.time.Duration requestTimeout) {
    public OAuth2Client {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(authorizationUri, "authorizationUri");
        Objects.requireNonNull(tokenUri, "tokenUri");
        defaultScopes = defaultScopes == null ? List.of() : List.copyOf(defaultScopes);
        Objects.requireNonNull(userAgent, "userAgent");
        String userAgentProblem = HeaderValues.problem(userAgent, true);
        if (userAgentProblem != null) {
            // Checked here because the JDK's refusal at send time would quote the header value.
            throw new ConfigurationException(displayName + " user agent " + userAgentProblem + "; use plain visible ASCII");
        }
        errorAdvice = errorAdvice == null ? code -> null : errorAdvice;
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        ConfigValues.checkTimeout(requestTimeout, displayName + " token endpoint timeout");
    }

    /** What to tell the user about a server error code, or null. */
    public @Nullable String advise(String errorCode) {
        return errorAdvice.apply(errorCode);
    }

    /** Never prints the client secret. */
    @Override
    public String toString() {
        return "OAuth2Client[provider=" + provider + ", clientId=" + clientId + ", authorizationUri=" + authorizationUri
                + ", tokenUri=" + tokenUri + ", redirectUri=" + redirectUri + ", defaultScopes=" + defaultScopes
                + ", clientSecret=" + (clientSecret == null ? "unset" : "<redacted>") + "]";
    }
}
