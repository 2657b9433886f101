package dev.integrations.spring.boot;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The {@code integrations.*} properties. GitHub's fields are those of the SDK's configuration
 * (README, "Configuration"), in kebab case: a property that is set wins over the environment
 * variable for the same field ({@code GITHUB_CLIENT_ID}, ...), which wins over the default.
 */
@ConfigurationProperties("integrations")
public class IntegrationsProperties {
    private final Github github = new Github();
    private final Store store = new Store();
    private final Web web = new Web();

    /** Creates the properties with every value unset. */
    public IntegrationsProperties() {
    }

    /**
     * The GitHub app and client settings.
     *
     * @return {@code integrations.github.*}
     */
    public Github getGithub() {
        return github;
    }

    /**
     * Where credentials and pending authorizations are stored.
     *
     * @return {@code integrations.store.*}
     */
    public Store getStore() {
        return store;
    }

    /**
     * The connect, callback and disconnect endpoints.
     *
     * @return {@code integrations.web.*}
     */
    public Web getWeb() {
        return web;
    }

    /** {@code integrations.github.*}: the OAuth app and the API client. */
    public static class Github {
        /** The OAuth app's client id (GITHUB_CLIENT_ID). */
        private @Nullable String clientId;
        /** The OAuth app's client secret (GITHUB_CLIENT_SECRET). */
        private @Nullable String clientSecret;
        /** The callback URL sent with authorizations (GITHUB_REDIRECT_URI); by default the callback endpoint's URL on the current request's host. */
        private @Nullable String redirectUri;
        /** Where users approve access (GITHUB_AUTHORIZATION_URL); default https://github.com/login/oauth/authorize. */
        private @Nullable String authorizationUrl;
        /** Where codes and refresh tokens are exchanged (GITHUB_TOKEN_URL); default https://github.com/login/oauth/access_token. */
        private @Nullable String tokenUrl;
        /** The REST API's base URL (GITHUB_BASE_URL); default https://api.github.com, for GHES https://HOST/api/v3. */
        private @Nullable String apiUrl;
        /** Scopes requested when an authorization names none; default none (public read access). */
        private List<String> defaultScope = new ArrayList<>();
        /** An app-wide personal access token (GITHUB_TOKEN), for when OAuth is skipped. */
        private @Nullable String token;
        /** Whether subjects without credentials are served with the app-wide token (GITHUB_APP_TOKEN_FALLBACK); default false. */
        private @Nullable Boolean appTokenFallback;
        /** Hosts (host or host:port) a token may be sent to besides the one it was issued for (GITHUB_TRUSTED_HOSTS). */
        private List<String> trustedHosts = new ArrayList<>();
        /** The deadline of each request, token endpoint included (GITHUB_TIMEOUT); default 10 s, at most 1 h. */
        private @Nullable Duration timeout;
        /** The User-Agent sent to GitHub (GITHUB_USER_AGENT); default integrations-java. */
        private @Nullable String userAgent;
        /** The X-GitHub-Api-Version sent (GITHUB_API_VERSION); default 2022-11-28. */
        private @Nullable String apiVersion;

        /** Creates the settings with every value unset. */
        public Github() {
        }

        /**
         * The app credentials in the SDK's snake_case form, only the fields that are set (the
         * others come from the environment, then defaults).
         *
         * @return the map for {@code AuthManager.Builder.provider("github", map)}
         */
        public Map<String, Object> appConfig() {
            Map<String, Object> map = new LinkedHashMap<>();
            put(map, "client_id", clientId);
            put(map, "client_secret", clientSecret);
            put(map, "redirect_uri", redirectUri);
            put(map, "authorization_url", authorizationUrl);
            put(map, "token_url", tokenUrl);
            put(map, "token", token);
            if (!defaultScope.isEmpty()) {
                map.put("default_scope", List.copyOf(defaultScope));
            }
            put(map, "app_token_fallback", appTokenFallback);
            return map;
        }

        /**
         * The API client's settings in the SDK's snake_case form, only those that are set.
         *
         * @return the map for {@code AuthManager.Builder.sessionSettings("github", map)}
         */
        public Map<String, Object> sessionSettings() {
            Map<String, Object> map = new LinkedHashMap<>();
            put(map, "base_url", apiUrl);
            put(map, "user_agent", userAgent);
            put(map, "api_version", apiVersion);
            put(map, "timeout", timeout == null ? null : timeout.toString());
            if (!trustedHosts.isEmpty()) {
                map.put("trusted_hosts", List.copyOf(trustedHosts));
            }
            return map;
        }

