package dev.integrations.github;

import dev.integrations.core.ConfigurationException;
import dev.integrations.http.InMemoryResponseCache;
import dev.integrations.internal.config.ConfigValues;
import dev.integrations.internal.http.RedirectStep;
import dev.integrations.internal.http.HeaderValues;
import dev.integrations.http.ResponseCache;
import dev.integrations.http.RetryPolicy;
import dev.integrations.http.Sleeper;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

// Why this file is long: the settings table, one documented accessor per setting and a builder
// with one documented setter per setting. The parsing rules (numbers, durations, booleans,
// environment lookup) are in the internal config helper, not here.

/**
 * Immutable settings of a {@link GithubClient}, built with {@link #builder()} or read from a
 * map and the environment ({@link #fromMap(Map, Map)}). A final class rather than a record, so a
 * new setting is a new builder method and accessor, not a new constructor parameter that breaks
 * every caller. Each value comes from, in order: an explicit
 * value, the first set environment key, the default.
 *
 * <table>
 *   <caption>Settings, their map keys and environment keys</caption>
 *   <tr><th>setting</th><th>map key</th><th>environment keys</th><th>default</th></tr>
 *   <tr><td>token</td><td>{@code token}</td><td>GITHUB_TOKEN, GITHUB_PAT, GITHUB_OAUTH_TOKEN, GITHUB_APP_TOKEN</td><td>none (unauthenticated)</td></tr>
 *   <tr><td>authorizationScheme</td><td>{@code authorization_scheme}</td><td>GITHUB_TOKEN_TYPE</td><td>{@code Bearer}</td></tr>
 *   <tr><td>baseUrl</td><td>{@code base_url}</td><td>GITHUB_BASE_URL</td><td>{@code https://api.github.com}</td></tr>
 *   <tr><td>userAgent</td><td>{@code user_agent}</td><td>GITHUB_USER_AGENT</td><td>{@code integrations-java}</td></tr>
 *   <tr><td>timeout</td><td>{@code timeout}</td><td>GITHUB_TIMEOUT</td><td>10 seconds (at most 1 hour)</td></tr>
 *   <tr><td>apiVersion</td><td>{@code api_version}</td><td>GITHUB_API_VERSION</td><td>{@code 2022-11-28}</td></tr>
 *   <tr><td>rateLimitPolicy.mode</td><td>{@code rate_limit_policy}</td><td>GITHUB_RATE_LIMIT_POLICY</td><td>{@code fail_fast} (or {@code wait})</td></tr>
 *   <tr><td>rateLimitPolicy.maxWait</td><td>{@code rate_limit_max_wait}</td><td>GITHUB_RATE_LIMIT_MAX_WAIT</td><td>1 hour</td></tr>
 *   <tr><td>rateLimitPolicy.maxRetries</td><td>{@code rate_limit_max_retries}</td><td>GITHUB_RATE_LIMIT_MAX_RETRIES</td><td>3</td></tr>
 *   <tr><td>retryPolicy.maxRetries</td><td>{@code max_retries}</td><td>GITHUB_MAX_RETRIES</td><td>3</td></tr>
 *   <tr><td>retryPolicy.initialBackoff</td><td>{@code retry_backoff}</td><td>GITHUB_RETRY_BACKOFF</td><td>1 second</td></tr>
 *   <tr><td>retryPolicy.maxBackoff</td><td>{@code retry_max_backoff}</td><td>GITHUB_RETRY_MAX_BACKOFF</td><td>30 seconds</td></tr>
 *   <tr><td>maxRedirects</td><td>{@code max_redirects}</td><td>GITHUB_MAX_REDIRECTS</td><td>5</td></tr>
 *   <tr><td>cache</td><td>{@code cache}</td><td>GITHUB_CACHE</td><td>{@code false}</td></tr>
 *   <tr><td>cacheMaxBytes</td><td>{@code cache_max_bytes}</td><td>GITHUB_CACHE_MAX_BYTES</td><td>10 MiB</td></tr>
 *   <tr><td>responseCache</td><td>{@code response_cache}</td><td>(object only)</td><td>an in-memory cache per transport</td></tr>
 *   <tr><td>clock</td><td>{@code clock}</td><td>(object only)</td><td>{@link Clock#systemUTC()}</td></tr>
 *   <tr><td>sleeper</td><td>{@code sleeper}</td><td>(object only)</td><td>{@link Sleeper#system()}</td></tr>
 *   <tr><td>trustedHosts</td><td>{@code trusted_hosts}</td><td>GITHUB_TRUSTED_HOSTS</td><td>none</td></tr>
 * </table>
 *
 * <p>Hosts: for GitHub Enterprise Server use {@code https://HOST/api/v3} as the base URL (request
 * paths are appended to it, so {@code /user} goes to {@code /api/v3/user}); for GHE.com,
 * {@code https://api.SUBDOMAIN.ghe.com}.
 *
 * <p>Traffic settings (see {@link GithubClient} for the chain they configure):
 * {@code rate_limit_*} form the {@link RateLimitPolicy}; {@code max_retries} and
 * {@code retry_*} the {@link RetryPolicy} for 502/503/504 and connection failures of idempotent
 * requests; {@code max_redirects} bounds followed redirects (0 follows none). {@code cache} turns
 * on conditional requests (ETag / Last-Modified) for GETs: off by default because it keeps
 * response bodies in memory; {@code response_cache} replaces the store (any
 * {@link ResponseCache}; by default an {@link InMemoryResponseCache} of {@code cache_max_bytes}
 * shared by every provider on the same transport). Numbers may be given as numbers or strings,
 * durations as in the SDK's duration syntax (10, 2.5, 500ms, 10s, 2m or PT10S), booleans as {@code true/false}, {@code yes/no},
 * {@code on/off} or {@code 1/0}.
 *
 * <p>Credentials are bound to the API host they were issued for. The token is recorded with the
 * origin ({@code scheme://host:port}) of the base URL it was first configured with
 * ({@link #tokenOrigin()}): for a session, the application-wide base URL ({@code GITHUB_BASE_URL}
 * or {@code AuthManager.Builder.sessionSettings}); for settings built directly, the base URL
 * given with the token. A later change of {@code base_url} without a new {@code token} (a session
 * or scope override) keeps that binding, and a request that would carry the token to another
 * origin fails with an {@link UntrustedHostException} before anything is sent. To allow other
 * hosts explicitly, list them in {@code trusted_hosts} ({@code host} or {@code host:port},
 * comma or space separated). Giving a new {@code token} together with a {@code base_url} binds
 * that token to that base URL.
 *
 * <p>{@code clock} and {@code sleeper} are how rate-limit and retry waits measure and spend time;
 * tests replace them to control time instead of sleeping.

 */
