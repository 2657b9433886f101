package dev.integrations.auth;

import dev.integrations.core.ClientKey;
import dev.integrations.internal.config.ConfigValues;
import dev.integrations.internal.json.Json;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * How to open a session: for whom, with which providers, with which credentials and settings.
 *
 * @param subject the canonical subject, or null for a session without user (app token only)
 * @param providers the providers to include (lower case); empty means every configured provider
 * @param credentials credentials given directly, by provider: {@link UserCredentials} or maps;
 *     these win over stored ones
 * @param autoLoadCredentials whether to load credentials from the store (default true)
 * @param overrides settings to merge into each provider's settings, by provider
 */
public record SessionOptions(@Nullable String subject, Set<String> providers, Map<String, Object> credentials,
                             boolean autoLoadCredentials, Map<String, Map<String, ?>> overrides) {
    /**
     * Copies the collections.
     *
     * @param subject the canonical subject, or null for a session without user (app token only)
     * @param providers the providers to include (lower case); empty means every configured provider
     * @param credentials credentials given directly, by provider: {@link UserCredentials} or maps;
     *     these win over stored ones
     * @param autoLoadCredentials whether to load credentials from the store (default true)
     * @param overrides settings to merge into each provider's settings, by provider
     * @throws NullPointerException when a collection is null or holds a null
     */
    public SessionOptions {
        // The usual session names none of these; copyOf of an empty collection still allocates.
        providers = providers.isEmpty() ? Set.of() : Set.copyOf(providers);
        credentials = credentials.isEmpty() ? Map.of() : Map.copyOf(credentials);
        overrides = overrides.isEmpty() ? Map.of() : Map.copyOf(overrides);
    }

    /**
     * Starts building options.
     *
     * @return a new builder: no subject, every provider, stored credentials loaded
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Describes the options without credentials.
     *
     * @return the subject, providers, credential and override provider names; never credentials
     */
    @Override
    public String toString() {
        return "SessionOptions[subject=" + subject + ", providers=" + providers + ", credentials=" + credentials.keySet()
                + ", autoLoadCredentials=" + autoLoadCredentials + ", overrides=" + overrides.keySet() + "]";
    }

    /** Builds {@link SessionOptions}. */
    public static final class Builder {
        private @Nullable String subject;
        private final Set<String> providers = new LinkedHashSet<>();
        private final Map<String, Object> credentials = new LinkedHashMap<>();
        private boolean autoLoadCredentials = true;
        private final Map<String, Map<String, ?>> overrides = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Sets whose credentials to use.
         *
         * @param subject a non-blank String or a non-empty Map (canonicalised)
         * @return this builder
         * @throws IllegalArgumentException when the subject is not a valid subject
         */
        public Builder subject(Object subject) {
            this.subject = Subject.canonical(subject);
            return this;
        }

        /**
         * Limits the session to these providers; the default is every configured provider. A
         * provider named here must have credentials when the session opens.
         *
         * @param names provider names, case-insensitive
         * @return this builder
         */
        public Builder providers(String... names) {
            Arrays.stream(names).map(ClientKey::normalizeName).forEach(providers::add);
            return this;
        }

        /**
         * Uses these credentials for a provider instead of stored ones.
         *
         * @param provider the provider name, case-insensitive
         * @param credentials the provider's credentials type
         * @return this builder
         */
        public Builder withCredentials(String provider, UserCredentials credentials) {
            this.credentials.put(ClientKey.normalizeName(provider), Objects.requireNonNull(credentials, "credentials"));
            return this;
        }

        /**
         * Uses these credentials for a provider instead of stored ones.
         *
         * @param provider the provider name, case-insensitive
         * @param credentials the credentials as a snake_case map, deep-copied
         * @return this builder
         */
        public Builder withCredentials(String provider, Map<String, ?> credentials) {
            this.credentials.put(ClientKey.normalizeName(provider), Json.deepCopy(credentials));
            return this;
        }

        /**
         * Sets whether to load credentials from the store (default true).
         *
         * @param autoLoad false to use only credentials given with {@code withCredentials}
         * @return this builder
         */
        public Builder autoLoadCredentials(boolean autoLoad) {
            this.autoLoadCredentials = autoLoad;
            return this;
        }

        /**
         * Merges these snake_case settings into a provider's settings, after binding; later calls
         * for the same provider merge on top.
         *
         * @param provider the provider name, case-insensitive
         * @param settings the settings; a null value restores the default
         * @return this builder
         */
        public Builder override(String provider, Map<String, ?> settings) {
            overrides.merge(ClientKey.normalizeName(provider), ConfigValues.copy(settings), (a, b) -> {
                Map<String, Object> merged = new LinkedHashMap<>(a);
                merged.putAll(b);
                return merged;
            });
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         */
        public SessionOptions build() {
            return new SessionOptions(subject, providers, credentials, autoLoadCredentials, overrides);
        }
    }
}
