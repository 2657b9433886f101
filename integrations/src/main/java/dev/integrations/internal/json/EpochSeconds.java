package dev.integrations.internal.json;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Instants as stored credentials write them: epoch seconds, whole or fractional ({@code expires_at}), and
 * lifetimes in whole seconds ({@code expires_in}). One reading for credentials, token responses
 * and stores, so they agree on every value.
 *
 * <p>These values come from the network or from stored maps, so every reading is bounded before
 * any arithmetic: text longer than {@value #MAX_TEXT_LENGTH} characters and exponents beyond
 * &plusmn;{@value #MAX_SCALE} are refused outright (a ten-character {@code "1e50000000"} would
 * otherwise expand into fifty million digits), and results must fall within documented ranges.
 * Errors name the field, never the value, which may sit next to a token.
 */
public final class EpochSeconds {
    /** The latest instant accepted: 9999-12-31T23:59:59Z, the end of what SQL timestamps hold. */
    public static final long MAX_EPOCH_SECOND = 253_402_300_799L;
    /**
     * The longest lifetime accepted, in seconds (about 68 years): the largest value servers send
     * to mean "practically never expires".
     */
    public static final long MAX_LIFETIME_SECONDS = Integer.MAX_VALUE;
    /** The longest numeric text accepted, in characters. */
    public static final int MAX_TEXT_LENGTH = 40;
    /** The largest decimal exponent, either sign, accepted in a number. */
    public static final int MAX_SCALE = 40;

    private static final Pattern WHOLE = Pattern.compile("\\+?[0-9]{1,19}");

    private EpochSeconds() {
    }

    /**
     * Reads a number, or a string holding one, as epoch seconds between 0 and
     * {@link #MAX_EPOCH_SECOND}; fractions are kept to the nanosecond (and truncated beyond).
     *
     * @return the instant, or null for null
     * @throws IllegalArgumentException for other types, non-numeric strings, or out-of-range values
     */
    public static @Nullable Instant parse(@Nullable Object value, String field) {
        if (value == null) {
            return null;
        }
        BigDecimal seconds = decimal(value, field, "epoch seconds");
        if (seconds.signum() < 0 || seconds.compareTo(BigDecimal.valueOf(MAX_EPOCH_SECOND)) > 0) {
            throw new IllegalArgumentException("'" + field + "' must be epoch seconds between 0 and " + MAX_EPOCH_SECOND
                    + " (9999-12-31T23:59:59Z)");
        }
        long whole = seconds.longValue();
        int nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).intValue();
        return Instant.ofEpochSecond(whole, nanos);
    }

    /**
     * Reads a lifetime: a whole number of seconds (a number, or a string holding one) between 0
     * and {@link #MAX_LIFETIME_SECONDS}.
     *
     * @return the seconds, or null for null or a blank string
     * @throws IllegalArgumentException for other types, fractions, non-numeric strings, negative
     *     or out-of-range values
     */
    public static @Nullable Long lifetime(@Nullable Object value, String field) {
        if (value == null || (value instanceof String s && s.isBlank())) {
            return null;
        }
        long seconds;
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            seconds = ((Number) value).longValue();
        } else if (value instanceof String s && WHOLE.matcher(s.strip()).matches()) {
            try {
                seconds = Long.parseLong(s.strip());
            } catch (NumberFormatException e) {
                throw outOfRange(field);
            }
        } else {
            BigDecimal decimal = decimal(value, field, "a whole number of seconds");
            if (decimal.signum() < 0) {
                throw outOfRange(field);
            }
            if (decimal.compareTo(BigDecimal.valueOf(MAX_LIFETIME_SECONDS)) > 0) {
                throw outOfRange(field);
            }
            if (decimal.stripTrailingZeros().scale() > 0) {
                throw new IllegalArgumentException("'" + field + "' must be a whole number of seconds");
            }
            seconds = decimal.longValue();
        }
        if (seconds < 0 || seconds > MAX_LIFETIME_SECONDS) {
            throw outOfRange(field);
        }
        return seconds;
    }

    /** Writes an instant as epoch seconds: a long when whole, else a double. */
    public static Number format(Instant instant) {
        if (instant.getNano() == 0) {
            return instant.getEpochSecond();
        }
        return BigDecimal.valueOf(instant.getEpochSecond()).add(BigDecimal.valueOf(instant.getNano(), 9)).doubleValue();
    }

    private static IllegalArgumentException outOfRange(String field) {
        return new IllegalArgumentException("'" + field + "' must be a whole number of seconds between 0 and "
                + MAX_LIFETIME_SECONDS);
    }

    /**
     * A bounded decimal: its text is short and its exponent small, so comparisons and the
     * conversions above cost a few machine words whatever the input.
     */
    private static BigDecimal decimal(Object value, String field, String what) {
        BigDecimal decimal;
        if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
            return BigDecimal.valueOf(((Number) value).longValue());
        } else if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (!Double.isFinite(d)) {
                throw new IllegalArgumentException("'" + field + "' must be " + what + ", got a non-finite number");
            }
            decimal = BigDecimal.valueOf(d);
        } else if (value instanceof BigInteger big) {
            if (big.bitLength() > 63) {
                throw new IllegalArgumentException("'" + field + "' is out of range for " + what);
            }
            return BigDecimal.valueOf(big.longValue());
        } else if (value instanceof BigDecimal big) {
            decimal = big;
        } else if (value instanceof String s && !s.isBlank()) {
            String text = s.strip();
            if (text.length() > MAX_TEXT_LENGTH) {
                throw new IllegalArgumentException("'" + field + "' must be " + what + ", got a string of " + text.length()
                        + " characters");
            }
            try {
                decimal = new BigDecimal(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + field + "' must be " + what + ", got a non-numeric string");
            }
        } else {
            throw new IllegalArgumentException("'" + field + "' must be " + what + " (a number)");
        }
        // Checked before any arithmetic: scale and precision bound the cost of every later step.
        if (Math.abs((long) decimal.scale()) > MAX_SCALE || decimal.precision() > MAX_TEXT_LENGTH) {
            throw new IllegalArgumentException("'" + field + "' is out of range for " + what);
        }
        return decimal;
    }
}
