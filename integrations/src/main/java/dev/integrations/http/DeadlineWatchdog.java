package dev.integrations.http;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.jspecify.annotations.Nullable;

/**
 * Gives up on exchanges that outlive their deadline, for the JDK backend: the JDK client's own
 * request timeout stops once the headers are in, so a body that stalls needs someone else to end it.
 *
 * <p>One daemon thread scans what it watches every {@code tick} while anything is watched, parks
 * while nothing is, and exits after {@code exitAfter} without work (so an application that stops
 * calling keeps no thread). {@link #watch} is a set insertion that wakes the thread only when it is
 * parked: a timer that is signalled whenever a new deadline becomes its earliest (a scheduled
 * executor with one call in flight, every call) costs a thread wake-up per call, a measurable part
 * of a loopback call on a busy machine. The price is precision: an expiry is noticed up to one
 * {@code tick} late.
 */
final class DeadlineWatchdog {
    /** Something with a deadline. */
    interface Watched {
        /** @return the deadline, in {@link System#nanoTime()} terms */
        long deadlineNanos();

        /** Called once, on the watchdog's thread, when the deadline has passed while still watched. */
        void expire();
    }

    /** The watchdog of the JDK backend: ten-millisecond precision, parked after a second idle, gone after a minute. */
    static final DeadlineWatchdog SHARED = new DeadlineWatchdog("integrations-http-deadlines",
            Duration.ofMillis(10), Duration.ofSeconds(1), Duration.ofMinutes(1));

    private static final int STOPPED = 0;
    private static final int SCANNING = 1;
    private static final int PARKED = 2;

    private final String threadName;
    private final long tickNanos;
    private final long lingerNanos;
    private final long exitNanos;
    private final Set<Watched> watched = ConcurrentHashMap.newKeySet();
    private final AtomicInteger state = new AtomicInteger(STOPPED);
    private volatile @Nullable Thread thread;

    /**
     * @param threadName the name of its thread
     * @param tick how often it scans while anything is watched (and how late an expiry may be noticed)
     * @param linger how long it keeps scanning with nothing watched before it parks, so that calls
     *     made one after another do not wake it each time
     * @param exitAfter how long it stays parked before its thread ends
     */
    DeadlineWatchdog(String threadName, Duration tick, Duration linger, Duration exitAfter) {
        this.threadName = threadName;
        this.tickNanos = tick.toNanos();
        this.lingerNanos = linger.toNanos();
        this.exitNanos = exitAfter.toNanos();
    }

    /** Watches {@code w} until {@link #unwatch} or its expiry. */
    void watch(Watched w) {
        watched.add(w);
        // Read after the insertion, as the thread writes PARKED before it looks at the set again:
        // one of the two sees the other.
        if (state.get() != SCANNING) {
            wake();
        }
    }

    /** Stops watching {@code w}; it will not expire after this returns. */
    void unwatch(Watched w) {
        watched.remove(w);
    }

    /** Whether the watchdog's thread is alive (for tests). */
    boolean running() {
        Thread t = thread;
        return t != null && t.isAlive() && state.get() != STOPPED;
    }

    private void wake() {
        for (;;) {
            int s = state.get();
            if (s == SCANNING) {
                return;
            }
            if (s == PARKED) {
                if (state.compareAndSet(PARKED, SCANNING)) {
                    LockSupport.unpark(thread); // written before the thread started, which is before PARKED
                    return;
                }
            } else if (state.compareAndSet(STOPPED, SCANNING)) {
                Thread t = new Thread(this::run, threadName);
                t.setDaemon(true);
                t.setContextClassLoader(null); // do not pin whatever loader the first caller ran in
                thread = t;
                t.start();
                return;
            }
        }
    }

    private void run() {
        try {
            scan();
        } catch (RuntimeException | Error e) {
            state.set(STOPPED); // the next watch() starts a new thread
            throw e;
        }
    }

    private void scan() {
        long lastBusy = System.nanoTime();
        for (;;) {
            long now = System.nanoTime();
            long next = now + tickNanos;
            for (Watched w : watched) {
                long deadline = w.deadlineNanos();
                if (deadline - now <= 0) {
                    if (watched.remove(w)) {
                        expire(w);
                    }
                } else if (deadline - next < 0) {
                    next = deadline;
                }
            }
            if (!watched.isEmpty() || now - lastBusy < lingerNanos) {
                if (!watched.isEmpty()) {
                    lastBusy = now;
                }
                LockSupport.parkNanos(this, next - now);
                continue;
            }
            state.set(PARKED);
            if (!watched.isEmpty()) {
                // Something arrived meanwhile; its watch() may or may not have seen PARKED.
                state.compareAndSet(PARKED, SCANNING);
                continue;
            }
            if (!parkUntilWoken()) {
                return;
            }
            lastBusy = System.nanoTime();
        }
    }

    /** Parks until {@link #wake} moves the state to SCANNING; false when it ended the thread instead. */
    private boolean parkUntilWoken() {
        long parkedAt = System.nanoTime();
        while (state.get() == PARKED) {
            long left = exitNanos - (System.nanoTime() - parkedAt);
            if (left <= 0) {
                // A watch() after this starts a new thread; one that got in first has set SCANNING.
                return !state.compareAndSet(PARKED, STOPPED);
            }
            LockSupport.parkNanos(this, left);
        }
        return true;
    }

    private static void expire(Watched w) {
        try {
            w.expire();
        } catch (RuntimeException e) {
            // The watchdog must outlive what it watches; the exchange fails on its own terms.
        }
    }

    @Override
    public String toString() {
        return "DeadlineWatchdog[" + threadName + ", watching " + watched.size() + "]";
    }
}
