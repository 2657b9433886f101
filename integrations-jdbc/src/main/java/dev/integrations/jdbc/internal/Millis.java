package dev.integrations.jdbc.internal;

import java.time.Duration;
import java.time.Instant;

/** Instants as the epoch milliseconds of the tables' time columns, saturating instead of overflowing. */
public final class Millis {
    private Millis() {
    }

    /**
     * Epoch milliseconds rounded down.
     *
     * @param instant the instant
     * @return its epoch milliseconds, {@code Long.MIN_VALUE}/{@code MAX_VALUE} when out of range
     */
    public static long floor(Instant instant) {
        try {
            return instant.toEpochMilli();
        } catch (ArithmeticException e) {
            return instant.isBefore(Instant.EPOCH) ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    /**
     * Epoch milliseconds rounded up.
     *
     * @param instant the instant
     * @return its epoch milliseconds, rounded up, saturated
     */
    public static long ceil(Instant instant) {
        long millis = floor(instant);
        return instant.getNano() % 1_000_000 != 0 && millis != Long.MAX_VALUE ? millis + 1 : millis;
    }

    /**
     * {@code millis + duration}, saturated.
     *
     * @param millis epoch milliseconds
     * @param duration the duration to add
     * @return the sum, {@code Long.MAX_VALUE} on overflow
     */
    public static long plus(long millis, Duration duration) {
        try {
            return Math.addExact(millis, duration.toMillis());
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }
}
