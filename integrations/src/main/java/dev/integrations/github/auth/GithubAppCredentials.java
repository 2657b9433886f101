package dev.integrations.github.auth;

import dev.integrations.core.ConfigurationException;
import dev.integrations.internal.config.ConfigValues;
import dev.integrations.internal.http.HeaderValues;

import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * A GitHub OAuth (or GitHub App) client's configuration (app credentials). Immutable;
 * {@code toString()} never prints the client secret or the token.
 *
 * <p>Each field is resolved on its own, in this order: a value given explicitly (builder or map),
 * then the first environment key that is set, then the default:
 * <table>
 *   <caption>Fields, map keys, environment keys and defaults</caption>
 *   <tr><th>field</th><th>map key</th><th>environment keys (first set wins)</th><th>default</th></tr>
 *   <tr><td>authorizationUrl</td><td>{@code authorization_url}</td><td>GITHUB_AUTHORIZATION_URL, GITHUB_AUTHORIZE_URL</td><td>https://github.com/login/oauth/authorize</td></tr>
 *   <tr><td>tokenUrl</td><td>{@code token_url}</td><td>GITHUB_TOKEN_URL</td><td>https://github.com/login/oauth/access_token</td></tr>
 *   <tr><td>clientId</td><td>{@code client_id}</td><td>GITHUB_CLIENT_ID</td><td>none</td></tr>
 *   <tr><td>clientSecret</td><td>{@code client_secret}</td><td>GITHUB_CLIENT_SECRET</td><td>none</td></tr>
 *   <tr><td>redirectUri</td><td>{@code redirect_uri}</td><td>GITHUB_REDIRECT_URI</td><td>none (GitHub uses the app's registered callback)</td></tr>
 *   <tr><td>token</td><td>{@code token}</td><td>GITHUB_TOKEN, GITHUB_API_TOKEN</td><td>none; a personal access token used when a user has no credentials</td></tr>
 *   <tr><td>defaultScope</td><td>{@code default_scope}</td><td>none</td><td>empty (GitHub grants public read access)</td></tr>
 *   <tr><td>appTokenFallback</td><td>{@code app_token_fallback}</td><td>GITHUB_APP_TOKEN_FALLBACK</td><td>false</td></tr>
 * </table>
 *
 * <p>Who the app-wide {@code token} serves: it is a personal access token for applications that
 * skip OAuth. It serves every session when no {@code clientId} is configured, and sessions opened
 * without a subject. When OAuth is configured, a subject without credentials gets a
 * {@code MissingCredentialsException} instead, so a multi-user server never acts as its operator
 * by accident; {@link Builder#appTokenFallback(boolean)} (or {@code GITHUB_APP_TOKEN_FALLBACK=true})
 * opts into serving such subjects with the token anyway. {@code appTokenFallback} is this
 * library's setting, not one of the shared {@link Field}s.
 *
 * <p>{@link #builder()} and {@link #fromMap} record which fields were given; an
 * {@code AuthManager} then fills the others from its environment with
 * {@link #withEnvironment}, so partial configuration in code composes with the environment.
 *
 * <p>Why this class is about 500 lines: every app-credential field exists three ways (builder,
 * map key, environment keys, each documented), and their resolution order is kept in one place
 * so it cannot drift between them.
 */
public final class GithubAppCredentials {
    /** The configuration fields, in their canonical order, with their environment keys and defaults. */
    public enum Field {
        /** Where users approve access ({@code authorization_url}). */
        AUTHORIZATION_URL("authorization_url", List.of("GITHUB_AUTHORIZATION_URL", "GITHUB_AUTHORIZE_URL"),
                "https://github.com/login/oauth/authorize"),
        /** Where codes and refresh tokens are exchanged for tokens ({@code token_url}). */
        TOKEN_URL("token_url", List.of("GITHUB_TOKEN_URL"), "https://github.com/login/oauth/access_token"),
        /** The OAuth app's client id ({@code client_id}). */
        CLIENT_ID("client_id", List.of("GITHUB_CLIENT_ID"), null),
        /** The OAuth app's client secret ({@code client_secret}). */
        CLIENT_SECRET("client_secret", List.of("GITHUB_CLIENT_SECRET"), null),
        /** The redirect URI sent with authorizations ({@code redirect_uri}). */
        REDIRECT_URI("redirect_uri", List.of("GITHUB_REDIRECT_URI"), null),
        /** The app-wide personal access token ({@code token}). */
        TOKEN("token", List.of("GITHUB_TOKEN", "GITHUB_API_TOKEN"), null),
        /** Scopes requested when an authorization names none ({@code default_scope}); no environment key. */
        DEFAULT_SCOPE("default_scope", List.of(), null);

        private final String key;
        private final List<String> environmentKeys;
        private final @Nullable String defaultValue;

        Field(String key, List<String> environmentKeys, @Nullable String defaultValue) {
            this.key = key;
            this.environmentKeys = environmentKeys;
            this.defaultValue = defaultValue;
        }

        /**
         * The snake_case map key.
         *
         * @return the key, e.g. {@code client_id}
         */
        public String key() {
            return key;
        }

        /**
         * The environment keys, in precedence order.
         *
         * @return the keys, first wins; empty when the field is not read from the environment
         */
        public List<String> environmentKeys() {
            return environmentKeys;
        }

        /**
         * The default, or null.
         *
         * @return the default as text, or null when the field has none
         */
        public @Nullable String defaultValue() {
            return defaultValue;
        }

        static @Nullable Field ofKey(String key) {
            for (Field f : values()) {
                if (f.key.equals(key)) {
                    return f;
                }
            }
            return null;
        }
    }

    /** The map key of the fallback opt-in. */
    public static final String APP_TOKEN_FALLBACK_KEY = "app_token_fallback";
    /** The environment key of the fallback opt-in. */
    public static final String APP_TOKEN_FALLBACK_ENV = "GITHUB_APP_TOKEN_FALLBACK";

    private static final List<String> KEYS = java.util.stream.Stream.concat(Arrays.stream(Field.values()).map(Field::key),
            java.util.stream.Stream.of(APP_TOKEN_FALLBACK_KEY)).toList();

    private final Map<Field, Object> values;
    private final Set<Field> explicit;
    /** The fallback opt-in as given explicitly, or null when it comes from the environment or default. */
    private final @Nullable Boolean explicitFallback;
    private final boolean appTokenFallback;

    private GithubAppCredentials(Map<Field, Object> values, Set<Field> explicit, @Nullable Boolean explicitFallback,
                                 boolean appTokenFallback) {
        this.explicitFallback = explicitFallback;
        this.appTokenFallback = appTokenFallback;
        this.values = Collections.unmodifiableMap(new EnumMap<>(values));
        this.explicit = explicit.isEmpty() ? Collections.unmodifiableSet(EnumSet.noneOf(Field.class))
                : Collections.unmodifiableSet(EnumSet.copyOf(explicit));
    }

    /**
     * A new builder; fields left unset take defaults here and the environment in an {@code AuthManager}.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Credentials from an environment (then defaults).
     *
     * @param environment the environment, e.g. {@code System.getenv()}
     * @return the credentials
     */
    public static GithubAppCredentials fromEnvironment(Map<String, String> environment) {
        return builder().build().withEnvironment(environment);
    }

    /**
     * Credentials from a snake_case map (the {@link Field} keys, plus {@code default_scope}); absent keys
     * take defaults here and the environment in an {@code AuthManager}.
     *
 * @param map snake_case keys to values; null values count as absent
 * @return the credentials, the map's fields recorded as given explicitly
     * @throws dev.integrations.core.ConfigurationException for unknown keys or malformed URLs
     */
    public static GithubAppCredentials fromMap(Map<String, ?> map) {
        ConfigValues.rejectUnknownKeys(map, KEYS, "GitHub app credentials");
        Builder builder = builder();
        map.forEach((key, value) -> {
            if (value != null && key.equals(APP_TOKEN_FALLBACK_KEY)) {
                // A blank value reads as unset, like every other field (it used to fail unboxing null).
                Boolean fallback = bool(value, "GitHub " + APP_TOKEN_FALLBACK_KEY);
                if (fallback != null) {
                    builder.appTokenFallback(fallback);
                }
            } else if (value != null) {
                // rejectUnknownKeys above let only the Field keys and the fallback key through.
                builder.set(Objects.requireNonNull(Field.ofKey(key), key), value);
            }
        });
        return builder.build();
    }

    /**
     * These credentials with every field that was not given explicitly taken from
     * {@code environment} (first set key), else its default.
 *
 * @param environment the environment, e.g. {@code System.getenv()}
 * @return new credentials; these stay as they are
     */
    public GithubAppCredentials withEnvironment(Map<String, String> environment) {
        Map<Field, Object> resolved = new EnumMap<>(Field.class);
        for (Field field : Field.values()) {
            if (explicit.contains(field)) {
                resolved.put(field, values.get(field));
            } else {
                String fromEnv = ConfigValues.firstSet(environment, field.environmentKeys());
                String raw = fromEnv != null ? fromEnv : field.defaultValue();
                String source = fromEnv != null ? ConfigValues.firstSetKey(environment, field.environmentKeys()) : "default";
                Object parsed = parse(field, raw, source);
                if (parsed != null) {
                    resolved.put(field, parsed);
                }
            }
        }
        boolean fallback = explicitFallback != null ? explicitFallback
                : Boolean.TRUE.equals(bool(environment.get(APP_TOKEN_FALLBACK_ENV), APP_TOKEN_FALLBACK_ENV));
        return new GithubAppCredentials(resolved, explicit, explicitFallback, fallback);
    }

    /**
     * Where users approve access.
     *
     * @return the URL, given or default
     */
    public URI authorizationUrl() {
        // build() and withEnvironment(...) fill it from its default when it is not given.
        return (URI) Objects.requireNonNull(values.get(Field.AUTHORIZATION_URL));
    }

    /**
     * Where codes and refresh tokens are exchanged for tokens.
     *
     * @return the URL, given or default
     */
    public URI tokenUrl() {
        // build() and withEnvironment(...) fill it from its default when it is not given.
        return (URI) Objects.requireNonNull(values.get(Field.TOKEN_URL));
    }

    /**
     * The OAuth app's client id, or null.
     *
     * @return the client id, or null when OAuth is not configured
     */
    public @Nullable String clientId() {
        return (String) values.get(Field.CLIENT_ID);
    }

    /**
     * The OAuth app's client secret, or null.
     *
     * @return the client secret, or null
     */
    public @Nullable String clientSecret() {
        return (String) values.get(Field.CLIENT_SECRET);
    }

    /**
     * The redirect URI sent with authorizations, or null to use the registered callback.
     *
     * @return the redirect URI, or null
     */
    public @Nullable URI redirectUri() {
        return (URI) values.get(Field.REDIRECT_URI);
    }

    /**
     * The app-wide personal access token, or null. It serves sessions without a subject, every
     * session when no client id is configured, and subjects without credentials only when
     * {@link #appTokenFallback()} is on.
 *
 * @return the token, or null
     */
    public @Nullable String token() {
        return (String) values.get(Field.TOKEN);
    }

    /**
     * Whether subjects without credentials are served with the app-wide {@link #token()} even
     * though OAuth is configured (default false).
 *
 * @return true when opted in
     */
    public boolean appTokenFallback() {
        return appTokenFallback;
    }

    /**
     * Whether a session for {@code subject} without user credentials may use {@link #token()}:
     * when it has no subject, when OAuth is not configured (no client id), or when the
     * application opted in with {@link #appTokenFallback()}.
     *
     * @param subject the session's canonical subject, or null
 * @return true when {@link #token()} is set and may serve the session
     */
    public boolean tokenServes(@Nullable String subject) {
        return token() != null && (subject == null || clientId() == null || appTokenFallback);
    }

    /**
     * Scopes requested when an authorization names none.
     *
     * @return the scopes; empty when none are configured
     */
    @SuppressWarnings("unchecked")
    public List<String> defaultScope() {
        return (List<String>) values.getOrDefault(Field.DEFAULT_SCOPE, List.of());
    }

    /**
     * The fields that were given explicitly (builder or map) rather than by environment or default.
     *
     * @return the explicit fields (unmodifiable)
     */
    public Set<Field> explicitFields() {
        return explicit;
    }

    /**
     * The resolved values as a snake_case map (secrets included: do not log it).
     *
     * @return a new map with every field's key and {@code app_token_fallback}; absent values are null
     */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("authorization_url", str(authorizationUrl()));
        map.put("token_url", str(tokenUrl()));
        map.put("client_id", clientId());
        map.put("client_secret", clientSecret());
        map.put("redirect_uri", str(redirectUri()));
        map.put("token", token());
        map.put("default_scope", defaultScope());
        map.put(APP_TOKEN_FALLBACK_KEY, appTokenFallback);
        return map;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GithubAppCredentials other && values.equals(other.values) && explicit.equals(other.explicit)
                && Objects.equals(explicitFallback, other.explicitFallback) && appTokenFallback == other.appTokenFallback;
    }

    @Override
    public int hashCode() {
        return Objects.hash(values, explicit, explicitFallback, appTokenFallback);
    }

    /** Never prints the client secret or the token. */
    @Override
    public String toString() {
        return "GithubAppCredentials[clientId=" + clientId() + ", authorizationUrl=" + authorizationUrl() + ", tokenUrl="
                + tokenUrl() + ", redirectUri=" + redirectUri() + ", defaultScope=" + defaultScope() + ", clientSecret="
                + (clientSecret() == null ? "unset" : "<redacted>") + ", token=" + (token() == null ? "unset" : "<redacted>")
                + ", appTokenFallback=" + appTokenFallback + "]";
    }

    private static @Nullable String str(@Nullable Object o) {
        return o == null ? null : o.toString();
    }

    private static @Nullable Boolean bool(@Nullable Object value, String label) {
        if (value == null) {
            return null;
        }
        if (value instanceof Boolean b) {
            return b;
        }
        String text = ConfigValues.string(value, label);
        if (text == null) {
            return null;
        }
        return switch (text.toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "on", "1" -> true;
            case "false", "no", "off", "0" -> false;
            default -> throw new ConfigurationException(label + " must be true or false, got '" + text + "'");
        };
    }

    private static @Nullable Object parse(Field field, @Nullable Object value, @Nullable String source) {
        String label = "GitHub " + field.key() + (source == null ? "" : " (from " + source + ")");
        return switch (field) {
            // Paths and parameters are appended to the endpoints; a redirect URI may carry a query.
            case AUTHORIZATION_URL, TOKEN_URL -> ConfigValues.endpointUri(value, label);
            case REDIRECT_URI -> ConfigValues.httpUri(value, label);
            case DEFAULT_SCOPE -> ConfigValues.stringList(value, label);
            case TOKEN -> headerSafe(ConfigValues.string(value, label), label);
            default -> ConfigValues.string(value, label);
        };
    }

    /**
     * The token goes into an {@code Authorization} header: refuse what a header cannot hold here,
     * naming the setting, because the JDK's refusal at send time would quote the token.
     */
    private static @Nullable String headerSafe(@Nullable String token, String label) {
        String problem = HeaderValues.problem(token, false);
        if (problem != null) {
            throw new ConfigurationException(label + " " + problem + "; a token is plain visible ASCII. Remove the"
                    + " character (a byte-order mark from a token file, a zero-width space or line break from copying"
                    + " are the usual causes) and set it again");
        }
        return token;
    }

    /** Builds {@link GithubAppCredentials}. */
    public static final class Builder {
        private final Map<Field, Object> values = new EnumMap<>(Field.class);
        private final Set<Field> explicit = EnumSet.noneOf(Field.class);
        private @Nullable Boolean appTokenFallback;

        private Builder() {
        }

        Builder set(Field field, @Nullable Object value) {
            Object parsed = parse(field, value, null);
            if (parsed == null) {
                values.remove(field);
                explicit.remove(field);
            } else {
                values.put(field, parsed);
                explicit.add(field);
            }
            return this;
        }

        /**
         * Where users approve access; override when hosting your own OAuth app UI.
         *
         * @param url an absolute http(s) URL, or null for the default
         * @return this builder
         */
        public Builder authorizationUrl(@Nullable String url) {
            return set(Field.AUTHORIZATION_URL, url);
        }

        /**
         * Where codes are exchanged for tokens; rarely changed.
         *
         * @param url an absolute http(s) URL, or null for the default
         * @return this builder
         */
        public Builder tokenUrl(@Nullable String url) {
            return set(Field.TOKEN_URL, url);
        }

        /**
         * The OAuth app's client id.
         *
         * @param clientId the client id, or null to leave it unset
         * @return this builder
         */
        public Builder clientId(@Nullable String clientId) {
            return set(Field.CLIENT_ID, clientId);
        }

        /**
         * The OAuth app's client secret.
         *
         * @param clientSecret the client secret, or null to leave it unset
         * @return this builder
         */
        public Builder clientSecret(@Nullable String clientSecret) {
            return set(Field.CLIENT_SECRET, clientSecret);
        }

        /**
         * The redirect URI to send with authorizations.
         *
         * @param redirectUri an absolute http(s) URL, or null to use the registered callback
         * @return this builder
         */
        public Builder redirectUri(@Nullable String redirectUri) {
            return set(Field.REDIRECT_URI, redirectUri);
        }

        /**
         * A personal access token to use when you skip OAuth.
         *
         * @param token the token, or null to leave it unset
         * @return this builder
         */
        public Builder token(@Nullable String token) {
            return set(Field.TOKEN, token);
        }

        /**
         * Whether subjects without credentials are served with the app-wide {@link #token} even
         * though OAuth is configured (default false, or {@code GITHUB_APP_TOKEN_FALLBACK}). Turn
         * it on only when every user of the application may act as the token's owner: in a
         * multi-user server it makes users who never connected act as the operator.
 *
 * @param fallback true to serve such subjects with the token
 * @return this builder
         */
        public Builder appTokenFallback(boolean fallback) {
            this.appTokenFallback = fallback;
            return this;
        }

        /**
         * Scopes requested when an authorization names none.
         *
         * @param scopes the scopes
         * @return this builder
         */
        public Builder defaultScope(String... scopes) {
            return set(Field.DEFAULT_SCOPE, new ArrayList<>(Arrays.asList(scopes)));
        }

        /**
         * Scopes requested when an authorization names none.
         *
         * @param scopes the scopes, or null to leave them unset
         * @return this builder
         */
        public Builder defaultScope(@Nullable List<String> scopes) {
            return set(Field.DEFAULT_SCOPE, scopes);
        }

        /**
         * Builds the credentials: given fields, then defaults (the environment is applied by {@code AuthManager}).
         *
         * @return the credentials
         */
        public GithubAppCredentials build() {
            Map<Field, Object> resolved = new EnumMap<>(values);
            for (Field field : Field.values()) {
                if (!resolved.containsKey(field) && field.defaultValue() != null) {
                    resolved.put(field, parse(field, field.defaultValue(), "default"));
                }
            }
            return new GithubAppCredentials(resolved, explicit, appTokenFallback, Boolean.TRUE.equals(appTokenFallback));
        }
    }
}
