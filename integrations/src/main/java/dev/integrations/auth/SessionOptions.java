package dev.integrations.auth;

import dev.integrations.ClientKey;
import dev.integrations.internal.config.ConfigValues;
import dev.integrations.internal.json.Json;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

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
public record SessionOptions(String subject, Set<String> providers, Map<String, Object> credentials,
                             boolean autoLoadCredentials, Map<String, Map<String, ?>> overrides) {
    public SessionOptions {
        providers = Set.copyOf(providers);
        credentials = Map.copyOf(credentials);
        overrides = Map.copyOf(overrides);
    }

    /** A new builder. */
    public static Builder builder() {
        return new Builder();
    }

    /** Never prints credentials. */
    @Override
    public String toString() {
        return "SessionOptions[subject=" + subject + ", providers=" + providers + ", credentials=" + credentials.keySet()
                + ", autoLoadCredentials=" + autoLoadCredentials + ", overrides=" + overrides.keySet() + "]";
    }

    /** Builds {@link SessionOptions}. */
    public static final class Builder {
        private String subject;
        private final Set<String> providers = new LinkedHashSet<>();
        private final Map<String, Object> credentials = new LinkedHashMap<>();
        private boolean autoLoadCredentials = true;
        private final Map<String, Map<String, ?>> overrides = new LinkedHashMap<>();

        private Builder() {
        }

        /** Whose credentials to use: a String or a Map (canonicalised). */
        public Builder subject(Object subject) {
            this.subject = Subject.canonical(subject);
            return this;
        }

        /** Only these providers (case-insensitive); the default is every configured provider. */
        public Builder providers(String... names) {
            Arrays.stream(names).map(ClientKey::normalizeName).forEach(providers::add);
            return this;
        }

        /** Uses these credentials for {@code provider} instead of stored ones. */
        public Builder withCredentials(String provider, UserCredentials credentials) {
            this.credentials.put(ClientKey.normalizeName(provider), Objects.requireNonNull(credentials, "credentials"));
            return this;
        }

        /** Uses these credentials (snake_case map) for {@code provider} instead of stored ones. */
        public Builder withCredentials(String provider, Map<String, ?> credentials) {
            this.credentials.put(ClientKey.normalizeName(provider), Json.deepCopy(credentials));
            return this;
        }

        /** Whether to load credentials from the store (default true). */
        public Builder autoLoadCredentials(boolean autoLoad) {
            this.autoLoadCredentials = autoLoad;
            return this;
        }

        /** Merges these snake_case settings into {@code provider}'s settings, after binding. */
        public Builder override(String provider, Map<String, ?> settings) {
            overrides.merge(ClientKey.normalizeName(provider), ConfigValues.copy(settings), (a, b) -> {
                Map<String, Object> merged = new LinkedHashMap<>(a);
                merged.putAll(b);
                return merged;
            });
            return this;
        }

        /** Builds the options. */
        public SessionOptions build() {
            return new SessionOptions(subject, providers, credentials, autoLoadCredentials, overrides);
        }
    }
}
