package dev.integrations;

import java.util.Locale;
import java.util.Objects;

/**
 * A typed handle for looking up a provider in an {@link Integrations} container:
 * {@code integrations.get(GithubClient.KEY)} returns a {@code GithubClient} without a cast.
 *
 * @param name the provider's name, lower case ({@code "github"}); names are case-insensitive
 * @param type the provider's class
 * @param <P> the provider type
 */
public record ClientKey<P extends ApiClient>(String name, Class<P> type) {
    public ClientKey {
        Objects.requireNonNull(type, "type");
        name = normalizeName(name);
    }

    /** Creates a key; the name is normalised to lower case. */
    public static <P extends ApiClient> ClientKey<P> of(String name, Class<P> type) {
        return new ClientKey<>(name, type);
    }

    /** Client names are case-insensitive: this is the one place that decides how. */
    public static String normalizeName(String name) {
        Objects.requireNonNull(name, "provider name");
        String trimmed = name.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("provider name must not be blank");
        }
        return trimmed.toLowerCase(Locale.ROOT);
    }
}