        private static void put(Map<String, Object> map, String key, @Nullable Object value) {
            if (value != null && !(value instanceof String s && s.isBlank())) {
                map.put(key, value);
            }
        }

        /**
         * The OAuth app's client id.
         *
         * @return the client id, or null when unset
         */
        public @Nullable String getClientId() {
            return clientId;
        }

        /**
         * Sets the OAuth app's client id.
         *
         * @param clientId the client id
         */
        public void setClientId(@Nullable String clientId) {
            this.clientId = clientId;
        }

        /**
         * The OAuth app's client secret.
         *
         * @return the secret, or null when unset
         */
        public @Nullable String getClientSecret() {
            return clientSecret;
        }

        /**
         * Sets the OAuth app's client secret.
         *
         * @param clientSecret the secret
         */
        public void setClientSecret(@Nullable String clientSecret) {
            this.clientSecret = clientSecret;
        }

        /**
         * The callback URL sent with authorizations.
         *
         * @return the URL, or null when unset
         */
        public @Nullable String getRedirectUri() {
            return redirectUri;
        }

        /**
         * Sets the callback URL sent with authorizations.
         *
         * @param redirectUri the URL registered with the OAuth app
         */
        public void setRedirectUri(@Nullable String redirectUri) {
            this.redirectUri = redirectUri;
        }

        /**
         * Where users approve access.
         *
         * @return the URL, or null when unset
         */
        public @Nullable String getAuthorizationUrl() {
            return authorizationUrl;
        }

        /**
         * Sets where users approve access.
         *
         * @param authorizationUrl the URL
         */
        public void setAuthorizationUrl(@Nullable String authorizationUrl) {
            this.authorizationUrl = authorizationUrl;
        }

        /**
         * Where codes and refresh tokens are exchanged.
         *
         * @return the URL, or null when unset
         */
        public @Nullable String getTokenUrl() {
            return tokenUrl;
        }

        /**
         * Sets where codes and refresh tokens are exchanged.
         *
         * @param tokenUrl the URL
         */
        public void setTokenUrl(@Nullable String tokenUrl) {
            this.tokenUrl = tokenUrl;
        }

        /**
         * The REST API's base URL.
         *
         * @return the URL, or null when unset
         */
        public @Nullable String getApiUrl() {
            return apiUrl;
        }

        /**
         * Sets the REST API's base URL.
         *
         * @param apiUrl the URL
         */
        public void setApiUrl(@Nullable String apiUrl) {
            this.apiUrl = apiUrl;
        }

        /**
         * Scopes requested when an authorization names none.
         *
         * @return the scopes, empty when unset
         */
        public List<String> getDefaultScope() {
            return defaultScope;
        }

        /**
         * Sets the scopes requested when an authorization names none.
         *
         * @param defaultScope the scopes, e.g. {@code repo,read:org}
         */
        public void setDefaultScope(List<String> defaultScope) {
            this.defaultScope = new ArrayList<>(defaultScope);
        }

        /**
         * The app-wide personal access token.
         *
         * @return the token, or null when unset
         */
        public @Nullable String getToken() {
            return token;
        }

        /**
         * Sets the app-wide personal access token.
         *
         * @param token the token
         */
        public void setToken(@Nullable String token) {
            this.token = token;
        }

        /**
         * Whether subjects without credentials are served with the app-wide token.
         *
         * @return the flag, or null when unset
         */
        public @Nullable Boolean getAppTokenFallback() {
            return appTokenFallback;
        }

        /**
         * Sets whether subjects without credentials are served with the app-wide token.
         *
         * @param appTokenFallback the flag
         */
        public void setAppTokenFallback(@Nullable Boolean appTokenFallback) {
            this.appTokenFallback = appTokenFallback;
        }

        /**
         * Hosts a token may be sent to besides the one it was issued for.
         *
         * @return the hosts, empty when unset
         */
        public List<String> getTrustedHosts() {
            return trustedHosts;
        }

