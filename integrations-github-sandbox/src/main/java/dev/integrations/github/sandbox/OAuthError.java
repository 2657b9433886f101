package dev.integrations.github.sandbox;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * An OAuth error as GitHub reports it: {@code error}, {@code error_description}, {@code error_uri}
 * (https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps for the token endpoint, authorization-step errors for the redirect).
 */
record OAuthError(String code, String description, String uri) {

    private static final String TOKEN_ERRORS =
            "https://docs.github.com/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors/";
    private static final String AUTHORIZATION_ERRORS =
            "https://docs.github.com/apps/managing-oauth-apps/troubleshooting-authorization-request-errors/";
    private static final String AUTHORIZING =
            "https://docs.github.com/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps";

    static final OAuthError INCORRECT_CLIENT_CREDENTIALS = new OAuthError("incorrect_client_credentials",
            "The client_id and/or client_secret passed are incorrect.", TOKEN_ERRORS + "#incorrect-client-credentials");
    static final OAuthError TOKEN_REDIRECT_URI_MISMATCH = new OAuthError("redirect_uri_mismatch",
            "The redirect_uri MUST match the registered callback URL for this application.",
            TOKEN_ERRORS + "#redirect-uri-mismatch2");
    static final OAuthError BAD_VERIFICATION_CODE = new OAuthError("bad_verification_code",
            "The code passed is incorrect or expired.", TOKEN_ERRORS + "#bad-verification-code");
    static final OAuthError BAD_REFRESH_TOKEN = new OAuthError("bad_refresh_token",
            "The refresh token passed is incorrect or expired.", TOKEN_ERRORS);
    static final OAuthError PKCE_MISMATCH = new OAuthError("invalid_grant",
            "The code_verifier does not match the code_challenge.", AUTHORIZING);
    static final OAuthError PKCE_MISSING = new OAuthError("invalid_grant",
            "The code_verifier is required because the authorization request carried a code_challenge.", AUTHORIZING);
    static final OAuthError PKCE_UNEXPECTED = new OAuthError("invalid_grant",
            "A code_verifier was sent but the authorization request carried no code_challenge.", AUTHORIZING);
    static final OAuthError UNSUPPORTED_GRANT_TYPE = new OAuthError("unsupported_grant_type",
            "The grant type is not supported.", AUTHORIZING + "#error-codes-for-the-device-flow");
    static final OAuthError DEVICE_FLOW_DISABLED = new OAuthError("device_flow_disabled",
            "Device flow must be explicitly enabled for this App", AUTHORIZING + "#error-codes-for-the-device-flow");
    private static final String DEVICE_ERRORS = AUTHORIZING + "#error-codes-for-the-device-flow";
    static final OAuthError AUTHORIZATION_PENDING = new OAuthError("authorization_pending",
            "The authorization request is still pending.", DEVICE_ERRORS);
    static final OAuthError SLOW_DOWN = new OAuthError("slow_down",
            "Too many requests have been made in the same timeframe.", DEVICE_ERRORS);
    static final OAuthError EXPIRED_TOKEN = new OAuthError("expired_token",
            "The device_code has expired.", DEVICE_ERRORS);
    static final OAuthError INCORRECT_DEVICE_CODE = new OAuthError("incorrect_device_code",
            "The device_code provided is not valid.", DEVICE_ERRORS);
    static final OAuthError DEVICE_ACCESS_DENIED = new OAuthError("access_denied",
            "The authorization request was denied.", DEVICE_ERRORS);
    static final OAuthError MALFORMED_JSON = new OAuthError("invalid_request",
            "Problems parsing JSON: the request body must be a JSON object.", AUTHORIZING);

    static final OAuthError AUTHORIZE_REDIRECT_URI_MISMATCH = new OAuthError("redirect_uri_mismatch",
            "The redirect_uri MUST match the registered callback URL for this application.",
            AUTHORIZATION_ERRORS + "#redirect-uri-mismatch");
    static final OAuthError ACCESS_DENIED = new OAuthError("access_denied",
            "The user has denied your application access.", AUTHORIZATION_ERRORS + "#access-denied");
    static final OAuthError PKCE_METHOD_NOT_SUPPORTED = new OAuthError("invalid_request",
            "code_challenge_method must be S256.", AUTHORIZING);
    static final OAuthError PKCE_CHALLENGE_MALFORMED = new OAuthError("invalid_request",
            "code_challenge must be the unpadded BASE64URL encoding of a SHA-256 digest (43 characters).", AUTHORIZING);

    /** The error's parameters, in GitHub's order, plus {@code state} when given. */
    Map<String, String> parameters(@Nullable String state) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("error", code);
        params.put("error_description", description);
        params.put("error_uri", uri);
        if (state != null) {
            params.put("state", state);
        }
        return params;
    }
}