public final class GithubSettings {
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
    /** Environment keys for {@link RateLimitPolicy#mode()}. */
    public static final List<String> RATE_LIMIT_POLICY_ENV = List.of("GITHUB_RATE_LIMIT_POLICY");
    /** Environment keys for {@link RateLimitPolicy#maxWait()}. */
    public static final List<String> RATE_LIMIT_MAX_WAIT_ENV = List.of("GITHUB_RATE_LIMIT_MAX_WAIT");
    /** Environment keys for {@link RateLimitPolicy#maxRetries()}. */
    public static final List<String> RATE_LIMIT_MAX_RETRIES_ENV = List.of("GITHUB_RATE_LIMIT_MAX_RETRIES");
    /** Environment keys for {@link RetryPolicy#maxRetries()}. */
    public static final List<String> MAX_RETRIES_ENV = List.of("GITHUB_MAX_RETRIES");
    /** Environment keys for {@link RetryPolicy#initialBackoff()}. */
    public static final List<String> RETRY_BACKOFF_ENV = List.of("GITHUB_RETRY_BACKOFF");
    /** Environment keys for {@link RetryPolicy#maxBackoff()}. */
    public static final List<String> RETRY_MAX_BACKOFF_ENV = List.of("GITHUB_RETRY_MAX_BACKOFF");
    /** Environment keys for {@link #maxRedirects()}. */
    public static final List<String> MAX_REDIRECTS_ENV = List.of("GITHUB_MAX_REDIRECTS");
    /** Environment keys for {@link #cache()}. */
    public static final List<String> CACHE_ENV = List.of("GITHUB_CACHE");
    /** Environment keys for {@link #cacheMaxBytes()}. */
    public static final List<String> CACHE_MAX_BYTES_ENV = List.of("GITHUB_CACHE_MAX_BYTES");
    /** Environment keys for {@link #trustedHosts()}. */
    public static final List<String> TRUSTED_HOSTS_ENV = List.of("GITHUB_TRUSTED_HOSTS");

    /** The scheme sent before the token in {@code Authorization} unless one is configured. */
    public static final String DEFAULT_AUTHORIZATION_SCHEME = "Bearer";
    /** The REST API root of github.com. */
    public static final URI DEFAULT_BASE_URL = URI.create("https://api.github.com");
    /** The {@code User-Agent} sent unless one is configured; GitHub requires one. */
    public static final String DEFAULT_USER_AGENT = "integrations-java";
    /** The deadline of each request (connect, headers and body together) unless one is configured. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);
    /** The {@code X-GitHub-Api-Version} sent unless one is configured. */
    public static final String DEFAULT_API_VERSION = "2022-11-28";
    /** How many redirects of a GET or HEAD are followed unless configured. */
    public static final int DEFAULT_MAX_REDIRECTS = RedirectStep.DEFAULT_MAX_REDIRECTS;
    /** The bound of the default in-memory response cache, in bytes, unless configured. */
    public static final long DEFAULT_CACHE_MAX_BYTES = InMemoryResponseCache.DEFAULT_MAX_BYTES;

    /** How the base URL is named in messages: its map key and environment key. */
    private static final String BASE_URL_FIELD = "GitHub base_url (base_url / GITHUB_BASE_URL)";
    /** How the timeout is named in messages: its map key and environment key. */
    private static final String TIMEOUT_FIELD = "GitHub timeout (timeout / GITHUB_TIMEOUT)";

    /** The map keys accepted by {@link #fromMap} and {@link #withChanges}. */
    public static final List<String> KEYS = List.of("token", "authorization_scheme", "base_url", "user_agent", "timeout",
            "api_version", "rate_limit_policy", "rate_limit_max_wait", "rate_limit_max_retries", "max_retries",
            "retry_backoff", "retry_max_backoff", "max_redirects", "cache", "cache_max_bytes", "response_cache",
            "clock", "sleeper", "trusted_hosts");

