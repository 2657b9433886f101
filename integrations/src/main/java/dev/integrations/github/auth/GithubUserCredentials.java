package dev.integrations.github.auth;

import dev.integrations.core.ConfigurationException;
import dev.integrations.auth.InvalidCredentialsException;
import dev.integrations.auth.UserCredentials;
import dev.integrations.internal.config.ConfigValues;
import dev.integrations.internal.json.EpochSeconds;
import dev.integrations.internal.json.Json;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A GitHub user's token set (user credentials). Immutable; {@code toString()} never
 * prints a token.
 *
 * <p>{@link #toMap()} and {@link #fromMap} use snake_case keys ({@code access_token},
 * {@code token_type}, {@code refresh_token}, {@code scope}, {@code expires_in},
 * {@code expires_at} as epoch seconds, {@code id_token}, {@code raw}), so stored rows are
 * readable by other implementations that share this layout. Keys this version does not know are kept in
 * {@code raw} rather than dropped.
 *
 * @param accessToken the access token ({@code gho_}, {@code ghu_}, {@code ghp_}, ...; treated as opaque)
 * @param tokenType the token type; GitHub sends {@code bearer}; default {@code Bearer}
 * @param refreshToken the refresh token ({@code ghr_}), for GitHub App tokens that expire; or null
 * @param scope the granted scopes (GitHub may grant fewer than requested); null when unknown
 * @param expiresIn the lifetime in seconds GitHub announced, or null for tokens that do not expire
 * @param expiresAt when the access token expires, computed at exchange time; null when it does not
 * @param idToken an OpenID Connect id token, or null (GitHub does not issue them)
 * @param raw the rest of the token response (never the tokens themselves)
 */