        /**
         * Sets the hosts a token may be sent to besides the one it was issued for.
         *
         * @param trustedHosts {@code host} or {@code host:port} entries
         */
        public void setTrustedHosts(List<String> trustedHosts) {
            this.trustedHosts = new ArrayList<>(trustedHosts);
        }

        /**
         * The deadline of each request.
         *
         * @return the deadline, or null when unset
         */
        public @Nullable Duration getTimeout() {
            return timeout;
        }

        /**
         * Sets the deadline of each request.
         *
         * @param timeout the deadline, at most 1 h
         */
        public void setTimeout(@Nullable Duration timeout) {
            this.timeout = timeout;
        }

        /**
         * The User-Agent sent to GitHub.
         *
         * @return the value, or null when unset
         */
        public @Nullable String getUserAgent() {
            return userAgent;
        }

        /**
         * Sets the User-Agent sent to GitHub.
         *
         * @param userAgent the value
         */
        public void setUserAgent(@Nullable String userAgent) {
            this.userAgent = userAgent;
        }

        /**
         * The REST API version sent.
         *
         * @return the version, or null when unset
         */
        public @Nullable String getApiVersion() {
            return apiVersion;
        }

        /**
         * Sets the REST API version sent.
         *
         * @param apiVersion e.g. {@code 2022-11-28}
         */
        public void setApiVersion(@Nullable String apiVersion) {
            this.apiVersion = apiVersion;
        }

        /**
         * Describes the settings without the client secret or token.
         *
         * @return the client id and URLs
         */
        @Override
        public String toString() {
            return "Github[clientId=" + clientId + ", redirectUri=" + redirectUri + ", apiUrl=" + apiUrl
                    + ", clientSecret=" + (clientSecret == null ? "unset" : "<redacted>")
                    + ", token=" + (token == null ? "unset" : "<redacted>") + "]";
        }
    }

    /** {@code integrations.store.*}: the JDBC stores over the application's {@code DataSource}. */
    public static class Store {
        /** Whether credentials go to the application's DataSource when it has one (else memory); default true. */
        private boolean jdbcEnabled = true;
        /** The key ring tokens are encrypted with, 'id:base64key' entries, primary first (INTEGRATIONS_ENCRYPTION_KEYS). */
        private @Nullable String encryptionKeys;
        /** A file holding the key ring (INTEGRATIONS_ENCRYPTION_KEY_FILE). */
        private @Nullable String encryptionKeyFile;
        /** The prefix of the stores' table names; default the JDBC module's. */
        private @Nullable String tablePrefix;
        /** Whether missing tables are created on first use; default true. */
        private boolean createSchema = true;

        /** Creates the settings with the defaults. */
        public Store() {
        }

        /**
         * Whether credentials go to the application's {@code DataSource} when it has one.
         *
         * @return true by default
         */
        public boolean isJdbcEnabled() {
            return jdbcEnabled;
        }

        /**
         * Sets whether credentials go to the application's {@code DataSource} when it has one.
         *
         * @param jdbcEnabled false to keep them in memory
         */
        public void setJdbcEnabled(boolean jdbcEnabled) {
            this.jdbcEnabled = jdbcEnabled;
        }

        /**
         * The key ring tokens are encrypted with.
         *
         * @return the ring, or null when unset
         */
        public @Nullable String getEncryptionKeys() {
            return encryptionKeys;
        }

        /**
         * Sets the key ring tokens are encrypted with.
         *
         * @param encryptionKeys {@code id:base64key} entries, primary first
         */
        public void setEncryptionKeys(@Nullable String encryptionKeys) {
            this.encryptionKeys = encryptionKeys;
        }

        /**
         * A file holding the key ring.
         *
         * @return the path, or null when unset
         */
        public @Nullable String getEncryptionKeyFile() {
            return encryptionKeyFile;
        }

        /**
         * Sets a file holding the key ring.
         *
         * @param encryptionKeyFile the path
         */
        public void setEncryptionKeyFile(@Nullable String encryptionKeyFile) {
            this.encryptionKeyFile = encryptionKeyFile;
        }

        /**
         * The prefix of the stores' table names.
         *
         * @return the prefix, or null for the default
         */
        public @Nullable String getTablePrefix() {
            return tablePrefix;
        }

        /**
         * Sets the prefix of the stores' table names.
         *
         * @param tablePrefix the prefix
         */
        public void setTablePrefix(@Nullable String tablePrefix) {
            this.tablePrefix = tablePrefix;
        }