    private final @Nullable String token;
    private final String authorizationScheme;
    private final URI baseUrl;
    private final String userAgent;
    private final Duration timeout;
    private final String apiVersion;
    private final RateLimitPolicy rateLimitPolicy;
    private final RetryPolicy retryPolicy;
    private final int maxRedirects;
    private final boolean cache;
    private final long cacheMaxBytes;
    private final @Nullable ResponseCache responseCache;
    private final Clock clock;
    private final Sleeper sleeper;
    private final List<String> trustedHosts;
    private final @Nullable URI tokenOrigin;
    /**
     * {@code ConfigValues.origin(baseUrl)}, computed once and handed on by {@link #withToken}: every
     * session binds a token to the same base URL, and parsing its origin again was a URI per session.
     * Volatile because URI's fields are not final; a race at worst computes it twice.
     */
    private volatile @Nullable URI baseUrlOrigin;

    private GithubSettings(@Nullable String token, @Nullable String authorizationScheme, @Nullable URI baseUrl,
            @Nullable String userAgent, @Nullable Duration timeout, @Nullable String apiVersion,
            @Nullable RateLimitPolicy rateLimitPolicy, @Nullable RetryPolicy retryPolicy, int maxRedirects, boolean cache,
            long cacheMaxBytes, @Nullable ResponseCache responseCache, @Nullable Clock clock, @Nullable Sleeper sleeper,
            @Nullable List<String> trustedHosts, @Nullable URI tokenOrigin) {
        token = token == null || token.isBlank() ? null : token.trim();
        authorizationScheme = normalizeScheme(authorizationScheme);
        baseUrl = stripTrailingSlash(Objects.requireNonNullElse(ConfigValues.endpointUri(baseUrl, BASE_URL_FIELD),
                DEFAULT_BASE_URL));
        userAgent = userAgent == null || userAgent.isBlank() ? DEFAULT_USER_AGENT : userAgent;
        timeout = Objects.requireNonNullElse(timeout, DEFAULT_TIMEOUT);
        ConfigValues.checkTimeout(timeout, TIMEOUT_FIELD);
        apiVersion = apiVersion == null || apiVersion.isBlank() ? DEFAULT_API_VERSION : apiVersion;
        checkHeaderValue(token, false, "GitHub token (token / GITHUB_TOKEN, GITHUB_PAT, GITHUB_OAUTH_TOKEN, GITHUB_APP_TOKEN)");
        checkHeaderValue(authorizationScheme, false, "GitHub authorization_scheme (GITHUB_TOKEN_TYPE)");
        checkHeaderValue(userAgent, true, "GitHub user_agent (GITHUB_USER_AGENT)");
        checkHeaderValue(apiVersion, false, "GitHub api_version (GITHUB_API_VERSION)");
        rateLimitPolicy = Objects.requireNonNullElse(rateLimitPolicy, RateLimitPolicy.DEFAULT);
        retryPolicy = Objects.requireNonNullElse(retryPolicy, RetryPolicy.DEFAULT);
        if (maxRedirects < 0) {
            throw new ConfigurationException("GitHub max_redirects must be 0 or more, got " + maxRedirects);
        }
        if (cacheMaxBytes <= 0) {
            throw new ConfigurationException("GitHub cache_max_bytes must be positive, got " + cacheMaxBytes);
        }
        clock = Objects.requireNonNullElse(clock, Clock.systemUTC());
        sleeper = Objects.requireNonNullElse(sleeper, Sleeper.system());
        trustedHosts = trustedHosts == null ? List.of() : trustedHosts.stream().map(GithubSettings::trustedHost).distinct()
                .toList();
        tokenOrigin = token == null ? null
                : ConfigValues.origin(tokenOrigin != null
                        // httpUri returns null only for a null value
                        ? java.util.Objects.requireNonNull(ConfigValues.httpUri(tokenOrigin, "GitHub tokenOrigin")) : baseUrl);
        this.token = token;
        this.authorizationScheme = authorizationScheme;
        this.baseUrl = baseUrl;
        this.userAgent = userAgent;
        this.timeout = timeout;
        this.apiVersion = apiVersion;
        this.rateLimitPolicy = rateLimitPolicy;
        this.retryPolicy = retryPolicy;
        this.maxRedirects = maxRedirects;
        this.cache = cache;
        this.cacheMaxBytes = cacheMaxBytes;
        this.responseCache = responseCache;
        this.clock = clock;
        this.sleeper = sleeper;
        this.trustedHosts = trustedHosts;
        this.tokenOrigin = tokenOrigin;
    }

    /**
     * Defaults only: unauthenticated, api.github.com.
     *
     * @return settings with every default and no token
     */
    public static GithubSettings defaults() {
        return new GithubSettings(null, null, null, null, null, null, null, null, DEFAULT_MAX_REDIRECTS, false,
                DEFAULT_CACHE_MAX_BYTES, null, null, null, List.of(), null);
    }