public record GithubUserCredentials(@Nullable String accessToken, String tokenType, @Nullable String refreshToken,
                                    @Nullable List<String> scope, @Nullable Long expiresIn, @Nullable Instant expiresAt,
                                    @Nullable String idToken, Map<String, Object> raw)
        implements UserCredentials {
    /** The default token type. */
    public static final String DEFAULT_TOKEN_TYPE = "Bearer";
    private static final Set<String> KNOWN_KEYS = Set.of("access_token", "token_type", "refresh_token", "scope",
            "expires_in", "expires_at", "id_token", "raw");
    private static final List<String> KNOWN_KEY_ORDER = List.copyOf(KNOWN_KEYS);
    private static final Set<String> SECRET_KEYS = Set.of("access_token", "refresh_token", "id_token");

    /**
     * Defaults a missing or blank token type to {@link #DEFAULT_TOKEN_TYPE} and copies the collections.
     *
     * @param accessToken the access token ({@code gho_}, {@code ghu_}, {@code ghp_}, ...; treated as opaque)
     * @param tokenType the token type; GitHub sends {@code bearer}; default {@code Bearer}
     * @param refreshToken the refresh token ({@code ghr_}), for GitHub App tokens that expire; or null
     * @param scope the granted scopes (GitHub may grant fewer than requested); null when unknown
     * @param expiresIn the lifetime in seconds GitHub announced, or null for tokens that do not expire
     * @param expiresAt when the access token expires, computed at exchange time; null when it does not
     * @param idToken an OpenID Connect id token, or null (GitHub does not issue them)
     * @param raw the rest of the token response (never the tokens themselves)
     */
    public GithubUserCredentials {
        tokenType = tokenType == null || tokenType.isBlank() ? DEFAULT_TOKEN_TYPE : tokenType;
        // A frozen list of strings (parsed from a stored row) is immutable and shared with nobody
        // that could change it: kept as it is, as List.copyOf keeps an immutable list.
        scope = scope == null ? null : Json.isFrozenList(scope) && !scope.contains(null) ? scope : List.copyOf(scope);
        raw = raw == null || raw.isEmpty() ? Map.of() : Json.deepCopy(raw);
    }

    /**
     * Credentials holding just an access token (for example a personal access token).
     *
     * @param accessToken the token
     * @return credentials of type {@link #DEFAULT_TOKEN_TYPE} without expiry or refresh token
     */
    public static GithubUserCredentials ofToken(@Nullable String accessToken) {
        return builder().accessToken(accessToken).build();
    }

    /**
     * A new builder.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder holding these credentials' values, to derive changed credentials.
     *
     * @return a builder with every field of these credentials set
     */
    public Builder toBuilder() {
        return new Builder().accessToken(accessToken).tokenType(tokenType).refreshToken(refreshToken).scope(scope)
                .expiresIn(expiresIn).expiresAt(expiresAt).idToken(idToken).raw(raw);
    }

    /**
     * Builds credentials from a token-endpoint response.
     *
     * @param response the response parameters
     * @param requestedAt when the request was sent; {@code expires_at = requestedAt + expires_in}
     * @return the credentials; {@link #raw()} holds the response's other fields
     * @throws InvalidCredentialsException when a field has the wrong type or {@code expires_in} is
     *     not a whole number of seconds within {@link EpochSeconds#MAX_LIFETIME_SECONDS}
     */
    public static GithubUserCredentials fromTokenResponse(Map<String, ?> response, Instant requestedAt) {
        try {
            return readTokenResponse(response, requestedAt);
        } catch (IllegalArgumentException | ConfigurationException | DateTimeException e) {
            throw new InvalidCredentialsException("GitHub token response is invalid: " + e.getMessage());
        }
    }

    private static GithubUserCredentials readTokenResponse(Map<String, ?> response, Instant requestedAt) {
        Long expiresIn = longValue(response.get("expires_in"), "expires_in");
        Map<String, Object> raw = new LinkedHashMap<>();
        response.forEach((key, value) -> {
            if (!SECRET_KEYS.contains(key) && !KNOWN_KEYS.contains(key)) {
                raw.put(key, value);
            }
        });
        return new GithubUserCredentials(string(response.get("access_token"), "access_token"),
                orDefaultType(string(response.get("token_type"), "token_type")), string(response.get("refresh_token"), "refresh_token"),
                scopes(response.get("scope")), expiresIn,
                expiresIn == null ? null : requestedAt.plusSeconds(expiresIn),
                string(response.get("id_token"), "id_token"), raw);
    }

    /**
     * Reads credentials from their map form. {@code expires_at} is epoch seconds (a number, or a
     * string holding one) up to {@link EpochSeconds#MAX_EPOCH_SECOND}; {@code expires_in} whole
     * seconds up to {@link EpochSeconds#MAX_LIFETIME_SECONDS}; {@code scope} a list or a
     * comma/space separated string.
     *
     * @param map the map form, as {@link #toMap()} writes it
     * @return the credentials; keys this version does not know go to {@link #raw()}
     * @throws InvalidCredentialsException when a field has the wrong type or is out of range
     */
    public static GithubUserCredentials fromMap(Map<String, ?> map) {
        Object givenRaw = map.get("raw");
        if (givenRaw != null && !(givenRaw instanceof Map<?, ?>)) {
            throw new InvalidCredentialsException("GitHub credentials field 'raw' must be a JSON object");
        }
        // Every session open reads stored credentials through here, and they usually hold only
        // known keys and an empty raw: then there is nothing to collect, and no map is made.
        Map<String, Object> raw = Map.of();
        if ((givenRaw != null && !((Map<?, ?>) givenRaw).isEmpty()) || hasUnknownKeys(map)) {
            Map<String, Object> collected = new LinkedHashMap<>();
            if (givenRaw != null) {
                ((Map<?, ?>) givenRaw).forEach((k, v) -> collected.put(String.valueOf(k), v));
            }
            map.forEach((key, value) -> {
                if (!KNOWN_KEYS.contains(key)) {
                    collected.put(key, value);
                }
            });
            raw = collected;
        }
        try {
            return new GithubUserCredentials(string(map.get("access_token"), "access_token"),
                    orDefaultType(string(map.get("token_type"), "token_type")), string(map.get("refresh_token"), "refresh_token"),
                    scopes(map.get("scope")), longValue(map.get("expires_in"), "expires_in"),
                    EpochSeconds.parse(map.get("expires_at"), "expires_at"), string(map.get("id_token"), "id_token"), raw);
        } catch (IllegalArgumentException | ConfigurationException | DateTimeException e) {
            throw new InvalidCredentialsException("GitHub credentials map is invalid: " + e.getMessage());
        }
    }

    /** The map form with snake_case keys; absent values are null. Holds tokens: store it, never log it. */
    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("access_token", accessToken);
        map.put("token_type", tokenType);
        map.put("refresh_token", refreshToken);
        map.put("scope", scope);
        map.put("expires_in", expiresIn);
        map.put("expires_at", expiresAt == null ? null : EpochSeconds.format(expiresAt));
        map.put("id_token", idToken);
        map.put("raw", raw);
        return map;
    }

    /**
     * Whether the access token expires within {@code skew} of {@code now}. Tokens without expiry never do.
     *
     * @param now the current time
     * @param skew how long before the expiry a token already counts as expired
     * @return true when {@link #expiresAt()} is set and not after {@code now + skew}
     */
    public boolean isExpired(Instant now, Duration skew) {
        return expiresAt != null && !now.plus(skew).isBefore(expiresAt);
    }

    /** Never prints a token. */
    @Override
    public String toString() {
        return "GithubUserCredentials[tokenType=" + tokenType + ", scope=" + scope + ", expiresAt=" + expiresAt
                + ", accessToken=" + redacted(accessToken) + ", refreshToken=" + redacted(refreshToken)
                + ", idToken=" + redacted(idToken) + ", raw=" + raw.keySet() + "]";
    }

    /** The constructor maps a missing type to the default; this does it before, for the non-null component. */
    private static String orDefaultType(@Nullable String tokenType) {
        return tokenType == null ? DEFAULT_TOKEN_TYPE : tokenType;
    }

    private static String redacted(@Nullable String secret) {
        return secret == null ? "none" : "<redacted>";
    }

    private static @Nullable String string(@Nullable Object value, String field) {
        if (value == null) {
            return null;
        }
        if (value instanceof String s) {
            return s.isEmpty() ? null : s;
        }
        throw new IllegalArgumentException("'" + field + "' must be a string");
    }

    private static @Nullable Long longValue(@Nullable Object value, String field) {
        return EpochSeconds.lifetime(value, field);
    }

    /** Whether {@code map} has a key besides {@link #KNOWN_KEYS}; by lookups, so no iterator or entry is made. */
    private static boolean hasUnknownKeys(Map<String, ?> map) {
        int known = 0;
        for (String key : KNOWN_KEY_ORDER) {
            if (map.containsKey(key)) {
                known++;
            }
        }
        return known < map.size();
    }

    private static @Nullable List<String> scopes(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof List<?> list && list instanceof java.util.RandomAccess && isPlainStrings(list)) {
            // What stringList returns for these items (it trims and drops blanks): a frozen list as
            // it is (the constructor keeps it), any other in one copy.
            @SuppressWarnings("unchecked")
            List<String> strings = (List<String>) list;
            return Json.isFrozenList(strings) ? strings : List.copyOf(strings);
        }
        // GitHub writes "repo,gist"; other clients write "repo gist": accept both.
        return ConfigValues.stringList(value, "scope");
    }

    /** Whether every item is a non-blank String without surrounding whitespace, as stored scopes are. */
    private static boolean isPlainStrings(List<?> list) {
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof String s) || s.isEmpty() || s.trim() != s) {
                return false;
            }
        }
        return true;
    }

    /** Builds {@link GithubUserCredentials}. */
    public static final class Builder {
        private @Nullable String accessToken;
        private @Nullable String tokenType;
        private @Nullable String refreshToken;
        private @Nullable List<String> scope;
        private @Nullable Long expiresIn;
        private @Nullable Instant expiresAt;
        private @Nullable String idToken;
        private @Nullable Map<String, Object> raw;

        private Builder() {
        }

        /**
         * The access token.
         *
         * @param accessToken the token, or null for none
         * @return this builder
         */
        public Builder accessToken(@Nullable String accessToken) {
            this.accessToken = accessToken;
            return this;
        }

        /**
         * The token type.
         *
         * @param tokenType the type, or null for {@link GithubUserCredentials#DEFAULT_TOKEN_TYPE}
         * @return this builder
         */
        public Builder tokenType(@Nullable String tokenType) {
            this.tokenType = tokenType;
            return this;
        }

        /**
         * The refresh token.
         *
         * @param refreshToken the token, or null for none
         * @return this builder
         */
        public Builder refreshToken(@Nullable String refreshToken) {
            this.refreshToken = refreshToken;
            return this;
        }

        /**
         * The granted scopes.
         *
         * @param scope the scopes, or null when unknown
         * @return this builder
         */
        public Builder scope(@Nullable List<String> scope) {
            this.scope = scope;
            return this;
        }

        /**
         * The granted scopes.
         *
         * @param scope the scopes
         * @return this builder
         */
        public Builder scope(String... scope) {
            this.scope = List.of(scope);
            return this;
        }

        /**
         * The lifetime GitHub announced.
         *
         * @param expiresIn seconds, or null for a token that does not expire
         * @return this builder
         */
        public Builder expiresIn(@Nullable Long expiresIn) {
            this.expiresIn = expiresIn;
            return this;
        }

        /**
         * When the access token expires.
         *
         * @param expiresAt the expiry, or null when it does not expire
         * @return this builder
         */
        public Builder expiresAt(@Nullable Instant expiresAt) {
            this.expiresAt = expiresAt;
            return this;
        }

        /**
         * The OpenID Connect id token.
         *
         * @param idToken the token, or null for none
         * @return this builder
         */
        public Builder idToken(@Nullable String idToken) {
            this.idToken = idToken;
            return this;
        }

        /**
         * The rest of the token response.
         *
         * @param raw the other fields, or null for none
         * @return this builder
         */
        public Builder raw(@Nullable Map<String, Object> raw) {
            this.raw = raw;
            return this;
        }

        /**
         * The credentials.
         *
         * @return the credentials
         */
        public GithubUserCredentials build() {
            return new GithubUserCredentials(accessToken, orDefaultType(tokenType), refreshToken, scope, expiresIn, expiresAt,
                    idToken, raw == null ? Map.of() : raw);
        }
    }
}
