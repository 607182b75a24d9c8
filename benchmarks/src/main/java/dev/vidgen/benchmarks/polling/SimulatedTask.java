package dev.vidgen.benchmarks.polling;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Random;

/**
 * One simulated task: when it was created, when it completes, what the server estimates, and the
 * progress a query sees at any moment.
 *
 * <p>The progress model (the API does not document how progress moves; this is the shape reported
 * for the real service and its upstreams, made random): the task first waits in a queue,
 * {@code pending} at 0%, for 5% to 30% of its run; then it is {@code processing} and its percent
 * rises in 3 to 14 jumps of uneven size at uneven, random times; it stops rising at 80% to 99%
 * and stays there for the last 2% to 15% of the run (encoding, upload); then it is
 * {@code completed}. The server's estimate is the true duration times a factor uniform in
 * [0.5, 1.5], in whole seconds, given with the submit answer only (as docs/api.md shows).
 *
 * @param createdAt    when the task was created
 * @param duration     from creation to completion
 * @param estimate     the server's {@code estimated_time}
 * @param changeOffsets offsets from creation at which the percent changes, ascending; the first is the end of the queue
 * @param percents     the percent from each change on
 */
public record SimulatedTask(Instant createdAt, Duration duration, Duration estimate, long[] changeOffsets, int[] percents) {

    /** Draws a task of {@code duration} created at {@code createdAt}. */
    public static SimulatedTask draw(Instant createdAt, Duration duration, Random random) {
        long total = duration.toNanos();
        long queueEnd = (long) (total * uniform(random, 0.05, 0.30));
        long stallStart = total - (long) (total * uniform(random, 0.02, 0.15));
        int jumps = 3 + random.nextInt(12);
        long[] at = new long[jumps];
        at[0] = queueEnd;
        for (int i = 1; i < jumps; i++) {
            at[i] = queueEnd + (long) ((stallStart - queueEnd) * random.nextDouble());
        }
        Arrays.sort(at);
        at[jumps - 1] = Math.max(at[jumps - 1], stallStart); // the last jump starts the stall
        double[] weights = new double[jumps];
        double sum = 0;
        for (int i = 0; i < jumps; i++) {
            weights[i] = -Math.log(1 - random.nextDouble()); // exponential: jumps of very uneven size
            sum += weights[i];
        }
        int cap = 80 + random.nextInt(20);
        int[] percents = new int[jumps];
        double cumulative = 0;
        for (int i = 0; i < jumps; i++) {
            cumulative += weights[i];
            percents[i] = Math.max(1, (int) Math.round(cap * cumulative / sum));
        }
        percents[jumps - 1] = cap;
        double factor = uniform(random, 0.5, 1.5);
        Duration estimate = Duration.ofSeconds(Math.max(1, Math.round(duration.toNanos() / 1e9 * factor)));
        return new SimulatedTask(createdAt, duration, estimate, at, percents);
    }

    /** This task with another server estimate (the duration-model sensitivity runs). */
    public SimulatedTask withEstimate(Duration newEstimate) {
        return new SimulatedTask(createdAt, duration, newEstimate, changeOffsets, percents);
    }

    /**
     * This task (same queue, duration and estimate) with smooth progress instead: 1% more at every
     * hundredth of the processing time, reaching 99% just before completion. For the sensitivity
     * figures only.
     */
    public SimulatedTask withLinearProgress() {
        long queueEnd = changeOffsets[0];
        long total = duration.toNanos();
        long[] at = new long[99];
        int[] p = new int[99];
        for (int i = 0; i < 99; i++) {
            at[i] = queueEnd + (total - queueEnd) * i / 99;
            p[i] = i + 1;
        }
        return new SimulatedTask(createdAt, duration, estimate, at, p);
    }

    /**
     * This task (same duration and estimate) reporting no progress at all: {@code pending} at 0%
     * until it completes, so only the server's estimate can guide a wait. For the sensitivity figures only.
     */
    public SimulatedTask withoutProgress() {
        return new SimulatedTask(createdAt, duration, estimate, new long[] {duration.toNanos()}, new int[] {0});
    }

    private static double uniform(Random random, double lo, double hi) {
        return lo + (hi - lo) * random.nextDouble();
    }

    /** When the task completes. */
    public Instant completesAt() {
        return createdAt.plus(duration);
    }

    /** Whether the task has completed at {@code now}. */
    public boolean completedAt(Instant now) {
        return !now.isBefore(completesAt());
    }

    /** The percent a query at {@code now} sees (100 once completed). */
    public int percentAt(Instant now) {
        if (completedAt(now)) {
            return 100;
        }
        long offset = Duration.between(createdAt, now).toNanos();
        int percent = 0;
        for (int i = 0; i < changeOffsets.length && changeOffsets[i] <= offset; i++) {
            percent = percents[i];
        }
        return percent;
    }

    /** Whether the task is still queued at {@code now}. */
    public boolean pendingAt(Instant now) {
        return Duration.between(createdAt, now).toNanos() < changeOffsets[0];
    }
}
