package dev.integrations.auth;

import dev.integrations.json.Json;

import java.util.Map;

/**
 * Who credentials belong to. A subject is a string ({@code "user-123"}) or a JSON object
 * ({@code Map.of("tenant", "acme", "user", 42)}); an object is identified by its canonical JSON
 * (keys sorted at every level, no whitespace), so maps with the same content name the same
 * subject whatever their iteration order.
 */
public final class Subject {
    private Subject() {
    }

    /**
     * The canonical string for a subject: the string itself, or the canonical JSON of a map.
     *
     * @throws IllegalArgumentException for null, blank strings, empty maps, maps with values that
     *     are not JSON (strings, numbers, booleans, null, lists, maps), or any other type
     */
    public static String canonical(Object subject) {
        if (subject == null) {
            throw new IllegalArgumentException("subject must not be null");
        }
        if (subject instanceof String s) {
            if (s.isBlank()) {
                throw new IllegalArgumentException("subject must not be blank");
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
}
