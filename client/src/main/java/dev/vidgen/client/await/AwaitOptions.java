package dev.vidgen.client.await;

import java.time.Duration;
import java.util.Objects;

/**
 * How to wait for a task. Build with {@link #builder()}; {@link #defaults()} waits up to 30
 * minutes, polling adaptively between 1 s and 30 s apart.
 *
 * <p>Timeouts: {@code timeout} is the total deadline of the wait, separate from the client's
 * per-call timeouts. Each poll is one task query whose whole-call timeout (see
 * {@code CallSettings}) is the time left until the deadline, but at least {@code minInterval} so
 * that the last poll, made at the deadline, can still be answered; the client's attempt timeout
 * and retry policy bound it further, as for any task query. So a wait ends at most one
 * {@code minInterval} after its deadline.
 *
 * @param timeout            the total deadline of the wait (then {@code AwaitTimeoutException})
 * @param minInterval        the shortest time between two polls
 * @param maxInterval        the longest time between two polls
 * @param listener           hears every change
 * @param emptyResultRetries how often to ask again when a task is {@code completed} without results
 * @param polling            decides the time between polls; min/max apply to the adaptive one
 * @param syncUpstream       whether polls ask the server to refresh a running task from its
 *                           upstream first ({@code sync_upstream=true}); re-queries of a completed
 *                           task never do
 */
public record AwaitOptions(Duration timeout, Duration minInterval, Duration maxInterval, ProgressListener listener,
                           int emptyResultRetries, PollingCadence polling, boolean syncUpstream) {

    public AwaitOptions {
        Objects.requireNonNull(timeout, "timeout must not be null");
        Objects.requireNonNull(minInterval, "minInterval must not be null");
        Objects.requireNonNull(maxInterval, "maxInterval must not be null");
        listener = listener == null ? ProgressListener.NONE : listener;
        polling = polling == null ? PollingCadence.adaptive() : polling;
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

    /** Up to 30 minutes, adaptive polls 1 s to 30 s apart with {@code sync_upstream}, 3 re-queries of an empty completed task. */
    public static AwaitOptions defaults() {
        return builder().build();
    }

    /** A builder starting from the defaults. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder starting from these options. */
    public Builder toBuilder() {
        return new Builder().timeout(timeout).minInterval(minInterval).maxInterval(maxInterval).listener(listener)
                .emptyResultRetries(emptyResultRetries).polling(polling).syncUpstream(syncUpstream);
    }

    /** Builds {@link AwaitOptions}. */
    public static final class Builder {
        private Duration timeout = Duration.ofMinutes(30);
        private Duration minInterval = Duration.ofSeconds(1);
        private Duration maxInterval = Duration.ofSeconds(30);
        private ProgressListener listener = ProgressListener.NONE;
        private int emptyResultRetries = 3;
        private PollingCadence polling = PollingCadence.adaptive();
        private boolean syncUpstream = true;

        private Builder() {
        }

        /** The total deadline of the wait; default 30 minutes. */
        public Builder timeout(Duration timeout) { this.timeout = timeout; return this; }

        /** The shortest time between two polls; default 1 s. */
        public Builder minInterval(Duration d) { this.minInterval = d; return this; }

        /** The longest time between two polls; default 30 s. */
        public Builder maxInterval(Duration d) { this.maxInterval = d; return this; }

        /** Hears every change; default none. */
        public Builder listener(ProgressListener listener) { this.listener = listener; return this; }

        /** How often to ask again when a task is completed without results; default 3. */
        public Builder emptyResultRetries(int n) { this.emptyResultRetries = n; return this; }

        /** How to time the polls; default {@link PollingCadence#adaptive()}. */
        public Builder polling(PollingCadence strategy) { this.polling = strategy; return this; }

        /** Whether polls of a running task send {@code sync_upstream=true}; default true. */
        public Builder syncUpstream(boolean sync) { this.syncUpstream = sync; return this; }

        /** Builds the options. */
        public AwaitOptions build() {
            return new AwaitOptions(timeout, minInterval, maxInterval, listener, emptyResultRetries, polling, syncUpstream);
        }
    }
}
