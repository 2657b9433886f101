package dev.integrations.github.actions;

import dev.integrations.internal.naming.ParameterNames;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The checks request records run in their constructors, so an invalid request cannot even be
 * built, let alone sent. Every failure names the action and the parameter, in its Java name and,
 * where it differs, in the JSON name agents use.
 */
final class Arguments {
    private Arguments() {
    }

    static String requireText(String action, String parameter, @Nullable String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidActionArgumentsException(action, parameter, "missing required parameter " + label(parameter));
        }
        return value;
    }

    static long requirePositive(String action, String parameter, long value) {
        if (value <= 0) {
            throw new InvalidActionArgumentsException(action, parameter, "missing required parameter " + label(parameter)
                    + " (a number of 1 or more)");
        }
        return value;
    }

    static <T> T requirePresent(String action, String parameter, @Nullable T value) {
        if (value == null) {
            throw new InvalidActionArgumentsException(action, parameter, "missing required parameter " + label(parameter));
        }
        return value;
    }

    /** Rejects a present but blank value, for optional names that GitHub would refuse when blank. */
    static @Nullable String optionalName(String action, String parameter, @Nullable String value) {
        if (value != null && value.isBlank()) {
            throw new InvalidActionArgumentsException(action, parameter, label(parameter) + " must not be blank; leave it unset instead");
        }
        return value;
    }

    static <N extends Number> @Nullable N range(String action, String parameter, @Nullable N value, long minimum, long maximum) {
        if (value != null && (value.longValue() < minimum || value.longValue() > maximum)) {
            throw new InvalidActionArgumentsException(action, parameter, label(parameter) + " must be between " + minimum
                    + " and " + maximum + ", got " + value);
        }
        return value;
    }

    static List<String> requireNonEmpty(String action, String parameter, @Nullable List<String> values) {
        if (values == null || values.isEmpty()) {
            throw new InvalidActionArgumentsException(action, parameter, "missing required parameter " + label(parameter)
                    + " (a non-empty list)");
        }
        return copyOf(action, parameter, values);
    }

    /** An unmodifiable copy, or null when unset (GitHub then keeps its default or the current value). */
    static @Nullable List<String> copy(String action, String parameter, @Nullable List<String> values) {
        return values == null ? null : copyOf(action, parameter, values);
    }

    private static List<String> copyOf(String action, String parameter, List<String> values) {
        List<String> copy = new ArrayList<>(values.size());
        for (String value : values) {
            if (value == null || value.isBlank()) {
                throw new InvalidActionArgumentsException(action, parameter, label(parameter) + " must not contain null or blank entries");
            }
            copy.add(value);
        }
        return Collections.unmodifiableList(copy);
    }

    static Map<String, String> requireNonEmpty(String action, String parameter, @Nullable Map<String, String> values) {
        if (values == null || values.isEmpty()) {
            throw new InvalidActionArgumentsException(action, parameter, "missing required parameter " + label(parameter)
                    + " (at least one entry)");
        }
        Map<String, String> copy = new LinkedHashMap<>();
        values.forEach((key, value) -> {
            if (key == null || key.isBlank() || value == null) {
                throw new InvalidActionArgumentsException(action, parameter, label(parameter)
                        + " must map non-blank names to non-null values");
            }
            copy.put(key, value);
        });
        return Collections.unmodifiableMap(copy);
    }

    /**
     * A file path as GitHub's contents API wants it: leading slashes dropped (people write
     * {@code /docs/a.md} for {@code docs/a.md}); empty, {@code .} and {@code ..} segments refused,
     * since GitHub would answer 404 or 422 and the caller most likely built the path wrongly.
     */
    static String filePath(String action, String path) {
        String trimmed = path;
        while (trimmed.startsWith("/")) {
            trimmed = trimmed.substring(1);
        }
        for (String segment : trimmed.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                throw new InvalidActionArgumentsException(action, "path", "'path' must be a file path such as docs/README.md,"
                        + " without empty, '.' or '..' segments; got '" + path + "'");
            }
        }
        return trimmed;
    }

    /** Whether {@code text} is base64 (MIME flavour: line breaks allowed, as tools often wrap it). */
    static boolean isBase64(String text) {
        try {
            Base64.getMimeDecoder().decode(text);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    static void check(boolean condition, String action, String parameter, String message) {
        if (!condition) {
            throw new InvalidActionArgumentsException(action, parameter, message);
        }
    }

    static String label(String parameter) {
        return ParameterNames.label(parameter);
    }

    static String snakeCase(String camel) {
        return ParameterNames.snakeCase(camel);
    }
}
