package dev.integrations.internal.http;

import org.jspecify.annotations.Nullable;

/**
 * Checks values before they go into HTTP headers. The JDK refuses a header value with a control
 * or non-Latin-1 character by throwing an {@code IllegalArgumentException} that quotes the whole
 * value: for {@code Authorization} that is the token. Checking first lets callers throw a typed
 * exception that names the setting or credential and the offending position, never the value.
 *
 * <p>Allowed: visible ASCII ({@code 0x21..0x7E}) and, where a value may contain words (such as
 * {@code User-Agent}), the space. That is stricter than the JDK (which lets {@code 0x80..0xFF}
 * through), because tokens, schemes and versions are ASCII, and a stray Latin-1 character is a
 * copy-and-paste accident rather than intent.
 */
public final class HeaderValues {
    private HeaderValues() {
    }

    /**
     * What is wrong with {@code value} as a header value, without quoting it; null when nothing is.
     *
     * @param value the value to check (null passes)
     * @param spacesAllowed whether inner spaces are allowed (true for {@code User-Agent}, false for
     *     a token or scheme)
     * @return e.g. {@code "contains a control or non-ASCII character (U+FEFF, a byte-order mark) at
     *     position 1"}, or null
     */
    public static @Nullable String problem(@Nullable String value, boolean spacesAllowed) {
        if (value == null) {
            return null;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > 0x20 && c < 0x7F) {
                continue;
            }
            if (c == ' ' && spacesAllowed) {
                continue;
            }
            String kind = c == ' ' ? "a space" : "a control or non-ASCII character";
            return "contains " + kind + " (" + describe(c) + ") at position " + (i + 1) + " of " + value.length();
        }
        return null;
    }

    /** The code point and, for the usual copy-and-paste accidents, its name; never the surrounding text. */
    private static String describe(char c) {
        String code = String.format("U+%04X", (int) c);
        String name = switch (c) {
            case '\uFEFF' -> "a byte-order mark";
            case '\u200B' -> "a zero-width space";
            case '\u200C', '\u200D', '\u2060' -> "a zero-width joiner or non-joiner";
            case '\u00A0' -> "a non-breaking space";
            case '\r' -> "a carriage return";
            case '\n' -> "a line feed";
            case '\t' -> "a tab";
            case ' ' -> "a space";
            default -> null;
        };
        return name == null ? code : code + ", " + name;
    }
}
