package dev.vidgen.client;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Per-call overrides of the client's defaults, as one immutable value. Build with
 * {@link #builder()}; {@link #defaults()} overrides nothing.
 *
 * <p>Precedence: a timeout set here wins over the client's default ({@link ClientConfig}); the
 * whole-call timeout bounds every attempt and every backoff of the call, so an attempt never
 * outlives it. {@link #syncUpstream()} matters only to task queries ({@code get}, and the polls of
 * an {@code await}, which take theirs from {@code AwaitOptions.pollOptions}).
 */
public final class CallOptions {

    private static final CallOptions DEFAULTS = new Builder().build();

    private final Duration attemptTimeout;
    private final Duration callTimeout;
    private final boolean syncUpstream;

    private CallOptions(Builder b) {
        this.attemptTimeout = positiveOrNull(b.attemptTimeout, "attemptTimeout");
        this.callTimeout = positiveOrNull(b.callTimeout, "callTimeout");
        this.syncUpstream = b.syncUpstream;
    }

    /** No overrides: the client's timeouts, no {@code sync_upstream}. */
    public static CallOptions defaults() {
        return DEFAULTS;
    }

    /** A builder starting from {@link #defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these options. */
    public Builder toBuilder() {
        return new Builder().attemptTimeout(attemptTimeout).callTimeout(callTimeout).syncUpstream(syncUpstream);
    }

    /** How long one HTTP attempt may wait for its answer; empty for the client's default. */
    public Optional<Duration> attemptTimeout() {
        return Optional.ofNullable(attemptTimeout);
    }

    /** How long the whole call may take, retries and backoff included; empty for the client's default. */
    public Optional<Duration> callTimeout() {
        return Optional.ofNullable(callTimeout);
    }

    /** For task queries: whether the server is asked to refresh the task from its upstream first. */
    public boolean syncUpstream() {
        return syncUpstream;
    }

    /** Equal when every setting is. */
    @Override
    public boolean equals(Object o) {
        return o instanceof CallOptions c && Objects.equals(attemptTimeout, c.attemptTimeout)
                && Objects.equals(callTimeout, c.callTimeout) && syncUpstream == c.syncUpstream;
    }

    /** Consistent with {@link #equals(Object)}. */
    @Override
    public int hashCode() {
        return Objects.hash(attemptTimeout, callTimeout, syncUpstream);
    }

    /** Shows every setting. */
    @Override
    public String toString() {
        return "CallOptions[attemptTimeout=" + (attemptTimeout == null ? "client default" : attemptTimeout)
                + ", callTimeout=" + (callTimeout == null ? "client default" : callTimeout) + ", syncUpstream=" + syncUpstream + "]";
    }

    private static Duration positiveOrNull(Duration d, String what) {
        if (d != null && (d.isNegative() || d.isZero())) {
            throw new IllegalArgumentException(what + " must be positive (or null for the client's default), got " + d);
        }
        return d;
    }

    /** Builds {@link CallOptions}. */
    public static final class Builder {
        private Duration attemptTimeout;
        private Duration callTimeout;
        private boolean syncUpstream;

        private Builder() {
        }

        /** How long one HTTP attempt may wait for its answer; {@code null} (the default) for the client's. */
        public Builder attemptTimeout(Duration timeout) { this.attemptTimeout = timeout; return this; }

        /** How long the whole call may take; {@code null} (the default) for the client's. */
        public Builder callTimeout(Duration timeout) { this.callTimeout = timeout; return this; }

        /** For task queries: send {@code sync_upstream=true}; default false. */
        public Builder syncUpstream(boolean sync) { this.syncUpstream = sync; return this; }

        /**
         * Builds the options.
         *
         * @throws IllegalArgumentException for a timeout that is zero or negative
         */
        public CallOptions build() {
            return new CallOptions(this);
        }
    }
}
