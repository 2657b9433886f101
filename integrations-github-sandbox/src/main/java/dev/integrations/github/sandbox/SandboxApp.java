package dev.integrations.github.sandbox;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;

/**
 * An OAuth app registered with a {@link GithubSandbox}.
 *
 * <p>{@code callbackUrl} is the app's single registered callback URL. A {@code redirect_uri} sent to
 * the sandbox is checked against it with the OAuth-app rules of https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps#redirect-urls (host ignoring
 * subdomains, same port unless the callback is a {@code 127.0.0.1} or {@code [::1]} loopback URL,
 * path equal to or below the callback path).
 *
 * <p>{@code expiringTokens} makes the app behave like a GitHub App with user-token expiration on
 * (https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/refreshing-user-access-tokens): its user tokens are {@code ghu_…}, expire after 8 hours, come with a rotating
 * {@code ghr_…} refresh token, and carry no scopes ({@code scope} is {@code ""}). Without it the
 * app is a classic OAuth app issuing non-expiring {@code gho_…} tokens with scopes. Redirect-URI
 * rules stay the OAuth-app ones either way.
 *
 * <p>{@link #toString()} never prints the client secret.
 *
 * @param clientId       the OAuth client id
 * @param clientSecret   the client secret, compared in constant time by the token endpoint
 * @param callbackUrl    an absolute {@code http} or {@code https} URL without fragment
 * @param expiringTokens whether user tokens expire and come with refresh tokens
 */
public record SandboxApp(String clientId, String clientSecret, String callbackUrl, boolean expiringTokens) {

    /**
     * Checks the app's fields.
     *
     * @param clientId       the OAuth client id
     * @param clientSecret   the client secret, compared in constant time by the token endpoint
     * @param callbackUrl    an absolute {@code http} or {@code https} URL without fragment
     * @param expiringTokens whether user tokens expire and come with refresh tokens
     * @throws IllegalArgumentException if a field is blank or the callback URL is not an absolute http(s) URL without fragment
     */
    public SandboxApp {
        requireText(clientId, "clientId");
        requireText(clientSecret, "clientSecret");
        requireText(callbackUrl, "callbackUrl");
        checkCallback(callbackUrl);
    }

    /**
     * A classic OAuth app whose tokens do not expire.
     *
     * @param clientId the OAuth client id
     * @param clientSecret the client secret
     * @param callbackUrl an absolute {@code http} or {@code https} URL without fragment
     */
    public SandboxApp(String clientId, String clientSecret, String callbackUrl) {
        this(clientId, clientSecret, callbackUrl, false);
    }

    /**
     * A copy of this app with {@code expiringTokens} set as given.
     *
     * @param expiringTokens whether user tokens expire and come with refresh tokens
     * @return the copy
     */
    public SandboxApp withExpiringTokens(boolean expiringTokens) {
        return new SandboxApp(clientId, clientSecret, callbackUrl, expiringTokens);
    }

    @Override
    public String toString() {
        return "SandboxApp[clientId=" + clientId + ", clientSecret=<redacted>, callbackUrl=" + callbackUrl
                + ", expiringTokens=" + expiringTokens + "]";
    }

    private static void requireText(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
    }

    private static void checkCallback(String callbackUrl) {
        URI uri;
        try {
            uri = new URI(callbackUrl);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("callbackUrl is not a valid URI: " + callbackUrl, e);
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null
                || uri.getRawFragment() != null) {
            throw new IllegalArgumentException(
                    "callbackUrl must be an absolute http(s) URL with a host and no fragment: " + callbackUrl);
        }
    }
}
