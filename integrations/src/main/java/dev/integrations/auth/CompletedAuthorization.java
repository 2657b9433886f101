package dev.integrations.auth;

import java.util.Objects;

/**
 * The outcome of {@code AuthManager.completeAuthorization(callbackUrl)}: whose authorization it
 * was, for which provider, and the credentials that are now stored for them.
 *
 * <p>The subject is the one the authorization was started with ({@code authorize(a -> a.subject(...))}),
 * read from the pending authorization the callback's state names, never from the callback itself,
 * so a web application needs no cookie of its own to know whom the callback is for.
 *
 * @param provider the provider name, lower case, e.g. {@code "github"}
 * @param subject the canonical subject the credentials are stored under
 * @param credentials the credentials obtained and stored; their type is the provider's
 */
public record CompletedAuthorization(String provider, String subject, UserCredentials credentials) {
    /**
     * Checks that every part is present.
     *
     * @param provider the provider name, lower case
     * @param subject the canonical subject the credentials are stored under
     * @param credentials the credentials obtained and stored
     * @throws NullPointerException when a part is null
     */
    public CompletedAuthorization {
        Objects.requireNonNull(provider, "provider");
        Objects.requireNonNull(subject, "subject");
        Objects.requireNonNull(credentials, "credentials");
    }

    /**
     * The credentials as the provider's type.
     *
     * @param <C> the credentials type
     * @param type the provider's credentials class, e.g. {@code GithubUserCredentials.class}
     * @return the credentials
     * @throws ClassCastException when {@code type} is not the provider's credentials type
     */
    public <C extends UserCredentials> C credentials(Class<C> type) {
        return type.cast(credentials);
    }

    /**
     * Describes the outcome without the credentials' tokens.
     *
     * @return the provider, the subject, the credentials' type and expiry; never a token
     */
    @Override
    public String toString() {
        return "CompletedAuthorization[provider=" + provider + ", subject=" + subject + ", credentials="
                + credentials.getClass().getSimpleName() + "(expiresAt=" + credentials.expiresAt() + ", tokens=<redacted>)]";
    }
}
