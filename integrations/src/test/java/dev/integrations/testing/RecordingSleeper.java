package dev.integrations.testing;

import dev.integrations.github.sandbox.SandboxClock;
import dev.integrations.http.Sleeper;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A {@link Sleeper} that never blocks: it records each wait and, when given a sandbox clock,
 * moves that clock forward by it, so "wait an hour for the rate limit to reset" takes no time
 * and the sandbox sees the hour pass.
 */
public final class RecordingSleeper implements Sleeper {
    private final SandboxClock clock;
    private final List<Duration> waits = new CopyOnWriteArrayList<>();

    /** Records only. */
    public RecordingSleeper() {
        this(null);
    }

    /** Records and advances {@code clock}. */
    public RecordingSleeper(SandboxClock clock) {
        this.clock = clock;
    }

    @Override
    public void sleep(Duration duration) {
        waits.add(duration);
        if (clock != null && !duration.isNegative()) {
            clock.advance(duration);
        }
    }

    /** Every wait so far, in order. */
    public List<Duration> waits() {
        return List.copyOf(waits);
    }

    /** The sum of the waits. */
    public Duration total() {
        return waits.stream().reduce(Duration.ZERO, Duration::plus);
    }
}
