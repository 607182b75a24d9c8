package dev.vidgen.client.retry;

import java.time.Duration;
import java.util.Objects;

/**
 * When and how fast to retry. Task queries and downloads are retried on 429, 500, 502, 503, 504
 * and I/O errors; a submit only when no task can have been created (no connection, 429, 503),
 * unless {@link #retrySubmitWhenTaskMayExist()} is switched on.
 *
 * @param maxAttempts                  attempts in all, the first included (1 = no retry)
 * @param initialBackoff               the wait before the first retry
 * @param maxBackoff                   the longest wait between two attempts
 * @param multiplier                   growth of the wait per attempt
 * @param jitter                       0 to 1: the share of each wait that is randomised
 * @param retrySubmitWhenTaskMayExist  opt-in: also retry a submit after 500, a malformed 200, a read
 *                                     timeout or a reset after sending; may create a second, paid task
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, double multiplier,
                          double jitter, boolean retrySubmitWhenTaskMayExist) {

    public RetryPolicy {
        Objects.requireNonNull(initialBackoff, "initialBackoff");
        Objects.requireNonNull(maxBackoff, "maxBackoff");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1, got " + maxAttempts);
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
        return new RetryPolicy(4, Duration.ofMillis(500), Duration.ofSeconds(8), 2.0, 0.2, false);
    }

    /** No retries at all. */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, Duration.ZERO, 1.0, 0, false);
    }

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

    /** This policy with another number of attempts. */
    public RetryPolicy withMaxAttempts(int n) {
        return new RetryPolicy(n, initialBackoff, maxBackoff, multiplier, jitter, retrySubmitWhenTaskMayExist);
    }

    /** This policy with risky submit retries on or off. */
    public RetryPolicy withRetrySubmitWhenTaskMayExist(boolean on) {
        return new RetryPolicy(maxAttempts, initialBackoff, maxBackoff, multiplier, jitter, on);
    }
}
