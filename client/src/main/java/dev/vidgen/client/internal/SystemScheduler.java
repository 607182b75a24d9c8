package dev.vidgen.client.internal;

import dev.vidgen.ports.time.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The real-time {@link Scheduler}: one daemon thread named {@code vidgen-scheduler} runs every
 * delayed task of a client (polls, backoffs), however many tasks are awaited at once.
 *
 * <p>Tasks must be short and must not block. A task that throws is logged and does not stop the
 * thread. A cancelled task is removed from the queue at once, so 10,000 cancelled waits do not
 * linger in memory. After {@link #close()} no task runs and {@link #schedule} throws
 * {@link IllegalStateException}.
 */
public final class SystemScheduler implements Scheduler, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SystemScheduler.class);

    /** The name of the scheduler's thread. */
    public static final String THREAD_NAME = "vidgen-scheduler";

    private final Clock clock;
    private final ScheduledThreadPoolExecutor executor;

    /** A scheduler on the system UTC clock. */
    public SystemScheduler() {
        this(Clock.systemUTC());
    }

    /**
     * A scheduler whose {@link #now()} comes from {@code clock}. Delays are measured with
     * {@link System#nanoTime()}, so the clock should tick with real time (a different zone or a
     * fixed offset is fine; a frozen clock is not what this class is for).
     */
    public SystemScheduler(Clock clock) {
        this.clock = Objects.requireNonNull(clock, "clock must not be null");
        this.executor = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread thread = new Thread(runnable, THREAD_NAME);
            thread.setDaemon(true);
            return thread;
        });
        executor.setRemoveOnCancelPolicy(true);
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
    }

    @Override
    public Instant now() {
        return clock.instant();
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        Objects.requireNonNull(delay, "delay must not be null");
        Objects.requireNonNull(task, "task must not be null");
        ScheduledFuture<?> future;
        try {
            future = executor.schedule(() -> runLogged(task), saturatedNanos(delay), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            throw new IllegalStateException("the vidgen scheduler is closed; no task can be scheduled", e);
        }
        return () -> future.cancel(false);
    }

    private static void runLogged(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException | Error e) {
            // a scheduled task has nobody to throw to: log it so it is not lost, keep the thread alive
            LOG.error("a scheduled vidgen task failed", e);
        }
    }

    private static long saturatedNanos(Duration delay) {
        if (delay.isNegative()) {
            return 0;
        }
        try {
            return delay.toNanos();
        } catch (ArithmeticException tooLong) {
            return Long.MAX_VALUE;
        }
    }

    /** Stops the thread and drops every pending task. Idempotent. */
    @Override
    public void close() {
        executor.shutdownNow();
    }

    @Override
    public String toString() {
        return "SystemScheduler[pending=" + executor.getQueue().size() + (executor.isShutdown() ? ", closed" : "") + "]";
    }
}
