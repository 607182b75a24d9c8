package dev.vidgen.client.retry;

import java.time.Duration;
import java.util.Objects;

/**
 * When and how fast to retry, as one immutable value. Build with {@link #builder()} (starting from
 * {@link #defaults()}) or change one with {@link #toBuilder()}.
 *
 * <p>Task queries and downloads are retried on 429, 500, 502, 503, 504 and I/O errors; a submit
 * only when no task can have been created (no connection, 429, 503), unless
 * {@link #retrySubmitWhenTaskMayExist()} is switched on.
 */
public final class RetryPolicy {

    private static final RetryPolicy DEFAULTS = new Builder().build();
    private static final RetryPolicy NONE = new Builder().maxAttempts(1).initialBackoff(Duration.ZERO).maxBackoff(Duration.ZERO)
            .multiplier(1.0).jitter(0).build();

    private final int maxAttempts;
    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final double multiplier;
    private final double jitter;
    private final boolean retrySubmitWhenTaskMayExist;

    private RetryPolicy(Builder b) {
        this.initialBackoff = Objects.requireNonNull(b.initialBackoff, "initialBackoff");
        this.maxBackoff = Objects.requireNonNull(b.maxBackoff, "maxBackoff");
        this.maxAttempts = b.maxAttempts;
        this.multiplier = b.multiplier;
        this.jitter = b.jitter;
        this.retrySubmitWhenTaskMayExist = b.retrySubmitWhenTaskMayExist;
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
        }
        if (initialBackoff.isNegative() || maxBackoff.isNegative()) {
            throw new IllegalArgumentException("backoffs must not be negative, got " + initialBackoff + " and " + maxBackoff);
        }
        if (multiplier < 1.0) {
            throw new IllegalArgumentException("multiplier must be at least 1, got " + multiplier);
        }
        if (jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("jitter must be within 0..1, got " + jitter);
        }
    }

    /** 4 attempts, 500 ms doubling to at most 8 s, 20% jitter, no risky submit retries. */
    public static RetryPolicy defaults() {
        return DEFAULTS;
    }

    /** No retries at all. */
    public static RetryPolicy none() {
        return NONE;
    }

    /** A builder starting from {@link #defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding this policy. */
    public Builder toBuilder() {
        return new Builder().maxAttempts(maxAttempts).initialBackoff(initialBackoff).maxBackoff(maxBackoff)
                .multiplier(multiplier).jitter(jitter).retrySubmitWhenTaskMayExist(retrySubmitWhenTaskMayExist);
    }

    /** Attempts in all, the first included (1 = no retry). */
    public int maxAttempts() { return maxAttempts; }

    /** The wait before the first retry. */
    public Duration initialBackoff() { return initialBackoff; }

    /** The longest wait between two attempts. */
    public Duration maxBackoff() { return maxBackoff; }

    /** Growth of the wait per attempt. */
    public double multiplier() { return multiplier; }

    /** 0 to 1: the share of each wait that is randomised. */
    public double jitter() { return jitter; }

    /** Opt-in: also retry a submit after 500, a malformed 200, a read timeout or a reset after sending; may create a second, paid task. */
    public boolean retrySubmitWhenTaskMayExist() { return retrySubmitWhenTaskMayExist; }

    /**
     * The wait before retry number {@code retry} (1 for the first retry), given a uniform random
     * number in [0, 1): exponential growth capped at {@link #maxBackoff()}, minus up to
     * {@link #jitter()} of it.
     */
    public Duration backoff(int retry, double random) {
        double base = initialBackoff.toNanos() * Math.pow(multiplier, Math.max(0, retry - 1));
        double capped = Math.min(base, maxBackoff.toNanos());
        return Duration.ofNanos((long) (capped * (1.0 - jitter * random)));
    }

    /** Equal when every setting is. */
    @Override
    public boolean equals(Object o) {
        return o instanceof RetryPolicy p && maxAttempts == p.maxAttempts && initialBackoff.equals(p.initialBackoff)
                && maxBackoff.equals(p.maxBackoff) && Double.compare(multiplier, p.multiplier) == 0
                && Double.compare(jitter, p.jitter) == 0 && retrySubmitWhenTaskMayExist == p.retrySubmitWhenTaskMayExist;
    }

    /** Consistent with {@link #equals(Object)}. */
    @Override
    public int hashCode() {
        return Objects.hash(maxAttempts, initialBackoff, maxBackoff, multiplier, jitter, retrySubmitWhenTaskMayExist);
    }

    /** Shows every setting. */
    @Override
    public String toString() {
        return "RetryPolicy[maxAttempts=" + maxAttempts + ", initialBackoff=" + initialBackoff + ", maxBackoff=" + maxBackoff
                + ", multiplier=" + multiplier + ", jitter=" + jitter + ", retrySubmitWhenTaskMayExist=" + retrySubmitWhenTaskMayExist + "]";
    }

    /** Builds a {@link RetryPolicy}. */
    public static final class Builder {
        private int maxAttempts = 4;
        private Duration initialBackoff = Duration.ofMillis(500);
        private Duration maxBackoff = Duration.ofSeconds(8);
        private double multiplier = 2.0;
        private double jitter = 0.2;
        private boolean retrySubmitWhenTaskMayExist;

        private Builder() {
        }

        /** Attempts in all, the first included (1 = no retry); default 4. */
        public Builder maxAttempts(int n) { this.maxAttempts = n; return this; }

        /** The wait before the first retry; default 500 ms. */
        public Builder initialBackoff(Duration d) { this.initialBackoff = d; return this; }

        /** The longest wait between two attempts; default 8 s. */
        public Builder maxBackoff(Duration d) { this.maxBackoff = d; return this; }

        /** Growth of the wait per attempt, at least 1; default 2. */
        public Builder multiplier(double m) { this.multiplier = m; return this; }

        /** The share of each wait that is randomised, 0 to 1; default 0.2. */
        public Builder jitter(double j) { this.jitter = j; return this; }

        /** Opt-in: also retry a submit when a task may already exist (may create a second, paid task); default false. */
        public Builder retrySubmitWhenTaskMayExist(boolean on) { this.retrySubmitWhenTaskMayExist = on; return this; }

        /**
         * Builds the policy.
         *
         * @throws IllegalArgumentException for fewer than 1 attempt, a negative backoff, a
         *         multiplier below 1 or a jitter outside 0..1
         */
        public RetryPolicy build() {
            return new RetryPolicy(this);
        }
    }
}