    /**
     * Settings from an environment, then defaults.
     *
     * @param environment the environment, e.g. {@code System.getenv()}
     * @return the settings
     */
    public static GithubSettings fromEnvironment(Map<String, String> environment) {
        return fromMap(Map.of(), environment);
    }

    /**
     * Settings from a snake_case map only (no environment), then defaults.
     *
     * @param settings snake_case keys (see {@link #KEYS}) to values
     * @return the settings
     */
    public static GithubSettings fromMap(Map<String, ?> settings) {
        return fromMap(settings, Map.of());
    }

    /**
     * Settings from a snake_case map, then the environment, then defaults, key by key.
     *
     * @param settings snake_case keys (see {@link #KEYS}) to values; they win over the environment
     * @param environment the environment, e.g. {@code System.getenv()}
     * @return the settings
     */
    public static GithubSettings fromMap(Map<String, ?> settings, Map<String, String> environment) {
        ConfigValues.rejectUnknownKeys(settings, KEYS, "GitHub settings");
        Object mode = ConfigValues.pickRaw(settings, "rate_limit_policy", environment, RATE_LIMIT_POLICY_ENV);
        Duration maxWait = ConfigValues.nonNegativeDuration(ConfigValues.pickRaw(settings, "rate_limit_max_wait", environment,
                RATE_LIMIT_MAX_WAIT_ENV), "GitHub rate_limit_max_wait");
        Integer rateLimitRetries = ConfigValues.count(ConfigValues.pickRaw(settings, "rate_limit_max_retries", environment,
                RATE_LIMIT_MAX_RETRIES_ENV), "GitHub rate_limit_max_retries");
        RateLimitPolicy rateLimitPolicy = new RateLimitPolicy(
                mode == null ? RateLimitPolicy.DEFAULT.mode()
                        : mode instanceof RateLimitPolicy.Mode m ? m : RateLimitPolicy.Mode.parse(
                        // string returns null only for a null value
                        java.util.Objects.requireNonNull(ConfigValues.string(mode, "GitHub rate_limit_policy"))),
                maxWait == null ? RateLimitPolicy.DEFAULT_MAX_WAIT : maxWait,
                rateLimitRetries == null ? RateLimitPolicy.DEFAULT_MAX_RETRIES : rateLimitRetries);

        Integer maxRetries = ConfigValues.count(ConfigValues.pickRaw(settings, "max_retries", environment, MAX_RETRIES_ENV), "GitHub max_retries");
        Duration backoff = ConfigValues.nonNegativeDuration(ConfigValues.pickRaw(settings, "retry_backoff", environment, RETRY_BACKOFF_ENV),
                "GitHub retry_backoff");
        Duration maxBackoff = ConfigValues.nonNegativeDuration(ConfigValues.pickRaw(settings, "retry_max_backoff", environment,
                RETRY_MAX_BACKOFF_ENV), "GitHub retry_max_backoff");
        RetryPolicy retryPolicy;
        try {
            Duration initial = backoff == null ? RetryPolicy.DEFAULT.initialBackoff() : backoff;
            retryPolicy = new RetryPolicy(maxRetries == null ? RetryPolicy.DEFAULT.maxRetries() : maxRetries, initial,
                    maxBackoff != null ? maxBackoff
                            : initial.compareTo(RetryPolicy.DEFAULT.maxBackoff()) > 0 ? initial : RetryPolicy.DEFAULT.maxBackoff());
        } catch (IllegalArgumentException e) {
            throw new ConfigurationException("GitHub retry settings are inconsistent: " + e.getMessage(), e);
        }

        Integer maxRedirects = ConfigValues.count(ConfigValues.pickRaw(settings, "max_redirects", environment, MAX_REDIRECTS_ENV),
                "GitHub max_redirects");
        Boolean cache = ConfigValues.bool(ConfigValues.pickRaw(settings, "cache", environment, CACHE_ENV), "GitHub cache");
        Long cacheMaxBytes = ConfigValues.positiveLong(ConfigValues.pickRaw(settings, "cache_max_bytes", environment, CACHE_MAX_BYTES_ENV),
                "GitHub cache_max_bytes");
        return new GithubSettings(
                pick(settings, "token", environment, TOKEN_ENV),
                pick(settings, "authorization_scheme", environment, AUTHORIZATION_SCHEME_ENV),
                ConfigValues.endpointUri(ConfigValues.pickRaw(settings, "base_url", environment, BASE_URL_ENV), BASE_URL_FIELD),
                pick(settings, "user_agent", environment, USER_AGENT_ENV),
                ConfigValues.timeout(ConfigValues.pickRaw(settings, "timeout", environment, TIMEOUT_ENV), TIMEOUT_FIELD),
                pick(settings, "api_version", environment, API_VERSION_ENV),
                rateLimitPolicy,
                retryPolicy,
                maxRedirects == null ? DEFAULT_MAX_REDIRECTS : maxRedirects,
                cache != null && cache,
                cacheMaxBytes == null ? DEFAULT_CACHE_MAX_BYTES : cacheMaxBytes,
                ConfigValues.instance(settings.get("response_cache"), ResponseCache.class, "GitHub response_cache"),
                ConfigValues.instance(settings.get("clock"), Clock.class, "GitHub clock"),
                ConfigValues.instance(settings.get("sleeper"), Sleeper.class, "GitHub sleeper"),
                ConfigValues.stringList(ConfigValues.pickRaw(settings, "trusted_hosts", environment, TRUSTED_HOSTS_ENV),
                        "GitHub trusted_hosts"),
                null);
    }

