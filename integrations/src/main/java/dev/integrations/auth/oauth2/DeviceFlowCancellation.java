package dev.integrations.auth.oauth2;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A handle that stops a device flow that is waiting for the user, from any thread: the poller
 * notices at once when it waits with the system sleeper, otherwise before its next poll, and
 * throws a {@link DeviceFlowException} with {@link DeviceFlowException.Reason#CANCELLED}.
 * Interrupting the polling thread has the same effect. Thread-safe; cancelling twice is harmless.
 */
public final class DeviceFlowCancellation {
    private final CountDownLatch cancelled = new CountDownLatch(1);

    /** Creates a handle that is not cancelled. */
    public DeviceFlowCancellation() {
    }

    /** Cancels the flow this handle was given to. */
    public void cancel() {
        cancelled.countDown();
    }

    /**
     * Whether {@link #cancel()} was called.
     *
     * @return true once cancelled
     */
    public boolean isCancelled() {
        return cancelled.getCount() == 0;
    }

    /**
     * Waits until the handle is cancelled or {@code timeout} passes, whichever comes first.
     *
     * @param timeout the longest wait; zero or negative returns at once
     * @return true when the handle is cancelled
     * @throws InterruptedException when the waiting thread is interrupted
     */
    public boolean await(Duration timeout) throws InterruptedException {
        if (timeout.isNegative() || timeout.isZero()) {
            return isCancelled();
        }
        return cancelled.await(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    @Override
    public String toString() {
        return "DeviceFlowCancellation[" + (isCancelled() ? "cancelled" : "active") + "]";
    }
}
