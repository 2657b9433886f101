package dev.integrations.auth;

import dev.integrations.internal.json.CanonicalSubject;


/**
 * Who credentials belong to. A subject is a string ({@code "user-123"}) or a JSON object
 * ({@code Map.of("tenant", "acme", "user", 42)}); an object is identified by its canonical JSON
 * (keys sorted at every level, no whitespace), so maps with the same content name the same
 * subject whatever their iteration order.
 *
 * <p>Strings and maps are separate namespaces: a string that is exactly the canonical JSON of a
 * map (for example {@code "{\"tenant\":\"acme\",\"user\":\"admin\"}"}) is refused, because it
 * would read and overwrite that map's credentials. Pass the map itself instead; credentials stored
 * earlier under such a string are the map's and stay readable through it. Any other string,
 * including JSON text that is not canonical (with spaces, or keys out of order), remains a plain
 * string subject, so nothing stored under one becomes unreadable.
 */
public final class Subject {
    private Subject() {
    }

    /**
     * The canonical string for a subject: the string itself, or the canonical JSON of a map.
     *
     * @param subject a String or a Map
     * @return the canonical subject, the key stores use
     * @throws IllegalArgumentException for null, blank strings, strings that are the canonical JSON
     *     of an object (pass the map instead), empty maps, maps with values that are not JSON
     *     (strings, numbers, booleans, null, lists, maps), or any other type
     */
    public static String canonical(Object subject) {
        return CanonicalSubject.canonical(subject);
    }
}
