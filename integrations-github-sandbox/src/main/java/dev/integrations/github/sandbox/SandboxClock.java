package dev.integrations.github.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;

/**
 * The mutable clock that drives every time-dependent rule of a {@link GithubSandbox}: the
 * 10-minute life of authorization codes (https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/authorizing-oauth-apps), the 8-hour life of expiring user
 * tokens and the ~6-month life of refresh tokens (https://docs.github.com/en/apps/creating-github-apps/authenticating-with-a-github-app/refreshing-user-access-tokens), and the hourly rate-limit window (https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api).
 *
 * <p>A new clock follows system time. {@link #advance(Duration)} and {@link #set(Instant)} move it
 * without changing whether it ticks; {@link #freeze()} stops it and {@link #resume()} lets it tick
 * again from wherever it stands. All methods are thread-safe; clocks returned by
 * {@link #withZone(ZoneId)} share this clock's time.
 *
 * <p>The HTTP {@code Date} response header is written by the JDK's HTTP server from the real
 * system time and cannot follow this clock.
 */
public final class SandboxClock extends Clock {

    /** Either frozen at {@code fixed}, or system time shifted by {@code offset}. */
    private record State(@Nullable Instant fixed, Duration offset) {
        Instant now() {
            return fixed != null ? fixed : Instant.now().plus(offset);
        }

        State at(Instant instant) {
            return fixed != null ? new State(instant, Duration.ZERO)
                    : new State(null, Duration.between(Instant.now(), instant));
        }
    }

    private final AtomicReference<State> state;
    private final ZoneId zone;

    /** A clock that follows system time, in UTC. */
    public SandboxClock() {
        this(new AtomicReference<>(new State(null, Duration.ZERO)), ZoneOffset.UTC);
    }

    private SandboxClock(AtomicReference<State> state, ZoneId zone) {
        this.state = state;
        this.zone = zone;
    }

    /** The state; it is set at construction and only ever replaced by another, never cleared. */
    private State current() {
        return Objects.requireNonNull(state.get(), "state");
    }

    /**
     * A clock that follows system time, in UTC; same as {@code new SandboxClock()}.
     *
     * @return a new ticking clock
     */
    public static SandboxClock system() {
        return new SandboxClock();
    }

    /**
     * A frozen clock standing at {@code instant}, in UTC.
     *
     * @param instant where the clock stands
     * @return a new frozen clock
     */
    public static SandboxClock frozenAt(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        return new SandboxClock(new AtomicReference<>(new State(instant, Duration.ZERO)), ZoneOffset.UTC);
    }

    @Override
    public Instant instant() {
        return current().now();
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    /** A view of this clock in another zone; moving either moves both. */
    @Override
    public SandboxClock withZone(ZoneId zone) {
        Objects.requireNonNull(zone, "zone");
        return zone.equals(this.zone) ? this : new SandboxClock(state, zone);
    }

    /**
     * Moves the clock forward by {@code amount}; a ticking clock keeps ticking.
     *
     * @param amount how far to move, not negative
     * @throws IllegalArgumentException if {@code amount} is negative (use {@link #set(Instant)} to go back)
     */
    public void advance(Duration amount) {
        Objects.requireNonNull(amount, "amount");
        if (amount.isNegative()) {
            throw new IllegalArgumentException("advance() takes a non-negative duration; use set(Instant) to move back");
        }
        state.updateAndGet(s -> s.at(s.now().plus(amount)));
    }

    /**
     * Moves the clock to {@code instant}; a ticking clock keeps ticking from there.
     *
     * @param instant the new current instant
     */
    public void set(Instant instant) {
        Objects.requireNonNull(instant, "instant");
        state.updateAndGet(s -> s.at(instant));
    }

    /** Stops the clock at its current instant. */
    public void freeze() {
        state.updateAndGet(s -> new State(s.now(), Duration.ZERO));
    }

    /** Lets a frozen clock tick again with system time, starting from its current instant. */
    public void resume() {
        state.updateAndGet(s -> new State(null, Duration.between(Instant.now(), s.now())));
    }

    /**
     * Whether the clock is frozen.
     *
     * @return {@code true} when frozen
     */
    public boolean isFrozen() {
        return current().fixed() != null;
    }

    @Override
    public String toString() {
        return "SandboxClock[" + instant() + ", " + zone + (isFrozen() ? ", frozen]" : "]");
    }
}
