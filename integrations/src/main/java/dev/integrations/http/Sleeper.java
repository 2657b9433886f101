package dev.integrations.http;

import java.time.Duration;

/**
 * How the traffic steps wait: before retrying a failed request ({@code RetryStep}) and while a
 * rate limit resets. Injectable so that tests control time: a test sleeper records the duration
 * and moves a fake clock forward instead of blocking, so "wait an hour for the reset" takes no
 * time at all.
 *
 * <p>Implementations must be thread-safe. The {@linkplain #system() system sleeper} blocks the
 * calling thread, which is cheap on virtual threads.
 */
@FunctionalInterface
public interface Sleeper {
    /**
     * Blocks for {@code duration}; zero or negative durations return at once.
     *
     * @param duration how long to wait
     * @throws InterruptedException if the thread is interrupted while waiting
     */
    void sleep(Duration duration) throws InterruptedException;

    /**
     * The sleeper that really waits, with {@link Thread#sleep}.
     *
     * @return the one system sleeper
     */
    static Sleeper system() {
        return SystemSleeper.INSTANCE;
    }

    /** The one system sleeper, so that settings holding it compare equal. */
    enum SystemSleeper implements Sleeper {
        /** The instance. */
        INSTANCE;

        @Override
        public void sleep(Duration duration) throws InterruptedException {
            if (duration.isNegative() || duration.isZero()) {
                return;
            }
            long millis = duration.toMillis();
            int nanos = (int) (duration.minusMillis(millis).toNanos());
            Thread.sleep(millis, nanos);
        }

        @Override
        public String toString() {
            return "Sleeper.system()";
        }
    }
}