    /**
     * These settings with the given snake_case keys replaced (a null value restores the default).
     * Unless {@code changes} gives a {@code token}, the token stays bound to its
     * {@link #tokenOrigin()}: changing only {@code base_url} does not make the token valid for
     * the new host (see {@code trusted_hosts}).
     *
     * @param changes snake_case keys (see {@link #KEYS}) to new values; a null value restores the default
     * @return new settings; these stay as they are
     */
    public GithubSettings withChanges(Map<String, ?> changes) {
        ConfigValues.rejectUnknownKeys(changes, KEYS, "GitHub settings");
        Map<String, Object> merged = new LinkedHashMap<>(toMap());
        merged.putAll(changes);
        merged.values().removeIf(Objects::isNull);
        GithubSettings changed = fromMap(merged);
        if (changes.containsKey("token") || changed.token == null || Objects.equals(changed.tokenOrigin, tokenOrigin)) {
            return changed;
        }
        return changed.withTokenOrigin(tokenOrigin);
    }

    /**
     * Whether the token may be sent to {@code target}: it has the origin the token was issued for,
     * or its host is in {@link #trustedHosts()}.
     *
     * @param target an absolute http(s) URL
     * @return true when the token may go there
     */
    public boolean mayReceiveToken(URI target) {
        // Runs for every request: compare in place rather than building origin URIs.
        if (ConfigValues.sameOrigin(tokenOrigin != null ? tokenOrigin : baseUrl, target)) {
            return true;
        }
        String host = target.getHost().toLowerCase(Locale.ROOT);
        return trustedHosts.contains(host) || trustedHosts.contains(host + ":" + ConfigValues.effectivePort(target));
    }

