package dev.integrations.http;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The deadline of one blocking {@code HttpClient.send}, enforced by interrupting the thread that
 * waits in it: {@code send} then cancels the exchange, which closes its connection. The client's
 * own request timeout ends at the headers, and the JDK's byte-array subscriber, which reads bodies
 * of declared length, offers no handle to cancel it by; the caller's interrupt reaches both
 * phases alike.
 *
 * <p>The interrupt must never outlive the exchange: the watchdog claims the deadline before it
 * interrupts and marks it expired after, and the caller {@linkplain #finish() finishes} the
 * deadline before it returns or throws. A caller that finishes while the watchdog is between the
 * two waits for it, then clears the interrupt the watchdog sent.
 */
final class CallerDeadline implements DeadlineWatchdog.Watched {
    private static final int WAITING = 0;
    private static final int FINISHED = 1;
    private static final int INTERRUPTING = 2;
    private static final int EXPIRED = 3;

    private final Thread caller;
    private final long deadlineNanos;
    private final AtomicInteger state = new AtomicInteger(WAITING);

    /**
     * @param caller the thread that will wait in {@code send}
     * @param deadlineNanos when the exchange must be over, in {@link System#nanoTime()} terms
     */
    CallerDeadline(Thread caller, long deadlineNanos) {
        this.caller = caller;
        this.deadlineNanos = deadlineNanos;
    }

    @Override
    public long deadlineNanos() {
        return deadlineNanos;
    }

    @Override
    public void expire() {
        if (state.compareAndSet(WAITING, INTERRUPTING)) {
            caller.interrupt();
            state.set(EXPIRED);
        }
    }

    /**
     * Ends the deadline; call it on the caller's thread once {@code send} has returned or thrown.
     *
     * @return whether the deadline expired first: its interrupt is then cleared, and the exchange
     *     is over because of it (or despite it, if {@code send} had just returned)
     */
    boolean finish() {
        if (state.compareAndSet(WAITING, FINISHED)) {
            return false;
        }
        int s;
        while ((s = state.get()) == INTERRUPTING) {
            Thread.onSpinWait(); // the watchdog is between its claim and the interrupt: a few instructions
        }
        if (s == EXPIRED) {
            Thread.interrupted(); // the watchdog's, not the application's
            state.set(FINISHED);
            return true;
        }
        return false; // finished before
    }
}
