package dev.integrations.github.app;

import dev.integrations.core.IntegrationsException;

/**
 * GitHub refused the app's JWT (401): a wrong App ID or Client ID, a private key of another app
 * (GitHub then says "A JSON web token could not be decoded"), or a clock too far off for the
 * JWT's {@code iat}/{@code exp}. The message quotes GitHub's reason and says what to check; it
 * never contains the JWT.
 */
public class GithubAppAuthenticationException extends IntegrationsException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message GitHub's reason and what to check
     */
    public GithubAppAuthenticationException(String message) {
        super(message);
    }
}
