package dev.integrations.json;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.Instant;

/**
 * Instants as the seed writes them: epoch seconds, whole or fractional ({@code expires_at}).
 * One reading for credentials and stores, so they agree on every value.
 */
public final class EpochSeconds {
    private EpochSeconds() {
    }

    /**
     * Reads a number, or a string holding one, as epoch seconds.
     *
     * @return the instant, or null for null
     * @throws IllegalArgumentException for other types, non-numeric strings or out-of-range values
     */
    public static Instant parse(Object value, String field) {
        if (value == null) {
            return null;
        }
        BigDecimal seconds;
        if (value instanceof Number n) {
            seconds = new BigDecimal(n.toString());
        } else if (value instanceof String s && !s.isBlank()) {
            try {
                seconds = new BigDecimal(s.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + field + "' must be epoch seconds, got a non-numeric string");
            }
        } else {
            throw new IllegalArgumentException("'" + field + "' must be epoch seconds (a number)");
        }
        try {
            long whole = seconds.toBigInteger().longValueExact();
            int nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).intValue();
            return Instant.ofEpochSecond(whole, nanos);
        } catch (ArithmeticException | DateTimeException e) {
            throw new IllegalArgumentException("'" + field + "' is out of range for an instant");
        }
    }

    /** Writes an instant as epoch seconds: a long when whole, else a double. */
    public static Number format(Instant instant) {
        if (instant.getNano() == 0) {
            return instant.getEpochSecond();
        }
        return BigDecimal.valueOf(instant.getEpochSecond()).add(BigDecimal.valueOf(instant.getNano(), 9)).doubleValue();
    }
}
