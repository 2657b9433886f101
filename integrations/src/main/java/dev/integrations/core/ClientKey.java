package dev.integrations.core;


import java.util.Locale;
import java.util.Objects;

/**
 * A typed handle for looking up a client in an {@link dev.integrations.Integrations} container:
 * {@code integrations.get(GithubClient.KEY)} returns a {@code GithubClient} without a cast.
 *
 * @param name the client's name, lower case ({@code "github"}); names are case-insensitive
 * @param type the client's class
 * @param <P> the client type
 */
public record ClientKey<P extends ApiClient>(String name, Class<P> type) {
    /**
     * Checks the type and normalises the name.
     *
     * @param name the client's name, lower case ({@code "github"}); names are case-insensitive
     * @param type the client's class
     * @throws NullPointerException when the name or type is null
     * @throws IllegalArgumentException when the name is blank
     */
    public ClientKey {
        Objects.requireNonNull(type, "type");
        name = normalizeName(name);
    }

    /**
     * Creates a key; the name is normalised to lower case.
     *
     * @param <P> the client type
     * @param name the client's name, e.g. {@code "github"}
     * @param type the client's interface or class
     * @return the key
     * @throws IllegalArgumentException when the name is blank
     */
    public static <P extends ApiClient> ClientKey<P> of(String name, Class<P> type) {
        return new ClientKey<>(name, type);
    }

    /**
     * Normalises a client name. Client names are case-insensitive: this is the one place that
     * decides how.
     *
     * @param name a client name in any case, surrounding blanks allowed
     * @return the trimmed name in lower case
     * @throws NullPointerException when the name is null
     * @throws IllegalArgumentException when the name is blank
     */
    public static String normalizeName(String name) {
        Objects.requireNonNull(name, "client name");
        String trimmed = name.trim();
        if (trimmed.isEmpty()) {
            throw new IllegalArgumentException("client name must not be blank");
        }
        return trimmed.toLowerCase(Locale.ROOT);
    }
}