    /**
     * The settings as a snake_case map (the token included: do not log it).
     *
     * @return a new map with an entry for every key of {@link #KEYS}; the {@code token} and
     *     {@code response_cache} values may be null
     */
    public Map<String, Object> toMap() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("token", token);
        map.put("authorization_scheme", authorizationScheme);
        map.put("base_url", baseUrl.toString());
        map.put("user_agent", userAgent);
        map.put("timeout", timeout);
        map.put("api_version", apiVersion);
        map.put("rate_limit_policy", rateLimitPolicy.mode().key());
        map.put("rate_limit_max_wait", rateLimitPolicy.maxWait());
        map.put("rate_limit_max_retries", rateLimitPolicy.maxRetries());
        map.put("max_retries", retryPolicy.maxRetries());
        map.put("retry_backoff", retryPolicy.initialBackoff());
        map.put("retry_max_backoff", retryPolicy.maxBackoff());
        map.put("max_redirects", maxRedirects);
        map.put("cache", cache);
        map.put("cache_max_bytes", cacheMaxBytes);
        map.put("response_cache", responseCache);
        map.put("clock", clock);
        map.put("sleeper", sleeper);
        map.put("trusted_hosts", trustedHosts);
        return map;
    }

    /**
     * A copy with another token and scheme, the token bound to the origin of {@link #baseUrl()}.
     *
     * @param token the token, or null for unauthenticated calls
     * @param scheme the scheme, or null for {@link #DEFAULT_AUTHORIZATION_SCHEME}
     * @return new settings; these stay as they are
     */
    public GithubSettings withToken(@Nullable String token, @Nullable String scheme) {
        return new GithubSettings(this, token, scheme);
    }

    /**
     * {@code base} with another token: what the full constructor would give for
     * {@code (token, scheme, base's other settings, no token origin)}, but only the token's parts
     * are checked and normalised. Every session binds its user's token this way, and re-parsing
     * and re-checking the URLs, timeouts and trusted hosts made settings the largest part of a
     * session open; they were normalised when {@code base} was built.
     */
    private GithubSettings(GithubSettings base, @Nullable String token, @Nullable String authorizationScheme) {
        token = token == null || token.isBlank() ? null : token.trim();
        authorizationScheme = normalizeScheme(authorizationScheme);
        checkHeaderValue(token, false, "GitHub token (token / GITHUB_TOKEN, GITHUB_PAT, GITHUB_OAUTH_TOKEN, GITHUB_APP_TOKEN)");
        checkHeaderValue(authorizationScheme, false, "GitHub authorization_scheme (GITHUB_TOKEN_TYPE)");
        this.token = token;
        this.authorizationScheme = authorizationScheme;
        this.baseUrl = base.baseUrl;
        this.userAgent = base.userAgent;
        this.timeout = base.timeout;
        this.apiVersion = base.apiVersion;
        this.rateLimitPolicy = base.rateLimitPolicy;
        this.retryPolicy = base.retryPolicy;
        this.maxRedirects = base.maxRedirects;
        this.cache = base.cache;
        this.cacheMaxBytes = base.cacheMaxBytes;
        this.responseCache = base.responseCache;
        this.clock = base.clock;
        this.sleeper = base.sleeper;
        this.trustedHosts = base.trustedHosts;
        URI origin = base.baseUrlOrigin();
        this.baseUrlOrigin = origin;
        this.tokenOrigin = token == null ? null : origin;
    }

    private URI baseUrlOrigin() {
        URI origin = baseUrlOrigin;
        if (origin == null) {
            origin = ConfigValues.origin(baseUrl);
            baseUrlOrigin = origin;
        }
        return origin;
    }

    private GithubSettings withTokenOrigin(@Nullable URI origin) {
        return new GithubSettings(token, authorizationScheme, baseUrl, userAgent, timeout, apiVersion, rateLimitPolicy,
                retryPolicy, maxRedirects, cache, cacheMaxBytes, responseCache, clock, sleeper, trustedHosts, origin);
    }

    /** A trusted host as written ({@code host}, {@code host:port} or a URL), normalised to {@code host[:port]}. */
    private static String trustedHost(@Nullable String entry) {
        String text = entry == null ? "" : entry.trim().toLowerCase(Locale.ROOT);
        URI uri;
        try {
            uri = new URI(text.contains("://") ? text : "https://" + text);
        } catch (java.net.URISyntaxException e) {
            uri = null;
        }
        if (uri == null || uri.getHost() == null || uri.getRawUserInfo() != null || (uri.getRawPath() != null
                && !uri.getRawPath().isEmpty() && !uri.getRawPath().equals("/")) || uri.getRawQuery() != null) {
            throw new ConfigurationException("GitHub trusted_hosts (GITHUB_TRUSTED_HOSTS) entries must be host names,"
                    + " optionally with a port (ghe.example.com, 127.0.0.1:8080), got '" + ConfigValues.redactUserInfo(text)
                    + "'");
        }
        return uri.getPort() >= 0 ? uri.getHost() + ":" + uri.getPort() : uri.getHost();
    }

    /**
     * The token sent in {@code Authorization}, or null for unauthenticated calls.
     *
     * @return the token
     */
    public @Nullable String token() {
        return token;
    }

    /**
     * The scheme before the token, normally {@code Bearer}.
     *
     * @return the authorization scheme
     */
    public String authorizationScheme() {
        return authorizationScheme;
    }

    /**
     * The REST API root, without trailing slash; an absolute http(s) URL without userinfo, query or fragment.
     *
     * @return the base url
     */
    public URI baseUrl() {
        return baseUrl;
    }

    /**
     * The User-Agent header GitHub requires.
     *
     * @return the user agent
     */
    public String userAgent() {
        return userAgent;
    }

    /**
     * The deadline of each request, covering connect, response headers and the whole body; positive and at most {@link dev.integrations.http.HttpTransport#MAX_TIMEOUT} (one hour).
     *
     * @return the timeout
     */
    public Duration timeout() {
        return timeout;
    }

    /**
     * The {@code X-GitHub-Api-Version} header.
     *
     * @return the api version
     */
    public String apiVersion() {
        return apiVersion;
    }

    /**
     * What to do about rate limits.
     *
     * @return the rate limit policy
     */
    public RateLimitPolicy rateLimitPolicy() {
        return rateLimitPolicy;
    }

    /**
     * How idempotent requests are retried after transient failures.
     *
     * @return the retry policy
     */
    public RetryPolicy retryPolicy() {
        return retryPolicy;
    }

    /**
     * How many redirects of a GET or HEAD are followed.
     *
     * @return the max redirects
     */
    public int maxRedirects() {
        return maxRedirects;
    }

    /**
     * Whether GETs use conditional requests and a response cache.
     *
     * @return the cache
     */
    public boolean cache() {
        return cache;
    }

    /**
     * The bound of the default in-memory cache.
     *
     * @return the cache max bytes
     */
    public long cacheMaxBytes() {
        return cacheMaxBytes;
    }

    /**
     * The cache to use instead of the default, or null.
     *
     * @return the response cache
     */
    public @Nullable ResponseCache responseCache() {
        return responseCache;
    }

    /**
     * The clock rate-limit waits are measured with.
     *
     * @return the clock
     */
    public Clock clock() {
        return clock;
    }

    /**
     * How rate-limit and retry waits are spent.
     *
     * @return the sleeper
     */
    public Sleeper sleeper() {
        return sleeper;
    }

    /**
     * Hosts ({@code host} or {@code host:port}, lower case) the token may be sent to besides the one it was issued for; empty by default.
     *
     * @return the trusted hosts
     */
    public List<String> trustedHosts() {
        return trustedHosts;
    }

    /**
     * The origin ({@code scheme://host:port}) the token was issued for; null without a token, and when null with a token, the origin of {@code baseUrl}.
     *
     * @return the token origin
     */
    public @Nullable URI tokenOrigin() {
        return tokenOrigin;
    }

    /** Equal when every setting is equal (the same cache, clock and sleeper objects). */
    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof GithubSettings other)) {
            return false;
        }
        return maxRedirects == other.maxRedirects && cache == other.cache && cacheMaxBytes == other.cacheMaxBytes
                && Objects.equals(token, other.token) && authorizationScheme.equals(other.authorizationScheme)
                && baseUrl.equals(other.baseUrl) && userAgent.equals(other.userAgent) && timeout.equals(other.timeout)
                && apiVersion.equals(other.apiVersion) && rateLimitPolicy.equals(other.rateLimitPolicy)
                && retryPolicy.equals(other.retryPolicy) && Objects.equals(responseCache, other.responseCache)
                && clock.equals(other.clock) && sleeper.equals(other.sleeper) && trustedHosts.equals(other.trustedHosts)
                && Objects.equals(tokenOrigin, other.tokenOrigin);
    }

    @Override
    public int hashCode() {
        return Objects.hash(token, authorizationScheme, baseUrl, userAgent, timeout, apiVersion, rateLimitPolicy, retryPolicy,
                maxRedirects, cache, cacheMaxBytes, responseCache, clock, sleeper, trustedHosts, tokenOrigin);
    }

    /**
     * A new builder starting from the defaults.
     *
     * @return a builder holding the defaults
     */
    public static Builder builder() {
        return new Builder(defaults());
    }

    /**
     * A builder starting from these settings.
     *
     * @return a builder holding these settings
     */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /**
     * {@code "bearer"} (GitHub's token_type) and {@code "Bearer"} are the same scheme; GitHub also
     * accepts {@code token}. Anything else is passed through as given.
     *
     * @param scheme the scheme as configured or as GitHub sent it, or null
     * @return {@code Bearer} for null, blank and any case of {@code bearer}; {@code token} for any
     *     case of {@code token}; else the trimmed scheme
     */
    public static String normalizeScheme(@Nullable String scheme) {
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
                + ", timeout=" + timeout + ", apiVersion=" + apiVersion + ", rateLimitPolicy=" + rateLimitPolicy
                + ", retryPolicy=" + retryPolicy + ", maxRedirects=" + maxRedirects + ", cache=" + cache
                + (cache ? ", cacheMaxBytes=" + cacheMaxBytes + (responseCache != null ? ", responseCache=" + responseCache : "") : "")
                + (trustedHosts.isEmpty() ? "" : ", trustedHosts=" + trustedHosts)
                + ", token=" + (token == null ? "none" : "<redacted>") + "]";
    }

    /**
     * These values become headers; the JDK would refuse a bad one with a message quoting it (for
     * the token, the secret itself), so the check comes first and says only where the fault is.
     */
    private static void checkHeaderValue(@Nullable String value, boolean spacesAllowed, String field) {
        String problem = HeaderValues.problem(value, spacesAllowed);
        if (problem != null) {
            throw new ConfigurationException(field + " " + problem + "; it must be plain visible ASCII. Remove the"
                    + " character (a byte-order mark from a token file, a zero-width space or line break from"
                    + " copying are the usual causes) and set it again");
        }
    }

    private static @Nullable String pick(Map<String, ?> settings, String key, Map<String, String> env, List<String> envKeys) {
        Object value = ConfigValues.pickRaw(settings, key, env, envKeys);
        return ConfigValues.string(value, "GitHub " + key);
    }








    private static URI stripTrailingSlash(URI uri) {
        String s = uri.toString();
        return s.endsWith("/") ? URI.create(s.substring(0, s.length() - 1)) : uri;
    }

    /** Builds {@link GithubSettings}. */
    public static final class Builder {
        private @Nullable String token;
        private @Nullable String authorizationScheme;
        private @Nullable URI baseUrl;
        private @Nullable String userAgent;
        private @Nullable Duration timeout;
        private @Nullable String apiVersion;
        private RateLimitPolicy rateLimitPolicy;
        private RetryPolicy retryPolicy;
        private int maxRedirects;
        private boolean cache;
        private long cacheMaxBytes;
        private @Nullable ResponseCache responseCache;
        private Clock clock;
        private Sleeper sleeper;
        private List<String> trustedHosts;
        private @Nullable URI tokenOrigin;

        private Builder(GithubSettings from) {
            token = from.token;
            authorizationScheme = from.authorizationScheme;
            baseUrl = from.baseUrl;
            userAgent = from.userAgent;
            timeout = from.timeout;
            apiVersion = from.apiVersion;
            rateLimitPolicy = from.rateLimitPolicy;
            retryPolicy = from.retryPolicy;
            maxRedirects = from.maxRedirects;
            cache = from.cache;
            cacheMaxBytes = from.cacheMaxBytes;
            responseCache = from.responseCache;
            clock = from.clock;
            sleeper = from.sleeper;
            trustedHosts = from.trustedHosts;
            tokenOrigin = from.tokenOrigin;
        }

        /**
         * The token; it is bound to the base URL the built settings have (see
         * {@link GithubSettings#tokenOrigin()}).
         *
         * @param token the token, or null for unauthenticated calls
         * @return this builder
         */
        public Builder token(@Nullable String token) {
            this.token = token;
            this.tokenOrigin = null;
            return this;
        }

        /**
         * The scheme before the token in {@code Authorization}; {@code bearer} and {@code token}
         * are normalised (see {@link GithubSettings#normalizeScheme}).
         *
         * @param scheme the scheme, or null for {@code Bearer}
         * @return this builder
         */
        public Builder authorizationScheme(@Nullable String scheme) {
            this.authorizationScheme = scheme;
            return this;
        }

        /**
         * The REST API root, e.g. {@code https://ghe.example.com/api/v3}.
         *
         * @param baseUrl the URL, or null for {@link GithubSettings#DEFAULT_BASE_URL}
         * @return this builder
         * @throws ConfigurationException unless an absolute http(s) URL without userinfo, query or fragment
         */
        public Builder baseUrl(@Nullable String baseUrl) {
            this.baseUrl = ConfigValues.endpointUri(baseUrl, BASE_URL_FIELD);
            return this;
        }

        /**
         * The REST API root, e.g. {@code https://ghe.example.com/api/v3}.
         *
         * @param baseUrl the URL, or null for {@link GithubSettings#DEFAULT_BASE_URL}
         * @return this builder
         * @throws ConfigurationException unless an absolute http(s) URL without userinfo, query or fragment
         */
        public Builder baseUrl(@Nullable URI baseUrl) {
            this.baseUrl = ConfigValues.endpointUri(baseUrl, BASE_URL_FIELD);
            return this;
        }

        /**
         * The {@code User-Agent} header GitHub requires; name your application.
         *
         * @param userAgent the header value, or null for the default
         * @return this builder
         */
        public Builder userAgent(@Nullable String userAgent) {
            this.userAgent = userAgent;
            return this;
        }

        /**
         * The deadline of each request (connect, headers and body together).
         *
         * @param timeout the deadline, or null for {@link GithubSettings#DEFAULT_TIMEOUT}
         * @return this builder
         * @throws ConfigurationException unless positive and at most one hour
         */
        public Builder timeout(@Nullable Duration timeout) {
            this.timeout = ConfigValues.timeout(timeout, TIMEOUT_FIELD);
            return this;
        }

        /**
         * The {@code X-GitHub-Api-Version} header.
         *
         * @param apiVersion the version, or null for the default
         * @return this builder
         */
        public Builder apiVersion(@Nullable String apiVersion) {
            this.apiVersion = apiVersion;
            return this;
        }

        /**
         * What to do about rate limits; default {@link RateLimitPolicy#DEFAULT} (fail fast).
         *
         * @param rateLimitPolicy the policy
         * @return this builder
         */
        public Builder rateLimitPolicy(RateLimitPolicy rateLimitPolicy) {
            this.rateLimitPolicy = Objects.requireNonNull(rateLimitPolicy, "rateLimitPolicy");
            return this;
        }

        /**
         * How idempotent requests are retried; {@link RetryPolicy#none()} turns retries off.
         *
         * @param retryPolicy the policy
         * @return this builder
         */
        public Builder retryPolicy(RetryPolicy retryPolicy) {
            this.retryPolicy = Objects.requireNonNull(retryPolicy, "retryPolicy");
            return this;
        }

        /**
         * How many redirects of a GET or HEAD are followed; 0 follows none.
         *
         * @param maxRedirects 0 or more; default {@link GithubSettings#DEFAULT_MAX_REDIRECTS}
         * @return this builder
         */
        public Builder maxRedirects(int maxRedirects) {
            if (maxRedirects < 0) {
                throw new ConfigurationException("GitHub max_redirects must be 0 or more, got " + maxRedirects);
            }
            this.maxRedirects = maxRedirects;
            return this;
        }

        /**
         * Whether GETs use conditional requests and a response cache; default off.
         *
         * @param cache true to cache
         * @return this builder
         */
        public Builder cache(boolean cache) {
            this.cache = cache;
            return this;
        }

        /**
         * The bound of the default in-memory cache, in bytes.
         *
         * @param cacheMaxBytes positive; default {@link GithubSettings#DEFAULT_CACHE_MAX_BYTES}
         * @return this builder
         */
        public Builder cacheMaxBytes(long cacheMaxBytes) {
            if (cacheMaxBytes <= 0) {
                throw new ConfigurationException("GitHub cache_max_bytes must be positive, got " + cacheMaxBytes);
            }
            this.cacheMaxBytes = cacheMaxBytes;
            return this;
        }

        /**
         * The cache to use when {@link #cache(boolean)} is on, instead of the default; null for the default.
         *
         * @param responseCache the cache, or null for the default in-memory one
         * @return this builder
         */
        public Builder responseCache(@Nullable ResponseCache responseCache) {
            this.responseCache = responseCache;
            return this;
        }

        /**
         * The clock rate-limit waits are measured with.
         *
         * @param clock the clock; default the system UTC clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = Objects.requireNonNull(clock, "clock");
            return this;
        }

        /**
         * How rate-limit and retry waits are spent.
         *
         * @param sleeper the sleeper; default real sleeping
         * @return this builder
         */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * Hosts ({@code host} or {@code host:port}) the token may be sent to besides the one it was
         * issued for: an explicit opt-in, for a proxy or mirror of the API that you operate.
         *
         * @param trustedHosts host names, {@code host:port} or URLs; empty for none
         * @return this builder
         */
        public Builder trustedHosts(List<String> trustedHosts) {
            this.trustedHosts = List.copyOf(trustedHosts);
            return this;
        }

        /**
         * Builds the settings.
         *
         * @return the settings
         */
        public GithubSettings build() {
            return new GithubSettings(token, authorizationScheme, baseUrl, userAgent, timeout, apiVersion, rateLimitPolicy,
                    retryPolicy, maxRedirects, cache, cacheMaxBytes, responseCache, clock, sleeper, trustedHosts, tokenOrigin);
        }
    }
}
