package dev.integrations.internal.json;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;

/**
 * Parses GitHub's timestamps. GitHub writes them as {@code YYYY-MM-DDTHH:MM:SSZ}; that form is
 * read directly (a few field reads and one {@code Instant}), where {@link Instant#parse} builds a
 * parser context, a field map and several temporaries per call: it was a visible part of the cost
 * of reading a user. Anything else goes to {@link Instant#parse}, so the accepted inputs and the
 * results are exactly its.
 */
public final class Timestamps {
    private Timestamps() {
    }

    /**
     * The instant written in {@code text}.
     *
     * @param text an ISO-8601 instant, e.g. {@code 2008-01-14T04:33:35Z}
     * @return the instant
     * @throws DateTimeParseException when {@link Instant#parse} would throw
     */
    public static Instant parse(String text) {
        if (text.length() == 20 && text.charAt(4) == '-' && text.charAt(7) == '-' && text.charAt(10) == 'T'
                && text.charAt(13) == ':' && text.charAt(16) == ':' && text.charAt(19) == 'Z') {
            int year = digits(text, 0, 4);
            int month = digits(text, 5, 2);
            int day = digits(text, 8, 2);
            int hour = digits(text, 11, 2);
            int minute = digits(text, 14, 2);
            int second = digits(text, 17, 2);
            if (year >= 0 && month >= 0 && day >= 0 && hour >= 0 && hour <= 23 && minute >= 0 && minute <= 59
                    && second >= 0 && second <= 59) {
                try {
                    long days = LocalDate.of(year, month, day).toEpochDay();
                    return Instant.ofEpochSecond(days * 86_400L + hour * 3_600L + minute * 60L + second);
                } catch (DateTimeException e) {
                    // An impossible date (February 30th): Instant.parse gives the error.
                }
            }
        }
        return Instant.parse(text);
    }

    /** The decimal number in {@code text[from, from + count)}, or -1 when a character is not a digit. */
    private static int digits(String text, int from, int count) {
        int value = 0;
        for (int i = from; i < from + count; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
