package dev.integrations.auth;

import dev.integrations.internal.json.Json;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

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
     * @throws IllegalArgumentException for null, blank strings, strings that are the canonical JSON
     *     of an object (pass the map instead), empty maps, maps with values that are not JSON
     *     (strings, numbers, booleans, null, lists, maps), or any other type
     */
    public static String canonical(Object subject) {
        if (subject == null) {
            throw new IllegalArgumentException("subject must not be null");
        }
        if (subject instanceof String s) {
            if (s.isBlank()) {
                throw new IllegalArgumentException("subject must not be blank");
            }
            if (isCanonicalObject(s)) {
                throw new IllegalArgumentException("a String subject must not be the canonical JSON of an object: it would"
                        + " name the same subject as the Map with that content. Pass the Map instead (for example"
                        + " Map.of(\"tenant\", \"acme\", \"user\", \"42\")); credentials stored under the string are"
                        + " found through the Map.");
            }
            return s;
        }
        if (subject instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                throw new IllegalArgumentException("a subject map must not be empty");
            }
            for (Object key : map.keySet()) {
                if (!(key instanceof String)) {
                    throw new IllegalArgumentException("subject map keys must be strings, got " + key);
                }
            }
            @SuppressWarnings("unchecked")
            Map<String, ?> typed = (Map<String, ?>) map;
            try {
                return Json.write(Json.deepCopy(typed));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("subject map must hold only JSON values: " + e.getMessage(), e);
            }
        }
        throw new IllegalArgumentException("subject must be a String or a Map, not " + subject.getClass().getName());
    }

    /** Whether {@code s} is exactly what {@link #canonical} returns for some map. */
    private static boolean isCanonicalObject(String s) {
        if (!s.startsWith("{") || !s.endsWith("}")) {
            return false;
        }
        Map<String, Object> parsed;
        try {
            parsed = Json.parseObject(s.getBytes(StandardCharsets.UTF_8));
        } catch (IOException | RuntimeException e) {
            return false;
        }
        if (parsed == null || parsed.isEmpty()) {
            return false;
        }
        try {
            return Json.write(Json.deepCopy(parsed)).equals(s);
        } catch (RuntimeException e) {
            return false;
        }
    }
}
