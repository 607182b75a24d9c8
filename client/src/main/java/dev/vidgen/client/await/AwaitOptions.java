package dev.vidgen.client.await;

import dev.vidgen.client.CallOptions;
import java.time.Duration;
import java.util.Objects;

/**
 * How to wait for a task, as one immutable value. Build with {@link #builder()};
 * {@link #defaults()} waits up to 30 minutes, polling adaptively between 1 s and 30 s apart.
 *
 * <p>Timeouts: {@link #timeout()} is the total deadline of the wait, separate from the client's
 * per-call timeouts. Each poll is one task query made with {@link #pollOptions()}, whose
 * whole-call timeout is cut to the time left until the deadline, but at least
 * {@link #minInterval()} so that the last poll, made at the deadline, can still be answered; the
 * client's attempt timeout and retry policy bound it further, as for any task query. So a wait
 * ends at most one {@code minInterval} after its deadline.
 */
public final class AwaitOptions {

    private static final CallOptions SYNCED_POLLS = CallOptions.builder().syncUpstream(true).build();

    private final Duration timeout;
    private final Duration minInterval;
    private final Duration maxInterval;
    private final ProgressListener listener;
    private final int emptyResultRetries;
    private final PollingCadence polling;
    private final CallOptions pollOptions;

    private AwaitOptions(Builder b) {
        this.timeout = Objects.requireNonNull(b.timeout, "timeout must not be null");
        this.minInterval = Objects.requireNonNull(b.minInterval, "minInterval must not be null");
        this.maxInterval = Objects.requireNonNull(b.maxInterval, "maxInterval must not be null");
        this.listener = b.listener == null ? ProgressListener.NONE : b.listener;
        this.polling = b.polling == null ? PollingCadence.adaptive() : b.polling;
        this.pollOptions = b.pollOptions == null ? SYNCED_POLLS : b.pollOptions;
        this.emptyResultRetries = b.emptyResultRetries;
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

    /** A builder holding these options. */
    public Builder toBuilder() {
        return new Builder().timeout(timeout).minInterval(minInterval).maxInterval(maxInterval).listener(listener)
                .emptyResultRetries(emptyResultRetries).polling(polling).pollOptions(pollOptions);
    }

    /** The total deadline of the wait (then {@code AwaitTimeoutException}). */
    public Duration timeout() { return timeout; }

    /** The shortest time between two polls. */
    public Duration minInterval() { return minInterval; }

    /** The longest time between two polls. */
    public Duration maxInterval() { return maxInterval; }

    /** Hears every change. */
    public ProgressListener listener() { return listener; }

    /** How often to ask again when a task is {@code completed} without results. */
    public int emptyResultRetries() { return emptyResultRetries; }

    /** Decides the time between polls; min/max apply to the adaptive one. */
    public PollingCadence polling() { return polling; }

    /**
     * The options of each poll. Its {@link CallOptions#syncUpstream()} says whether polls of a
     * running task ask the server to refresh it from its upstream first (re-queries of a completed
     * task never do); its call timeout, if set, is cut to the time the wait has left.
     */
    public CallOptions pollOptions() { return pollOptions; }

    /** Equal when every setting is. */
    @Override
    public boolean equals(Object o) {
        return o instanceof AwaitOptions a && timeout.equals(a.timeout) && minInterval.equals(a.minInterval)
                && maxInterval.equals(a.maxInterval) && listener.equals(a.listener) && emptyResultRetries == a.emptyResultRetries
                && polling.equals(a.polling) && pollOptions.equals(a.pollOptions);
    }

    /** Consistent with {@link #equals(Object)}. */
    @Override
    public int hashCode() {
        return Objects.hash(timeout, minInterval, maxInterval, listener, emptyResultRetries, polling, pollOptions);
    }

    /** Shows every setting. */
    @Override
    public String toString() {
        return "AwaitOptions[timeout=" + timeout + ", minInterval=" + minInterval + ", maxInterval=" + maxInterval
                + ", emptyResultRetries=" + emptyResultRetries + ", polling=" + polling + ", pollOptions=" + pollOptions + "]";
    }

    /** Builds {@link AwaitOptions}. */
    public static final class Builder {
        private Duration timeout = Duration.ofMinutes(30);
        private Duration minInterval = Duration.ofSeconds(1);
        private Duration maxInterval = Duration.ofSeconds(30);
        private ProgressListener listener = ProgressListener.NONE;
        private int emptyResultRetries = 3;
        private PollingCadence polling = PollingCadence.adaptive();
        private CallOptions pollOptions = SYNCED_POLLS;

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
        public Builder polling(PollingCadence cadence) { this.polling = cadence; return this; }

        /**
         * The options of each poll; default the client's timeouts with {@code sync_upstream=true}
         * ({@code CallOptions.builder().syncUpstream(true).build()}).
         */
        public Builder pollOptions(CallOptions options) { this.pollOptions = options; return this; }

        /**
         * Builds the options.
         *
         * @throws IllegalArgumentException for a timeout or interval that is not positive, or
         *         {@code minInterval > maxInterval}, or negative {@code emptyResultRetries}
         */
        public AwaitOptions build() {
            return new AwaitOptions(this);
        }
    }
}
