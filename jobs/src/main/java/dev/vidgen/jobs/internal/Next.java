package dev.vidgen.jobs.internal;

import java.time.Duration;

/**
 * What a step leaves for later: run the job again after {@code delay}, or nothing more ({@code null}).
 *
 * @param delay when to run again, or {@code null} when the job needs no more work
 */
public record Next(Duration delay) {

    /** The job needs no more work from a worker. */
    public static Next done() {
        return new Next(null);
    }

    /** Run the job again after {@code delay}. */
    public static Next after(Duration delay) {
        return new Next(delay.isNegative() ? Duration.ZERO : delay);
    }

    /** Whether the job needs no more work. */
    public boolean isDone() {
        return delay == null;
    }
}
