package dev.vidgen.ports.time;

import java.time.Duration;
import java.time.Instant;

/**
 * Time as the client sees it: the current instant and delayed tasks. The client's polling,
 * retries and backoff use only this, so tests can run them in virtual time (see the testkit).
 *
 * <p>Scheduled tasks must be short and non-blocking: they run on a small shared thread.
 */
public interface Scheduler {

    /** The current instant. */
    Instant now();

    /** Runs {@code task} once after {@code delay} (zero or negative: as soon as possible). */
    Cancellable schedule(Duration delay, Runnable task);

    /** A scheduled task that can be called off. */
    @FunctionalInterface
    interface Cancellable {
        /** Calls the task off if it has not started; returns whether it was called off. */
        boolean cancel();
    }
}
