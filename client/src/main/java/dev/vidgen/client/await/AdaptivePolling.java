package dev.vidgen.client.await;

import java.time.Duration;
import java.time.Instant;

/**
 * Polls often when the task should end soon and rarely when it should not:
 * <ol>
 *   <li>Before the expected end ({@link PollHistory#expectedEnd()}: from the observed progress
 *       rate, else from the server's {@code estimated_time}), the next poll comes after
 *       {@code etaFraction} of the time left. So the first poll after a submit comes after a
 *       fraction of {@code estimated_time}, and polls close in on the expected end instead of
 *       overshooting it.</li>
 *   <li>Past the expected end, the delay is {@code ageFraction} of the time overdue: a task a little
 *       late is polled often, a stalled one more and more rarely.</li>
 *   <li>With no basis for an expected end (no estimate, no progress yet) the delay is
 *       {@code ageFraction} of the task's age: a task of unknown length is polled quickly at first
 *       and then more and more rarely.</li>
 *   <li>The result is kept within the wait's min and max interval, then spread by up to
 *       {@code jitter} either way (and kept within them again), so thousands of waits started
 *       together do not poll in lockstep.</li>
 *   <li>Before that, a task that reports progress (1% to 99%) sleeps at most 15% of its age, and
 *       at 80% to 99% at most 1.5% of it: progress comes in uneven jumps, so a rate taken from
 *       two of them can put the end far too late, and the last percent often stalls (encoding,
 *       upload) while the rate says the end is far. These caps spend polls where tasks end, so
 *       the ETA share can be larger early on (BENCHMARKS.md 15.4).</li>
 * </ol>
 *
 * @param etaFraction share of the ETA to sleep, in (0, 1]
 * @param ageFraction share of the task's age (or of the time overdue) to sleep without an ETA, in (0, 1]
 * @param jitter      share of the delay that is randomised either way, in [0, 1)
 */
public record AdaptivePolling(double etaFraction, double ageFraction, double jitter) implements PollingCadence {

    private static final AdaptivePolling DEFAULTS = new AdaptivePolling(0.6, 0.2, 0.1);

    /** From this percent on (below 100) the task is taken to be finishing. */
    static final int NEAR_END_PERCENT = 80;
    /** The longest sleep of a task that reports progress, as a share of its age (BENCHMARKS.md 15.4). */
    static final double PROGRESS_AGE_FRACTION = 0.15;
    /** The longest sleep of a finishing task, as a share of its age (BENCHMARKS.md 15.4). */
    static final double NEAR_END_AGE_FRACTION = 0.015;

    public AdaptivePolling {
        if (!(etaFraction > 0 && etaFraction <= 1)) {
            throw new IllegalArgumentException("etaFraction must be within (0, 1], got " + etaFraction);
        }
        if (!(ageFraction > 0 && ageFraction <= 1)) {
            throw new IllegalArgumentException("ageFraction must be within (0, 1], got " + ageFraction);
        }
        if (!(jitter >= 0 && jitter < 1)) {
            throw new IllegalArgumentException("jitter must be within [0, 1), got " + jitter);
        }
    }

    /** 60% of the time left, a fifth of the age or of the time overdue, 10% jitter (chosen by BENCHMARKS.md 15.4). */
    public static AdaptivePolling defaults() {
        return DEFAULTS;
    }

    @Override
    public Duration nextDelay(PollHistory history, Duration minInterval, Duration maxInterval, double random) {
        Instant end = history.expectedEnd();
        Instant now = history.now();
        double seconds;
        if (end == null) {
            seconds = seconds(history.taskAge()) * ageFraction;
        } else if (end.isAfter(now)) {
            seconds = seconds(Duration.between(now, end)) * etaFraction;
        } else {
            seconds = seconds(Duration.between(end, now)) * ageFraction;
        }
        Integer percent = history.latest() == null ? null : history.latest().progress();
        if (percent != null && percent > 0 && percent < 100) {
            seconds = Math.min(seconds, seconds(history.taskAge()) * PROGRESS_AGE_FRACTION);
        }
        if (percent != null && percent >= NEAR_END_PERCENT && percent < 100) {
            // the last percent before completion often stalls (encoding, upload): the end is near, whatever the rate said
            seconds = Math.min(seconds, seconds(history.taskAge()) * NEAR_END_AGE_FRACTION);
        }
        double min = seconds(minInterval);
        double max = seconds(maxInterval);
        double bounded = clamp(seconds, min, max);
        double r = clamp(random, 0, 1);
        double jittered = clamp(bounded * (1 + jitter * (2 * r - 1)), min, max);
        return Duration.ofNanos(Math.round(jittered * 1e9));
    }

    private static double seconds(Duration d) {
        return d.getSeconds() + d.getNano() / 1e9;
    }

    private static double clamp(double v, double lo, double hi) {
        return Math.max(lo, Math.min(hi, v));
    }
}
