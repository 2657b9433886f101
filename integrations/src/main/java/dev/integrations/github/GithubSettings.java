package dev.integrations.github;

import dev.integrations.config.ConfigValues;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Immutable settings of a {@link GithubProvider}. Each value comes from, in order: an explicit
 * value, the first set environment key, the default.
 *
 * <table>
 *   <caption>Settings, their map keys and environment keys</caption>
 *   <tr><th>setting</th><th>map key</th><th>environment keys</th><th>default</th></tr>
 *   <tr><td>token</td><td>{@code token}</td><td>GITHUB_TOKEN, GITHUB_PAT, GITHUB_OAUTH_TOKEN, GITHUB_APP_TOKEN</td><td>none (unauthenticated)</td></tr>
 *   <tr><td>authorizationScheme</td><td>{@code authorization_scheme}</td><td>GITHUB_TOKEN_TYPE</td><td>{@code Bearer}</td></tr>
 *   <tr><td>baseUrl</td><td>{@code base_url}</td><td>GITHUB_BASE_URL</td><td>{@code https://api.github.com}</td></tr>
 *   <tr><td>userAgent</td><td>{@code user_agent}</td><td>GITHUB_USER_AGENT</td><td>{@code integrations-java}</td></tr>
 *   <tr><td>timeout</td><td>{@code timeout}</td><td>GITHUB_TIMEOUT</td><td>10 seconds</td></tr>
 *   <tr><td>apiVersion</td><td>{@code api_version}</td><td>GITHUB_API_VERSION</td><td>{@code 2022-11-28}</td></tr>
 * </table>
 *
 * <p>For GitHub Enterprise Server use {@code https://HOST/api/v3} as the base URL; for GHE.com,
 * {@code https://api.SUBDOMAIN.ghe.com}.
 *
 * @param token the token sent in {@code Authorization}, or null for unauthenticated calls
 * @param authorizationScheme the scheme before the token, normally {@code Bearer}
 * @param baseUrl the REST API root, without trailing slash
 * @param userAgent the User-Agent header GitHub requires
 * @param timeout the timeout of each request
 * @param apiVersion the {@code X-GitHub-Api-Version} header
 */
public record GithubSettings(String token, String authorizationScheme, URI baseUrl, String userAgent, Duration timeout,
                             String apiVersion) {
    /** Environment keys for {@link #token()}, first set wins. */
    public static final List<String> TOKEN_ENV = List.of("GITHUB_TOKEN", "GITHUB_PAT", "GITHUB_OAUTH_TOKEN", "GITHUB_APP_TOKEN");
    /** Environment keys for {@link #authorizationScheme()}. */
    public static final List<String> AUTHORIZATION_SCHEME_ENV = List.of("GITHUB_TOKEN_TYPE");
    /** Environment keys for {@link #baseUrl()}. */
    public static final List<String> BASE_URL_ENV = List.of("GITHUB_BASE_URL");
    /** Environment keys for {@link #userAgent()}. */
    public static final List<String> USER_AGENT_ENV = List.of("GITHUB_USER_AGENT");
    /** Environment keys for {@link #timeout()}. */
    public static final List<String> TIMEOUT_ENV = List.of("GITHUB_TIMEOUT");
    /** Environment keys for {@link #apiVersion()}. */
    public static final List<String> API_VERSION_ENV = List.of("GITHUB_API_VERSION");

    public static final String DEFAULT_AUTHORIZATION_SCHEME = "Bearer";
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.github.com");
    public static final String DEFAULT_USER_AGENT = "integrations-java";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    public static final String DEFAULT_API_VERSION = "2022-11-28";

    /** The map keys accepted by {@link #fromMap} and {@link #withChanges}. */
    public static final List<String> KEYS = List.of("token", "authorization_scheme", "base_url", "user_agent", "timeout",
            "api_version");

    public GithubSettings {
        token = token == null || token.isBlank() ? null : token.trim();
        authorizationScheme = normalizeScheme(authorizationScheme);
        baseUrl = stripTrailingSlash(Objects.requireNonNullElse(baseUrl, DEFAULT_BASE_URL));
        userAgent = userAgent == null || userAgent.isBlank() ? DEFAULT_USER_AGENT : userAgent;
        timeout = Objects.requireNonNullElse(timeout, DEFAULT_TIMEOUT);
        apiVersion = apiVersion == null || apiVersion.isBlank() ? DEFAULT_API_VERSION : apiVersion;
    }

    /** Defaults only: unauthenticated, api.github.com. */
    public static GithubSettings defaults() {
        return new GithubSettings(null, null, null, null, null, null);
    }

    /** Settings from an environment, then defaults. */
    public static GithubSettings fromEnvironment(Map<String, String> environment) {
        return fromMap(Map.of(), environment);
    }

    /** Settings from a snake_case map only (no environment), then defaults. */
    public static GithubSettings fromMap(Map<String, ?> settings) {
        return fromMap(settings, Map.of());
    }

    /** Settings from a snake_case map, then the environment, then defaults, key by key. */
    public static GithubSettings fromMap(Map<String, ?> settings, Map<String, String> environment) {
        ConfigValues.rejectUnknownKeys(settings, KEYS, "GitHub settings");
        return new GithubSettings(
                pick(settings, "token", environment, TOKEN_ENV),
                pick(settings, "authorization_scheme", environment, AUTHORIZATION_SCHEME_ENV),
                ConfigValues.httpUri(pickRaw(settings, "base_url", environment, BASE_URL_ENV), "GitHub base_url"),
                pick(settings, "user_agent", environment, USER_AGENT_ENV),
                ConfigValues.duration(pickRaw(settings, "timeout", environment, TIMEOUT_ENV), "GitHub timeout"),
                pick(settings, "api_version", environment, API_VERSION_ENV));
    }

    /** These settings with the given snake_case keys replaced (a null value restores the default). */
    public GithubSettings withChanges(Map<String, ?> changes) {
        ConfigValues.rejectUnknownKeys(changes, KEYS, "GitHub settings");
        Map<String, Object> merged = new LinkedHashMap<>(toMap());
        merged.putAll(changes);
        merged.values().removeIf(Objects::isNull);
        return fromMap(merged);
    }

    /** The settings as a snake_case map (the token included: do not log it). */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("token", token);
        map.put("authorization_scheme", authorizationScheme);
        map.put("base_url", baseUrl.toString());
        map.put("user_agent", userAgent);
        map.put("timeout", timeout);
        map.put("api_version", apiVersion);
        return map;
    }

    /** A copy with another token and scheme. */
    public GithubSettings withToken(String token, String scheme) {
        return new GithubSettings(token, scheme, baseUrl, userAgent, timeout, apiVersion);
    }

    /** A new builder starting from the defaults. */
    public static Builder builder() {
        return new Builder(defaults());
    }

    /** A builder starting from these settings. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * {@code "bearer"} (GitHub's token_type) and {@code "Bearer"} are the same scheme; GitHub also
     * accepts {@code token}. Anything else is passed through as given.
     */
    public static String normalizeScheme(String scheme) {
        if (scheme == null || scheme.isBlank()) {
            return DEFAULT_AUTHORIZATION_SCHEME;
        }
        String s = scheme.trim();
        if (s.equalsIgnoreCase("bearer")) {
            return "Bearer";
        }
        if (s.equalsIgnoreCase("token")) {
            return "token";
        }
        return s;
    }

    /** Never prints the token. */
    @Override
    public String toString() {
        return "GithubSettings[baseUrl=" + baseUrl + ", authorizationScheme=" + authorizationScheme + ", userAgent=" + userAgent
                + ", timeout=" + timeout + ", apiVersion=" + apiVersion + ", token=" + (token == null ? "none" : "<redacted>")
                + "]";
    }

    private static String pick(Map<String, ?> settings, String key, Map<String, String> env, List<String> envKeys) {
        Object value = pickRaw(settings, key, env, envKeys);
        return ConfigValues.string(value, "GitHub " + key);
    }

    private static Object pickRaw(Map<String, ?> settings, String key, Map<String, String> env, List<String> envKeys) {
        Object explicit = settings.get(key);
        if (explicit != null && !(explicit instanceof CharSequence cs && cs.toString().isBlank())) {
            return explicit;
        }
        return ConfigValues.firstSet(env, envKeys);
    }

    private static URI stripTrailingSlash(URI uri) {
        String s = uri.toString();
        return s.endsWith("/") ? URI.create(s.substring(0, s.length() - 1)) : uri;
    }

    /** Builds {@link GithubSettings}. */
    public static final class Builder {
        private String token;
        private String authorizationScheme;
        private URI baseUrl;
        private String userAgent;
        private Duration timeout;
        private String apiVersion;

        private Builder(GithubSettings from) {
            token = from.token;
            authorizationScheme = from.authorizationScheme;
            baseUrl = from.baseUrl;
            userAgent = from.userAgent;
            timeout = from.timeout;
            apiVersion = from.apiVersion;
        }

        public Builder token(String token) {
            this.token = token;
            return this;
        }

        public Builder authorizationScheme(String scheme) {
            this.authorizationScheme = scheme;
            return this;
        }

        public Builder baseUrl(String baseUrl) {
            this.baseUrl = ConfigValues.httpUri(baseUrl, "GitHub base_url");
            return this;
        }

        public Builder baseUrl(URI baseUrl) {
            this.baseUrl = ConfigValues.httpUri(baseUrl, "GitHub base_url");
            return this;
        }

        public Builder userAgent(String userAgent) {
            this.userAgent = userAgent;
            return this;
        }

        public Builder timeout(Duration timeout) {
            this.timeout = ConfigValues.duration(timeout, "GitHub timeout");
            return this;
        }

        public Builder apiVersion(String apiVersion) {
            this.apiVersion = apiVersion;
            return this;
        }

        public GithubSettings build() {
            return new GithubSettings(token, authorizationScheme, baseUrl, userAgent, timeout, apiVersion);
        }
    }
}