        /**
         * Whether missing tables are created on first use.
         *
         * @return true by default
         */
        public boolean isCreateSchema() {
            return createSchema;
        }

        /**
         * Sets whether missing tables are created on first use.
         *
         * @param createSchema false when migrations create them
         */
        public void setCreateSchema(boolean createSchema) {
            this.createSchema = createSchema;
        }

        /**
         * Describes the settings without the key ring.
         *
         * @return the flags and table prefix
         */
        @Override
        public String toString() {
            return "Store[jdbcEnabled=" + jdbcEnabled + ", tablePrefix=" + tablePrefix + ", createSchema=" + createSchema
                    + ", encryptionKeys=" + (encryptionKeys == null ? "unset" : "<redacted>") + "]";
        }
    }

    /** {@code integrations.web.*}: the endpoints that connect and disconnect GitHub for the signed-in user. */
    public static class Web {
        /** Whether the connect, callback and disconnect endpoints are served; default true. */
        private boolean enabled = true;
        /** GET: sends the signed-in user to GitHub. */
        private String connectPath = "/integrations/github/connect";
        /** GET: where GitHub sends the user back; completes the authorization. */
        private String callbackPath = "/integrations/github/callback";
        /** POST: deletes the signed-in user's GitHub credentials. */
        private String disconnectPath = "/integrations/github/disconnect";
        /** Where the user is sent after connecting. */
        private String successUrl = "/";
        /** Where the user is sent after a failed or denied connection, with error=CODE added; unset: a 400 page. */
        private @Nullable String failureUrl;
        /** Where the user is sent after disconnecting. */
        private String disconnectedUrl = "/";

        /** Creates the settings with the defaults. */
        public Web() {
        }

        /**
         * Whether the endpoints are served.
         *
         * @return true by default
         */
        public boolean isEnabled() {
            return enabled;
        }

        /**
         * Sets whether the endpoints are served.
         *
         * @param enabled false to serve none
         */
        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /**
         * The connect endpoint's path.
         *
         * @return the path
         */
        public String getConnectPath() {
            return connectPath;
        }

        /**
         * Sets the connect endpoint's path.
         *
         * @param connectPath the path
         */
        public void setConnectPath(String connectPath) {
            this.connectPath = connectPath;
        }

        /**
         * The callback endpoint's path.
         *
         * @return the path
         */
        public String getCallbackPath() {
            return callbackPath;
        }

        /**
         * Sets the callback endpoint's path.
         *
         * @param callbackPath the path
         */
        public void setCallbackPath(String callbackPath) {
            this.callbackPath = callbackPath;
        }

        /**
         * The disconnect endpoint's path.
         *
         * @return the path
         */
        public String getDisconnectPath() {
            return disconnectPath;
        }

        /**
         * Sets the disconnect endpoint's path.
         *
         * @param disconnectPath the path
         */
        public void setDisconnectPath(String disconnectPath) {
            this.disconnectPath = disconnectPath;
        }

        /**
         * Where the user is sent after connecting.
         *
         * @return the URL or path
         */
        public String getSuccessUrl() {
            return successUrl;
        }

        /**
         * Sets where the user is sent after connecting.
         *
         * @param successUrl the URL or path
         */
        public void setSuccessUrl(String successUrl) {
            this.successUrl = successUrl;
        }

        /**
         * Where the user is sent after a failed connection.
         *
         * @return the URL or path, or null for a 400 page
         */
        public @Nullable String getFailureUrl() {
            return failureUrl;
        }

        /**
         * Sets where the user is sent after a failed connection.
         *
         * @param failureUrl the URL or path; {@code error=CODE} is added to its query
         */
        public void setFailureUrl(@Nullable String failureUrl) {
            this.failureUrl = failureUrl;
        }

        /**
         * Where the user is sent after disconnecting.
         *
         * @return the URL or path
         */
        public String getDisconnectedUrl() {
            return disconnectedUrl;
        }

        /**
         * Sets where the user is sent after disconnecting.
         *
         * @param disconnectedUrl the URL or path
         */
        public void setDisconnectedUrl(String disconnectedUrl) {
            this.disconnectedUrl = disconnectedUrl;
        }
    }
}
