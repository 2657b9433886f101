package dev.integrations.github.app;

import dev.integrations.core.ConfigurationException;
import dev.integrations.internal.config.ConfigValues;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * A GitHub App's identity for authenticating as the app: its App ID or Client ID (the JWT's
 * {@code iss}) and its private key, plus how early installation tokens are renewed.
 *
 * <p>Each field is taken from, in this order: the value given in code, the environment, the
 * default (see {@link Field}). The private key comes from the first of: a key or PEM text given in
 * code, a file given in code, {@code GITHUB_APP_PRIVATE_KEY} (PEM text), {@code GITHUB_APP_PRIVATE_KEY_PATH}.
 *
 * <p>App ID or Client ID: GitHub accepts either as {@code iss} and recommends the Client ID; when
 * both are set the Client ID is sent. This Client ID has its own key ({@code app_client_id},
 * {@code GITHUB_APP_CLIENT_ID}) rather than reusing the OAuth {@code client_id}
 * ({@code GITHUB_CLIENT_ID}): an application may sign users in with one app and act as another. For
 * the GitHub App user flow, the same app's Client ID and secret go in {@code GITHUB_CLIENT_ID} and
 * {@code GITHUB_CLIENT_SECRET} as for any OAuth flow.
 *
 * <p>Immutable and thread-safe; {@link #toString()} never shows the key.
 */
public final class GithubAppSettings {
    /** The default margin before expiry at which installation tokens are renewed. */
    public static final Duration DEFAULT_TOKEN_REFRESH_MARGIN = Duration.ofMinutes(5);

    /** The settings' fields: snake_case key, environment keys, default. */
    public enum Field {
        /** The App ID, an integer ({@code app_id}). */
        APP_ID("app_id", List.of("GITHUB_APP_ID"), null),
        /** The GitHub App's Client ID, used as the JWT issuer when set ({@code app_client_id}). */
        APP_CLIENT_ID("app_client_id", List.of("GITHUB_APP_CLIENT_ID"), null),
        /** The private key as PEM text, PKCS#1 or PKCS#8 ({@code private_key}). */
        PRIVATE_KEY("private_key", List.of("GITHUB_APP_PRIVATE_KEY"), null),
        /** A PEM file holding the private key ({@code private_key_path}). */
        PRIVATE_KEY_PATH("private_key_path", List.of("GITHUB_APP_PRIVATE_KEY_PATH"), null),
        /** Renew an installation token when less than this remains ({@code token_refresh_margin}). */
        TOKEN_REFRESH_MARGIN("token_refresh_margin", List.of("GITHUB_APP_TOKEN_REFRESH_MARGIN"), "5m");

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
         * @return the key, e.g. {@code app_id}
         */
        public String key() {
            return key;
        }

        /**
         * The environment keys, in precedence order.
         *
         * @return the keys, first wins
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

        String describe() {
            return key + " / " + String.join(", ", environmentKeys);
        }
    }

    private static final List<String> KEYS = List.of(Field.APP_ID.key, Field.APP_CLIENT_ID.key, Field.PRIVATE_KEY.key,
            Field.PRIVATE_KEY_PATH.key, Field.TOKEN_REFRESH_MARGIN.key);

    private final @Nullable Long appId;
    private final @Nullable String clientId;
    private final @Nullable GithubAppPrivateKey privateKey;
    private final @Nullable Path privateKeyPath;
    private final @Nullable String keySource;
    private final @Nullable Duration tokenRefreshMargin;

    private GithubAppSettings(@Nullable Long appId, @Nullable String clientId, @Nullable GithubAppPrivateKey privateKey,
                              @Nullable Path privateKeyPath, @Nullable String keySource,
                              @Nullable Duration tokenRefreshMargin) {
        this.appId = appId;
        this.clientId = clientId;
        this.privateKey = privateKey;
        this.privateKeyPath = privateKeyPath;
        this.keySource = keySource;
        this.tokenRefreshMargin = tokenRefreshMargin;
    }

    /**
     * Starts building settings in code.
     *
     * @return a new builder with nothing set
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Settings from the environment alone (then defaults).
     *
     * @param environment the variables, e.g. {@code System.getenv()}
     * @return the settings; not necessarily complete (see {@link #isConfigured()})
     * @throws ConfigurationException when a variable holds an invalid value (the message names it)
     */
    public static GithubAppSettings fromEnvironment(Map<String, String> environment) {
        return builder().build().withEnvironment(environment);
    }

    /**
     * Settings from a snake_case map (see {@link Field#key()}); absent keys stay unset until
     * {@link #withEnvironment}.
     *
     * @param map the values; {@code private_key} may be PEM text or a {@link GithubAppPrivateKey}
     * @return the settings
     * @throws ConfigurationException when a key is unknown or a value invalid
     */
    public static GithubAppSettings fromMap(Map<String, ?> map) {
        ConfigValues.rejectUnknownKeys(map, KEYS, "GitHub App settings");
        Builder b = builder();
        Long id = ConfigValues.positiveLong(map.get(Field.APP_ID.key), "GitHub App " + Field.APP_ID.describe());
        if (id != null) {
            b.appId(id);
        }
        String client = ConfigValues.string(map.get(Field.APP_CLIENT_ID.key), Field.APP_CLIENT_ID.describe());
        if (client != null) {
            b.clientId(client);
        }
        Object key = map.get(Field.PRIVATE_KEY.key);
        if (key instanceof GithubAppPrivateKey k) {
            b.privateKey(k);
        } else {
            String pem = ConfigValues.string(key, Field.PRIVATE_KEY.describe());
            if (pem != null) {
                b.privateKeyPem(pem);
            }
        }
        String path = ConfigValues.string(map.get(Field.PRIVATE_KEY_PATH.key), Field.PRIVATE_KEY_PATH.describe());
        if (path != null) {
            b.privateKeyPath(Path.of(path));
        }
        Duration margin = ConfigValues.duration(map.get(Field.TOKEN_REFRESH_MARGIN.key), Field.TOKEN_REFRESH_MARGIN.describe());
        if (margin != null) {
            b.tokenRefreshMargin(margin);
        }
        return b.build();
    }

    /**
     * Fills the fields not given in code from the environment, then defaults.
     *
     * @param environment the variables
     * @return new settings; these stay as they are
     * @throws ConfigurationException when a variable holds an invalid value, e.g. a private key
     *     that cannot be read (the message names the variable, never its value)
     */
    public GithubAppSettings withEnvironment(Map<String, String> environment) {
        Long id = appId;
        if (id == null) {
            String key = ConfigValues.firstSetKey(environment, Field.APP_ID.environmentKeys);
            if (key != null) {
                id = parseAppId(environment.get(key), key);
            }
        }
        String client = clientId != null ? clientId : ConfigValues.firstSet(environment, Field.APP_CLIENT_ID.environmentKeys);
        GithubAppPrivateKey key = privateKey;
        Path path = privateKeyPath;
        String source = keySource;
        if (key == null) {
            String pemKey = ConfigValues.firstSetKey(environment, Field.PRIVATE_KEY.environmentKeys);
            String pathKey = ConfigValues.firstSetKey(environment, Field.PRIVATE_KEY_PATH.environmentKeys);
            if (pemKey != null) {
                key = GithubAppPrivateKey.fromPem(Objects.requireNonNull(environment.get(pemKey)), "The GitHub App private"
                        + " key in " + pemKey);
                source = pemKey;
            } else if (pathKey != null) {
                path = Path.of(Objects.requireNonNull(environment.get(pathKey)).trim());
                key = readFile(path, pathKey);
                source = pathKey + "=" + path;
            }
        }
        Duration margin = tokenRefreshMargin;
        if (margin == null) {
            String marginKey = ConfigValues.firstSetKey(environment, Field.TOKEN_REFRESH_MARGIN.environmentKeys);
            margin = ConfigValues.duration(marginKey == null ? Field.TOKEN_REFRESH_MARGIN.defaultValue
                    : environment.get(marginKey), "GitHub App " + Field.TOKEN_REFRESH_MARGIN.describe());
        }
        return new GithubAppSettings(id, client, key, path, source, margin);
    }

    /**
     * The App ID.
     *
     * @return the integer App ID, or null when not set
     */
    public @Nullable Long appId() {
        return appId;
    }

    /**
     * The GitHub App's Client ID.
     *
     * @return the Client ID, or null when not set
     */
    public @Nullable String clientId() {
        return clientId;
    }

    /**
     * The JWT's {@code iss}: the Client ID when set (GitHub's recommendation), else the App ID.
     *
     * @return the issuer, or null when neither is set
     */
    public @Nullable String issuer() {
        return clientId != null ? clientId : appId != null ? Long.toString(appId) : null;
    }

    /**
     * The private key.
     *
     * @return the key, or null when none was given
     */
    public @Nullable GithubAppPrivateKey privateKey() {
        return privateKey;
    }

    /**
     * The file the key was read from.
     *
     * @return the path, or null when the key did not come from a file
     */
    public @Nullable Path privateKeyPath() {
        return privateKeyPath;
    }

    /**
     * How long before expiry an installation token is renewed.
     *
     * @return the margin ({@link #DEFAULT_TOKEN_REFRESH_MARGIN} unless set)
     */
    public Duration tokenRefreshMargin() {
        return tokenRefreshMargin != null ? tokenRefreshMargin : DEFAULT_TOKEN_REFRESH_MARGIN;
    }

    /**
     * Whether an issuer (App ID or Client ID) is set: the app is meant to be used.
     *
     * @return true when {@link #issuer()} is not null
     */
    public boolean isConfigured() {
        return issuer() != null;
    }

    /**
     * Checks that the app can authenticate: an issuer and a key.
     *
     * @return these settings
     * @throws ConfigurationException naming what to set when something is missing
     */
    public GithubAppSettings requireComplete() {
        if (issuer() == null) {
            throw new ConfigurationException("No GitHub App configured: set GITHUB_APP_ID (or GITHUB_APP_CLIENT_ID) and"
                    + " GITHUB_APP_PRIVATE_KEY_PATH (or GITHUB_APP_PRIVATE_KEY), or pass GithubAppSettings to"
                    + " AuthManager.builder().githubApp(...)");
        }
        if (privateKey == null) {
            throw new ConfigurationException("The GitHub App " + issuer() + " has no private key: set"
                    + " GITHUB_APP_PRIVATE_KEY_PATH to the .pem file from the app's settings (or GITHUB_APP_PRIVATE_KEY to"
                    + " its text), or use GithubAppSettings.builder().privateKey(...)");
        }
        return this;
    }

    /**
     * Describes the settings without the key.
     *
     * @return the ids, where the key came from and its public fingerprint
     */
    @Override
    public String toString() {
        return "GithubAppSettings[appId=" + appId + ", clientId=" + clientId
                + ", privateKey=" + (privateKey == null ? "none" : privateKey + " from " + keySource)
                + ", tokenRefreshMargin=" + tokenRefreshMargin() + "]";
    }

    private static Long parseAppId(@Nullable String value, String field) {
        String text = value == null ? "" : value.trim();
        if (!text.matches("[0-9]{1,18}") || Long.parseLong(text) <= 0) {
            throw new ConfigurationException(field + " must be the GitHub App's numeric App ID (shown on the app's settings"
                    + " page), got '" + text + "'; a Client ID (Iv...) goes in GITHUB_APP_CLIENT_ID");
        }
        return Long.parseLong(text);
    }

    private static GithubAppPrivateKey readFile(Path path, String field) {
        try {
            return GithubAppPrivateKey.fromFile(path);
        } catch (ConfigurationException e) {
            throw new ConfigurationException(e.getMessage() + " (from " + field + ")");
        }
    }

    /** Builds {@link GithubAppSettings}; what is not set comes from the environment, then defaults. */
    public static final class Builder {
        private @Nullable Long appId;
        private @Nullable String clientId;
        private @Nullable GithubAppPrivateKey privateKey;
        private @Nullable String privateKeyPem;
        private @Nullable Path privateKeyPath;
        private @Nullable Duration tokenRefreshMargin;

        private Builder() {
        }

        /**
         * Sets the App ID.
         *
         * @param appId the integer App ID from the app's settings page
         * @return this builder
         * @throws IllegalArgumentException when it is not positive
         */
        public Builder appId(long appId) {
            if (appId <= 0) {
                throw new IllegalArgumentException("appId must be positive");
            }
            this.appId = appId;
            return this;
        }

        /**
         * Sets the GitHub App's Client ID, sent as the JWT issuer instead of the App ID.
         *
         * @param clientId the Client ID ({@code Iv...})
         * @return this builder
         */
        public Builder clientId(String clientId) {
            this.clientId = Objects.requireNonNull(clientId, "clientId").trim();
            return this;
        }

        /**
         * Sets the private key.
         *
         * @param privateKey the key
         * @return this builder
         */
        public Builder privateKey(GithubAppPrivateKey privateKey) {
            this.privateKey = Objects.requireNonNull(privateKey, "privateKey");
            return this;
        }

        /**
         * Sets the private key as PEM text (read by {@link #build()}).
         *
         * @param pem PKCS#1 or PKCS#8 PEM text
         * @return this builder
         */
        public Builder privateKeyPem(String pem) {
            this.privateKeyPem = Objects.requireNonNull(pem, "pem");
            return this;
        }

        /**
         * Sets the file to read the private key from (read by {@link #build()}).
         *
         * @param path a PEM file
         * @return this builder
         */
        public Builder privateKeyPath(Path path) {
            this.privateKeyPath = Objects.requireNonNull(path, "path");
            return this;
        }

        /**
         * Sets how long before expiry installation tokens are renewed (default 5 minutes).
         *
         * @param margin the margin, positive and under the tokens' one-hour lifetime
         * @return this builder
         * @throws IllegalArgumentException when it is not positive or not under an hour
         */
        public Builder tokenRefreshMargin(Duration margin) {
            if (margin.isNegative() || margin.isZero() || margin.compareTo(Duration.ofMinutes(59)) > 0) {
                throw new IllegalArgumentException("tokenRefreshMargin must be positive and at most 59 minutes");
            }
            this.tokenRefreshMargin = margin;
            return this;
        }

        /**
         * Applies {@code changes} to this builder.
         *
         * @param changes receives this builder
         * @return this builder
         */
        public Builder apply(Consumer<Builder> changes) {
            changes.accept(this);
            return this;
        }

        /**
         * Builds the settings, reading a key given as PEM text or a file.
         *
         * @return the settings; fields not set are filled by {@link GithubAppSettings#withEnvironment}
         * @throws ConfigurationException when the key cannot be read
         */
        public GithubAppSettings build() {
            GithubAppPrivateKey key = privateKey;
            String source = key != null ? "code" : null;
            if (key == null && privateKeyPem != null) {
                key = GithubAppPrivateKey.fromPem(privateKeyPem, "The GitHub App private key given in code");
                source = "code";
            } else if (key == null && privateKeyPath != null) {
                key = GithubAppPrivateKey.fromFile(privateKeyPath);
                source = "file " + privateKeyPath;
            }
            return new GithubAppSettings(appId, clientId, key, privateKeyPath, source, tokenRefreshMargin);
        }
    }
}
