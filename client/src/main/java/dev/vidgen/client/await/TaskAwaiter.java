package dev.vidgen.client.await;

import dev.vidgen.client.error.ApiException;
import dev.vidgen.client.error.AwaitTimeoutException;
import dev.vidgen.client.error.TaskFailedException;
import dev.vidgen.client.error.UnusableResultException;
import dev.vidgen.client.internal.CallGate;
import dev.vidgen.client.observe.ClientObserver;
import dev.vidgen.client.retry.RetryClassifier;
import dev.vidgen.domain.task.TaskId;
import dev.vidgen.domain.task.VideoTask;
import dev.vidgen.ports.TaskSubmissionPort;
import dev.vidgen.ports.time.Scheduler;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Function;

/**
 * Waits for tasks to end, without a thread per task: every wait is a chain of callbacks on the
 * {@link Scheduler} and the port's async API, so 100,000 waits share the scheduler's thread and the
 * transport's threads; at most 256 polls are in flight, the others queue here, cheaply. Thread-safe.
 *
 * <p>A wait ends:
 * <ul>
 *   <li>with the task, when it is {@code completed}. A completed task without results is queried
 *       again (without {@code sync_upstream}, {@link AwaitOptions#minInterval()} apart) up to
 *       {@link AwaitOptions#emptyResultRetries()} times; if the results are still missing then, or
 *       the deadline has come, the completed task is returned as it is, with no results, unless
 *       the server listed result entries none of which is usable: then the wait ends with
 *       {@link UnusableResultException}. Entries that cannot be used beside usable ones are named
 *       in {@link VideoTask#resultProblems()}. The returned snapshot's {@link VideoTask#completedBy()}
 *       is the arrival of the first snapshot that said {@code completed} (the results' 24 hours
 *       run from completion, which was no later than that);</li>
 *   <li>with {@link TaskFailedException} when it is {@code failed} or {@code cancelled};</li>
 *   <li>with {@link AwaitTimeoutException} (task id, last snapshot, time waited) at the deadline
 *       ({@link AwaitOptions#timeout()}): the last poll is made at the deadline, never after it;
 *       the last poll error, if any, is attached as suppressed. It also ends early when the
 *       server's {@code Retry-After} reaches past the deadline, and then says so
 *       ({@link AwaitTimeoutException#retryAfterBeyondDeadline()});</li>
 *   <li>with the port's exception when a poll fails in a way waiting cannot cure, as
 *       {@link RetryClassifier} decides: rate limiting (429), 500/502/503/504, transport I/O errors
 *       and answers cut short keep the wait alive until its deadline (the port has already retried
 *       them within the poll); a task that does not exist (404), a rejected key (401) or an answer
 *       that is well-formed but wrong end the wait at once;</li>
 *   <li>cancelled, when the returned future is cancelled (or an interrupted
 *       {@link TaskSubmissionPort.Futures#join} cancels it): the scheduled poll and the fetch in
 *       flight are cancelled, and no poll follows.</li>
 * </ul>
 * An unknown status is treated as still running. The {@link ProgressListener} runs on the
 * scheduler's thread and hears the first snapshot and every change of status, percent, ETA
 * (to the second) or number of results.
 */
public final class TaskAwaiter {

    private final TaskSubmissionPort port;
    private final Scheduler scheduler;
    private final Function<? super Throwable, Optional<Duration>> retryAfter;
    private final DoubleSupplier random;
    private final CallGate gate;
    private final ClientObserver observer;

    /**
     * An awaiter polling {@code port} on {@code scheduler}, with random jitter, reading
     * {@code Retry-After} from {@link ApiException#retryAfter()}.
     */
    public TaskAwaiter(TaskSubmissionPort port, Scheduler scheduler) {
        this(port, scheduler, WaitMath::retryAfterOf, () -> ThreadLocalRandom.current().nextDouble());
    }

    /**
     * An awaiter with explicit hooks.
     *
     * @param port       fetches tasks
     * @param scheduler  the clock and the timer of every wait
     * @param retryAfter reads the server's {@code Retry-After} out of a failed poll's exception, if
     *                   it carries one; the next poll then waits at least that long
     * @param random     uniform numbers in [0, 1) for the polling cadence's jitter
     */
    public TaskAwaiter(TaskSubmissionPort port, Scheduler scheduler,
                       Function<? super Throwable, Optional<Duration>> retryAfter, DoubleSupplier random) {
        this(port, scheduler, retryAfter, random, ClientObserver.NOOP);
    }

    /** As the four-argument constructor, telling {@code observer} of every wait's start, polls, completion or failure and end. */
    public TaskAwaiter(TaskSubmissionPort port, Scheduler scheduler, Function<? super Throwable, Optional<Duration>> retryAfter,
                       DoubleSupplier random, ClientObserver observer) {
        this(port, scheduler, retryAfter, random, observer, CallGate.DEFAULT_LIMIT);
    }

    /** As above, with at most {@code maxPollsInFlight} task queries in flight at once (see {@link CallGate}). */
    TaskAwaiter(TaskSubmissionPort port, Scheduler scheduler, Function<? super Throwable, Optional<Duration>> retryAfter,
                DoubleSupplier random, int maxPollsInFlight) {
        this(port, scheduler, retryAfter, random, ClientObserver.NOOP, maxPollsInFlight);
    }

    private TaskAwaiter(TaskSubmissionPort port, Scheduler scheduler, Function<? super Throwable, Optional<Duration>> retryAfter,
                        DoubleSupplier random, ClientObserver observer, int maxPollsInFlight) {
        this.gate = new CallGate(maxPollsInFlight);
        this.observer = ClientObserver.safe(observer);
        this.port = Objects.requireNonNull(port, "port must not be null");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler must not be null");
        this.retryAfter = Objects.requireNonNull(retryAfter, "retryAfter must not be null");
        this.random = Objects.requireNonNull(random, "random must not be null");
    }

    /**
     * Waits for the task with this id to end. Knowing nothing about it, the first poll is made at
     * once; later polls follow {@link AwaitOptions#polling()}.
     *
     * @return completes as described in the class comment; cancel it to stop polling
     */
    public CompletableFuture<VideoTask> await(TaskId id, AwaitOptions options) {
        Objects.requireNonNull(id, "task id must not be null");
        Objects.requireNonNull(options, "await options must not be null");
        AwaitRun wait = new AwaitRun(id, options, port, scheduler, retryAfter, random, gate, observer);
        wait.start(null);
        return wait.result;
    }

    /**
     * Waits for a task starting from a snapshot already in hand, typically the answer to a submit:
     * the listener hears it first, and the first poll is timed from its {@code estimated_time}
     * (see {@link AdaptivePolling}). A terminal snapshot ends the wait without a poll (a completed
     * one without results is queried again, as usual).
     *
     * @return completes as described in the class comment; cancel it to stop polling
     */
    public CompletableFuture<VideoTask> await(VideoTask known, AwaitOptions options) {
        Objects.requireNonNull(known, "task snapshot must not be null");
        Objects.requireNonNull(options, "await options must not be null");
        AwaitRun wait = new AwaitRun(known.id(), options, port, scheduler, retryAfter, random, gate, observer);
        wait.start(known);
        return wait.result;
    }

    /**
     * Whether a failed poll keeps the wait alive (until its deadline) rather than ending it: when
     * {@link RetryClassifier} says a task query may be repeated after it.
     */
    static boolean keepsWaitAlive(Throwable error) {
        return RetryClassifier.worthRepeating(error);
    }

}
