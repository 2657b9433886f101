package dev.integrations.github.auth;

import org.jspecify.annotations.Nullable;

/**
 * What to tell a developer about each error code GitHub's OAuth endpoints send, as listed at
 * https://docs.github.com/en/apps/oauth-apps/maintaining-oauth-apps/troubleshooting-authorization-request-errors,
 * https://docs.github.com/en/apps/oauth-apps/maintaining-oauth-apps/troubleshooting-oauth-app-access-token-request-errors
 * https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/refreshing-user-access-tokens
 * and, for the device flow,
 * https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps#error-codes-for-the-device-flow.
 */
final class GithubOAuthErrors {
    private GithubOAuthErrors() {
    }

    public static @Nullable String advice(String code) {
        return switch (code) {
            case "incorrect_client_credentials" -> "Check client_id and client_secret (GITHUB_CLIENT_ID, GITHUB_CLIENT_SECRET)"
                    + " against the OAuth app's settings on GitHub";
            case "redirect_uri_mismatch" -> "The redirect_uri must match the callback URL registered for the app (same host"
                    + " and port, same path or a subdirectory; any port for 127.0.0.1 loopback callbacks)";
            case "bad_verification_code" -> "The code is wrong, expired (codes live 10 minutes) or already used;"
                    + " start the authorization again";
            case "unverified_user_email" -> "The user must verify their primary email address on GitHub, then authorize again";
            case "bad_refresh_token" -> "The refresh token is wrong, expired or already used; the user must authorize again";
            case "access_denied" -> "The user declined the authorization";
            case "application_suspended" -> "The OAuth app is suspended on GitHub";
            case "invalid_grant" -> "The code or PKCE verifier was refused; start the authorization again";
            case "authorization_pending" -> "The user has not entered the code yet; keep polling";
            case "slow_down" -> "Polled faster than the interval; wait 5 s longer between polls";
            case "expired_token", "token_expired" -> "The device code expired (GitHub's live 15 minutes) before the user"
                    + " approved it; start the device flow again and show the new code";
            case "incorrect_device_code" -> "GitHub does not know this device code (wrong, or issued to another app);"
                    + " start the device flow again";
            case "device_flow_disabled" -> "The device flow is off for this app: enable it in the app's settings on"
                    + " GitHub (Developer settings, your OAuth app or GitHub App, tick 'Enable Device Flow'), then start"
                    + " again";
            case "unsupported_grant_type" -> "The token endpoint refused the grant type; check token_url";
            default -> null;
        };
    }
}
