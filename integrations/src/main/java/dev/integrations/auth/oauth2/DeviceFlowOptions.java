package dev.integrations.auth.oauth2;

import dev.integrations.http.Sleeper;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;

/**
 * How to run a device flow: the scopes to request, how long to wait for the user at most, a
 * cancel handle, and (for tests) the clock and sleeper the poller uses. Every part is optional.
 * Immutable.
 */
public final class DeviceFlowOptions {
    private static final DeviceFlowOptions DEFAULTS = builder().build();

    private final @Nullable List<String> scopes;
    private final @Nullable Duration timeout;
    private final @Nullable DeviceFlowCancellation cancellation;
    private final @Nullable Clock clock;
    private final Sleeper sleeper;

    private DeviceFlowOptions(Builder builder) {
        this.scopes = builder.scopes;
        this.timeout = builder.timeout;
        this.cancellation = builder.cancellation;
        this.clock = builder.clock;
        this.sleeper = builder.sleeper;
    }

    /**
     * Options with every part unset: the app's default scopes, wait until the code expires, no
     * cancel handle, the manager's clock, the system sleeper.
     *
     * @return the default options
     */
    public static DeviceFlowOptions defaults() {
        return DEFAULTS;
    }

    /**
     * Starts building options.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Builds options with a configurer: {@code DeviceFlowOptions.of(o -> o.scopes("repo").timeout(...))}.
     *
     * @param configurer receives the builder
     * @return the options
     */
    public static DeviceFlowOptions of(Consumer<Builder> configurer) {
        Builder builder = builder();
        configurer.accept(builder);
        return builder.build();
    }

    /**
     * The scopes to request.
     *
     * @return the scopes, or null for the app's default scopes
     */
    public @Nullable List<String> scopes() {
        return scopes;
    }

    /**
     * The longest time to wait for the user, counted from the start of polling.
     *
     * @return the timeout, or null to wait until the device code expires
     */
    public @Nullable Duration timeout() {
        return timeout;
    }

    /**
     * The cancel handle.
     *
     * @return the handle, or null for none (interrupting the thread still cancels)
     */
    public @Nullable DeviceFlowCancellation cancellation() {
        return cancellation;
    }

    /**
     * The clock deadlines and expiry are measured with.
     *
     * @return the clock, or null for the manager's clock
     */
    public @Nullable Clock clock() {
        return clock;
    }

    /**
     * How the poller waits between polls.
     *
     * @return the sleeper; {@link Sleeper#system()} unless set
     */
    public Sleeper sleeper() {
        return sleeper;
    }

    @Override
    public String toString() {
        return "DeviceFlowOptions[scopes=" + scopes + ", timeout=" + timeout + ", cancellation=" + cancellation + "]";
    }

    /** Builds {@link DeviceFlowOptions}. */
    public static final class Builder {
        private @Nullable List<String> scopes;
        private @Nullable Duration timeout;
        private @Nullable DeviceFlowCancellation cancellation;
        private @Nullable Clock clock;
        private Sleeper sleeper = Sleeper.system();

        private Builder() {
        }

        /**
         * Sets the scopes to request (OAuth apps; GitHub Apps ignore scopes).
         *
         * @param scopes the scopes, e.g. {@code "repo", "read:user"}
         * @return this builder
         */
        public Builder scopes(String... scopes) {
            return scopes(Arrays.asList(scopes));
        }

        /**
         * Sets the scopes to request; null means the app's default scopes.
         *
         * @param scopes the scopes, or null
         * @return this builder
         */
        public Builder scopes(@Nullable List<String> scopes) {
            this.scopes = scopes == null ? null : List.copyOf(scopes);
            return this;
        }

        /**
         * Sets the longest time to wait for the user; the flow then ends with
         * {@link DeviceFlowException.Reason#DEADLINE_EXCEEDED}. Without it the flow waits until
         * the device code expires (15 minutes at GitHub).
         *
         * @param timeout the timeout, positive, or null for none
         * @return this builder
         * @throws IllegalArgumentException when it is zero or negative
         */
        public Builder timeout(@Nullable Duration timeout) {
            if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
                throw new IllegalArgumentException("timeout must be positive");
            }
            this.timeout = timeout;
            return this;
        }

        /**
         * Sets a handle that cancels the flow from another thread.
         *
         * @param cancellation the handle, or null for none
         * @return this builder
         */
        public Builder cancellation(@Nullable DeviceFlowCancellation cancellation) {
            this.cancellation = cancellation;
            return this;
        }

        /**
         * Sets the clock deadlines are measured with (tests); the manager's clock when unset.
         *
         * @param clock the clock, or null
         * @return this builder
         */
        public Builder clock(@Nullable Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Sets how the poller waits (tests: a sleeper that advances a fake clock instead of blocking).
         *
         * @param sleeper the sleeper
         * @return this builder
         */
        public Builder sleeper(Sleeper sleeper) {
            this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         */
        public DeviceFlowOptions build() {
            return new DeviceFlowOptions(this);
        }
    }
}
