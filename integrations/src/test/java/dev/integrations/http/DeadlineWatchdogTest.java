package dev.integrations.http;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The watchdog behind the JDK transport's body deadline: it expires what outlives its deadline,
 * once and about on time, never what was unwatched, and its thread comes and goes with the work.
 */
@DisplayName("issue 12: the deadline watchdog expires late exchanges without a wake-up per call")
class DeadlineWatchdogTest {

    /** Something watched, with a latch its expiry counts down. */
    private static final class Deadline implements DeadlineWatchdog.Watched {
        final long deadlineNanos;
        final CountDownLatch expired = new CountDownLatch(1);
        final AtomicInteger expiries = new AtomicInteger();
        volatile long expiredAtNanos;

        Deadline(Duration in) {
            this.deadlineNanos = System.nanoTime() + in.toNanos();
        }

        @Override
        public long deadlineNanos() {
            return deadlineNanos;
        }

        @Override
        public void expire() {
            expiredAtNanos = System.nanoTime();
            expiries.incrementAndGet();
            expired.countDown();
        }
    }

    private static DeadlineWatchdog watchdog(Duration linger, Duration exitAfter) {
        return new DeadlineWatchdog("test-deadlines", Duration.ofMillis(10), linger, exitAfter);
    }

    @Test
    @DisplayName("what is still watched at its deadline expires once, no earlier and at most a little later")
    void expiresOnceAboutOnTime() throws InterruptedException {
        DeadlineWatchdog watchdog = watchdog(Duration.ofSeconds(1), Duration.ofSeconds(5));
        Deadline deadline = new Deadline(Duration.ofMillis(200));
        watchdog.watch(deadline);

        assertThat(deadline.expired.await(5, TimeUnit.SECONDS)).isTrue();
        long lateMillis = TimeUnit.NANOSECONDS.toMillis(deadline.expiredAtNanos - deadline.deadlineNanos);
        assertThat(lateMillis).as("expired this long after the deadline").isBetween(0L, 1_000L);
        Thread.sleep(100);
        assertThat(deadline.expiries).hasValue(1);
    }

    @Test
    @DisplayName("what is unwatched before its deadline never expires")
    void unwatchedNeverExpires() throws InterruptedException {
        DeadlineWatchdog watchdog = watchdog(Duration.ofSeconds(1), Duration.ofSeconds(5));
        Deadline done = new Deadline(Duration.ofMillis(50));
        Deadline late = new Deadline(Duration.ofMillis(50));
        watchdog.watch(done);
        watchdog.watch(late);
        watchdog.unwatch(done);

        assertThat(late.expired.await(5, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(100);
        assertThat(done.expiries).hasValue(0);
    }

    @Test
    @DisplayName("a thousand watchers from eight threads, half unwatched in time: exactly the others expire")
    void concurrentWatchers() throws InterruptedException {
        DeadlineWatchdog watchdog = watchdog(Duration.ofMillis(20), Duration.ofSeconds(5));
        List<Deadline> kept = new ArrayList<>();
        List<Deadline> released = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            List<Deadline> mine = new ArrayList<>();
            List<Deadline> mineReleased = new ArrayList<>();
            for (int i = 0; i < 125; i++) {
                (i % 2 == 0 ? mine : mineReleased).add(new Deadline(Duration.ofMillis(300)));
            }
            kept.addAll(mine);
            released.addAll(mineReleased);
            threads.add(new Thread(() -> {
                mine.forEach(watchdog::watch);
                mineReleased.forEach(watchdog::watch);
                mineReleased.forEach(watchdog::unwatch);
            }));
        }
        threads.forEach(Thread::start);
        for (Thread thread : threads) {
            thread.join();
        }
        for (Deadline d : kept) {
            assertThat(d.expired.await(5, TimeUnit.SECONDS)).isTrue();
        }
        Thread.sleep(100);
        assertThat(kept).allSatisfy(d -> assertThat(d.expiries).hasValue(1));
        assertThat(released).allSatisfy(d -> assertThat(d.expiries).hasValue(0));
    }

    @Test
    @DisplayName("with nothing to watch its thread parks and then ends; the next watch starts it again")
    void threadComesAndGoesWithTheWork() throws InterruptedException {
        DeadlineWatchdog watchdog = watchdog(Duration.ofMillis(20), Duration.ofMillis(100));
        assertThat(watchdog.running()).isFalse();
        Deadline first = new Deadline(Duration.ofMillis(20));
        watchdog.watch(first);
        assertThat(watchdog.running()).isTrue();
        assertThat(first.expired.await(5, TimeUnit.SECONDS)).isTrue();

        long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (watchdog.running() && System.nanoTime() < waitUntil) {
            Thread.sleep(10);
        }
        assertThat(watchdog.running()).as("ended after a spell with nothing to watch").isFalse();

        Deadline second = new Deadline(Duration.ofMillis(20));
        watchdog.watch(second);
        assertThat(second.expired.await(5, TimeUnit.SECONDS)).as("a new thread watches").isTrue();
    }

    @Test
    @DisplayName("a watch while it is parked wakes it: a short deadline is not held up by the park")
    void parkedWatchdogWakesForNewWork() throws InterruptedException {
        DeadlineWatchdog watchdog = watchdog(Duration.ofMillis(10), Duration.ofMinutes(1));
        Deadline first = new Deadline(Duration.ofMillis(10));
        watchdog.watch(first);
        assertThat(first.expired.await(5, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(200); // idle well past the linger: parked, with a minute before it would end

        Deadline second = new Deadline(Duration.ofMillis(50));
        watchdog.watch(second);
        assertThat(second.expired.await(2, TimeUnit.SECONDS)).as("woken, not left parked for a minute").isTrue();
    }
}
