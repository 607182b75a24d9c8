package dev.vidgen.client.await;

import java.time.Duration;

/**
 * The cadence of a wait: how long it sleeps before its next poll (not the polling protocol, which
 * is fixed: one task query per poll). A pure function of what the wait has seen, so it can be
 * simulated in virtual time and compared (see the benchmarks).
 *
 * <p>The wait applies two rules on top of any cadence: a {@code Retry-After} the server sent
 * with a failed poll is waited at least, and no poll is scheduled after the wait's deadline.
 * Pick one with {@link AwaitOptions.Builder#polling(PollingCadence)}.
 */
@FunctionalInterface
public interface PollingCadence {

    /**
     * The delay before the next poll.
     *
     * @param history     what the wait has seen, at the current instant
     * @param minInterval the wait's shortest allowed interval ({@link AwaitOptions#minInterval()})
     * @param maxInterval the wait's longest allowed interval ({@link AwaitOptions#maxInterval()})
     * @param random      a uniform random number in [0, 1), for jitter
     * @return a delay, zero or more
     */
    Duration nextDelay(PollHistory history, Duration minInterval, Duration maxInterval, double random);

    /** The default: {@link AdaptivePolling#defaults()}. */
    static PollingCadence adaptive() {
        return AdaptivePolling.defaults();
    }

    /**
     * Polls every {@code interval}, ignoring estimates, progress and the min/max bounds, without
     * jitter. Meant for comparisons (Replicate's samples poll every 0.5 s, Runway's every 6 s,
     * foxapi's sample code every 10 s), not for production use.
     */
    static PollingCadence fixed(Duration interval) {
        return new FixedPolling(interval);
    }
}
