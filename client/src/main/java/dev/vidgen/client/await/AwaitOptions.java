package dev.vidgen.client.await;

import java.time.Duration;
import java.util.Objects;

/**
 * How to wait for a task. Build with {@link #builder()}; {@link #defaults()} waits up to 30
 * minutes, polling between 1 s and 30 s apart.
 *
 * @param timeout           the total deadline of the wait (then {@code AwaitTimeoutException})
 * @param minInterval       the shortest time between two polls
 * @param maxInterval       the longest time between two polls
 * @param listener          hears every change
 * @param emptyResultRetries how often to ask again when a task is {@code completed} without results
 */
public record AwaitOptions(Duration timeout, Duration minInterval, Duration maxInterval, ProgressListener listener,
                           int emptyResultRetries) {

    public AwaitOptions {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(minInterval, "minInterval");
        Objects.requireNonNull(maxInterval, "maxInterval");
        listener = listener == null ? ProgressListener.NONE : listener;
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        if (minInterval.isNegative() || minInterval.isZero() || maxInterval.compareTo(minInterval) < 0) {
            throw new IllegalArgumentException("need 0 < minInterval <= maxInterval, got " + minInterval + " and " + maxInterval);
        }
        if (emptyResultRetries < 0) {
            throw new IllegalArgumentException("emptyResultRetries must be >= 0, got " + emptyResultRetries);
        }
    }

    /** Up to 30 minutes, polls 1 s to 30 s apart, 3 re-queries of an empty completed task. */
    public static AwaitOptions defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link AwaitOptions}. */
    public static final class Builder {
        private Duration timeout = Duration.ofMinutes(30);
        private Duration minInterval = Duration.ofSeconds(1);
        private Duration maxInterval = Duration.ofSeconds(30);
        private ProgressListener listener = ProgressListener.NONE;
        private int emptyResultRetries = 3;

        private Builder() {
        }

        /** The total deadline of the wait. */
        public Builder timeout(Duration timeout) { this.timeout = timeout; return this; }

        /** The shortest time between two polls. */
        public Builder minInterval(Duration d) { this.minInterval = d; return this; }

        /** The longest time between two polls. */
        public Builder maxInterval(Duration d) { this.maxInterval = d; return this; }

        /** Hears every change. */
        public Builder listener(ProgressListener listener) { this.listener = listener; return this; }

        /** How often to ask again when a task is completed without results. */
        public Builder emptyResultRetries(int n) { this.emptyResultRetries = n; return this; }

        /** Builds the options. */
        public AwaitOptions build() {
            return new AwaitOptions(timeout, minInterval, maxInterval, listener, emptyResultRetries);
        }
    }
}
