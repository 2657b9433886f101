package dev.integrations.internal.oauth2;

import dev.integrations.internal.http.FormEncoding;
import dev.integrations.auth.OAuthException;
import dev.integrations.http.HttpResult;
import dev.integrations.internal.json.EpochSeconds;
import dev.integrations.internal.json.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * Reads an OAuth token-endpoint response the way GitHub really sends them: JSON or
 * form-encoded (chosen by Content-Type, then by sniffing), errors in the body even with HTTP 200,
 * and HTML pages from proxies or misconfigured URLs. Error messages describe the response but
 * never quote its body, which may hold tokens. The standard fields are type- and range-checked
 * ({@code expires_in} a whole number of seconds within
 * {@link EpochSeconds#MAX_LIFETIME_SECONDS}, strings where strings belong), so a hostile or broken
 * server gets an {@link OAuthException} with {@link OAuthException#INVALID_RESPONSE}, never a
 * JDK exception or an absurd expiry.
 */
public final class TokenResponseParser {
    private static final List<String> STRING_FIELDS = List.of("access_token", "token_type", "refresh_token", "id_token");
    private static final List<String> LIFETIME_FIELDS = List.of("expires_in", "refresh_token_expires_in");

    private TokenResponseParser() {
    }

    /**
     * Parses {@code result} into response parameters.
     *
     * @throws OAuthException with the server's error code when the body carries {@code error};
     *     with {@link OAuthException#INVALID_RESPONSE} when it is not a token response
     */
    public static Map<String, Object> parse(HttpResult result, OAuth2Client client, String what) {
        String where = client.displayName() + "'s token endpoint (" + client.tokenUri() + ")";
        Map<String, Object> params = read(result, where, what);
        Object error = params.get("error");
        if (error != null && !error.toString().isBlank()) {
            String code = error.toString();
            String description = stringOrNull(params.get("error_description"));
            String advice = client.advise(code);
            throw new OAuthException(client.displayName() + " refused the " + what + ": " + code
                    + (description == null ? "" : " (" + truncate(description) + ")")
                    + (advice == null ? "" : ". " + advice),
                    code, description, stringOrNull(params.get("error_uri")));
        }
        return checkTokenResponse(result, params, where, what);
    }

    /**
     * The parameters of an OAuth endpoint's response (JSON or form-encoded), error or not.
     *
     * @param where the endpoint, for messages (never the body, which may hold tokens)
     * @throws OAuthException with {@link OAuthException#INVALID_RESPONSE} when the body is empty,
     *     an HTML page, malformed or unreadable
     */
    public static Map<String, Object> read(HttpResult result, String where, String what) {
        byte[] body = result.body();
        String text = new String(body, StandardCharsets.UTF_8).strip();
        if (text.isEmpty()) {
            throw invalid(where + " returned an empty body (HTTP " + result.status() + ") for the " + what
                    + "; check token_url and retry");
        }
        String mediaType = result.mediaType();
        Map<String, Object> params;
        if (mediaType.contains("html") || text.startsWith("<")) {
            throw invalid(where + " returned an HTML page (HTTP " + result.status() + ") instead of a token response for the "
                    + what + "; check that token_url points at the token endpoint and that no proxy intercepts the request");
        } else if (mediaType.contains("json") || text.startsWith("{")) {
            try {
                params = Json.parseObject(body);
            } catch (IOException e) {
                throw new OAuthException(where + " returned malformed JSON (HTTP " + result.status() + ") for the " + what,
                        OAuthException.INVALID_RESPONSE, e);
            }
        } else if (mediaType.equals("application/x-www-form-urlencoded") || text.contains("=")) {
            params = new LinkedHashMap<>(FormEncoding.decode(text));
        } else {
            throw invalid(where + " returned an unreadable " + (mediaType.isEmpty() ? "body" : mediaType + " body")
                    + " (HTTP " + result.status() + ") for the " + what);
        }
        return params;
    }

    /**
     * {@code params} when they are a successful token response: HTTP 2xx, an {@code access_token},
     * well-typed standard fields.
     *
     * @throws OAuthException with {@link OAuthException#INVALID_RESPONSE} otherwise
     */
    public static Map<String, Object> checkTokenResponse(HttpResult result, Map<String, Object> params, String where,
                                                         String what) {
        if (!result.isSuccessful()) {
            throw invalid(where + " answered HTTP " + result.status() + " without an OAuth error for the " + what
                    + "; retry later");
        }
        Object token = params.get("access_token");
        if (!(token instanceof String s) || s.isBlank()) {
            throw invalid(where + " returned no access_token for the " + what);
        }
        String problem = problemWith(params);
        if (problem != null) {
            throw invalid(where + " returned an unusable token response for the " + what + ": " + problem
                    + "; check token_url");
        }
        return params;
    }

    /**
     * What is wrong with the standard fields of a token response (RFC 6749 section 5.1,
     * https://www.rfc-editor.org/rfc/rfc6749#section-5.1), or null. Values are bounded here, before
     * any credentials type does arithmetic with them; the result names fields, never values.
     */
    public static @Nullable String problemWith(Map<String, Object> params) {
        for (String field : STRING_FIELDS) {
            Object value = params.get(field);
            if (value != null && !(value instanceof String)) {
                return "'" + field + "' must be a string";
            }
        }
        Object scope = params.get("scope");
        if (scope != null && !(scope instanceof String)
                && !(scope instanceof List<?> list && list.stream().allMatch(String.class::isInstance))) {
            return "'scope' must be a string";
        }
        for (String field : LIFETIME_FIELDS) {
            try {
                EpochSeconds.lifetime(params.get(field), field);
            } catch (IllegalArgumentException e) {
                return e.getMessage();
            }
        }
        return null;
    }

    private static OAuthException invalid(String message) {
        return new OAuthException(message, OAuthException.INVALID_RESPONSE, null, null);
    }

    /** The value as text, or null. */
    public static @Nullable String stringOrNull(@Nullable Object value) {
        return value == null ? null : value.toString();
    }

    /** {@code s} on one line, at most 300 characters: server descriptions go into messages. */
    public static String truncate(String s) {
        String oneLine = s.replaceAll("\\s+", " ");
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "..." : oneLine;
    }
}
