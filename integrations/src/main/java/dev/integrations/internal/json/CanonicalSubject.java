package dev.integrations.internal.json;


import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The rules of {@code dev.integrations.auth.Subject}, kept here so the OAuth request types can
 * canonicalise subjects without depending on the auth package.
 */
public final class CanonicalSubject {
    private CanonicalSubject() {
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
