package dev.integrations.http;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The JDK transport's deadline interrupts the thread waiting in {@code send}; these pin down that
 * the interrupt never outlives the call, whichever of the caller and the watchdog gets there first.
 */
@DisplayName("issue 12: the JDK transport's deadline interrupt never outlives the call")
class CallerDeadlineTest {

    @Test
    @DisplayName("expired just as the exchange ended: finish() reports it and clears the interrupt the watchdog sent")
    void expiryRacingTheEndOfTheCallIsCleared() {
        CallerDeadline deadline = new CallerDeadline(Thread.currentThread(), System.nanoTime());

        deadline.expire(); // the watchdog, between send() returning and the caller's finish()

        assertThat(deadline.finish()).isTrue();
        assertThat(Thread.currentThread().isInterrupted()).isFalse();
    }

    @Test
    @DisplayName("finished first: a late expiry neither interrupts nor counts")
    void lateExpiryIsIgnored() {
        CallerDeadline deadline = new CallerDeadline(Thread.currentThread(), System.nanoTime());

        assertThat(deadline.finish()).isFalse();
        deadline.expire();

        assertThat(Thread.interrupted()).isFalse();
        assertThat(deadline.finish()).isFalse();
    }

    @Test
    @DisplayName("an application's own interrupt is left alone when the deadline did not expire")
    void applicationInterruptIsKept() {
        CallerDeadline deadline = new CallerDeadline(Thread.currentThread(), System.nanoTime());
        Thread.currentThread().interrupt();

        assertThat(deadline.finish()).isFalse();
        assertThat(Thread.interrupted()).as("the application's interrupt, still set").isTrue();
    }

    @Test
    @DisplayName("expiry from the watchdog's thread wakes a caller blocked in a wait")
    void expiryWakesTheBlockedCaller() throws InterruptedException {
        CountDownLatch waiting = new CountDownLatch(1);
        AtomicBoolean woken = new AtomicBoolean();
        AtomicBoolean expired = new AtomicBoolean();
        AtomicBoolean interruptedAfter = new AtomicBoolean(true);
        CallerDeadline[] deadline = new CallerDeadline[1];
        Thread caller = new Thread(() -> {
            deadline[0] = new CallerDeadline(Thread.currentThread(), System.nanoTime());
            waiting.countDown();
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException e) {
                woken.set(true);
            }
            expired.set(deadline[0].finish());
            interruptedAfter.set(Thread.currentThread().isInterrupted());
        });
        caller.start();
        assertThat(waiting.await(5, TimeUnit.SECONDS)).isTrue();

        deadline[0].expire();
        caller.join(5_000);

        assertThat(caller.isAlive()).isFalse();
        assertThat(woken).isTrue();
        assertThat(expired).isTrue();
        assertThat(interruptedAfter).isFalse();
    }
}
