package dev.vidgen.client.await;

import static dev.vidgen.client.await.WaitMath.max;
import static dev.vidgen.client.await.WaitMath.min;
import static dev.vidgen.client.await.WaitMath.unwrap;

import dev.vidgen.client.error.ApiException;
import dev.vidgen.client.error.AwaitTimeoutException;
import dev.vidgen.client.error.TaskFailedException;
import dev.vidgen.client.error.UnusableResultException;
import dev.vidgen.client.observe.ClientObserver;
import dev.vidgen.client.retry.RetryClassifier;
import dev.vidgen.client.retry.RetryEngine;
import dev.vidgen.domain.task.TaskId;
import dev.vidgen.domain.task.TaskState;
import dev.vidgen.domain.task.VideoTask;
import dev.vidgen.client.internal.Calls;
import dev.vidgen.ports.CallSettings;
import dev.vidgen.ports.TaskSubmissionPort;
import dev.vidgen.ports.time.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits for tasks to end, without a thread per task: every wait is a chain of callbacks on the
 * {@link Scheduler} and the port's async API, so 10,000 waits share the scheduler's thread and the
 * transport's threads. Thread-safe.
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

    private static final Logger LOG = LoggerFactory.getLogger(TaskAwaiter.class);

    private final TaskSubmissionPort port;
    private final Scheduler scheduler;
    private final Function<? super Throwable, Optional<Duration>> retryAfter;
    private final DoubleSupplier random;
    private final PollGate gate;
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
        this(port, scheduler, retryAfter, random, observer, PollGate.DEFAULT_LIMIT);
    }

    /** As above, with at most {@code maxPollsInFlight} task queries in flight at once (see {@link PollGate}). */
    TaskAwaiter(TaskSubmissionPort port, Scheduler scheduler, Function<? super Throwable, Optional<Duration>> retryAfter,
                DoubleSupplier random, int maxPollsInFlight) {
        this(port, scheduler, retryAfter, random, ClientObserver.NOOP, maxPollsInFlight);
    }

    private TaskAwaiter(TaskSubmissionPort port, Scheduler scheduler, Function<? super Throwable, Optional<Duration>> retryAfter,
                        DoubleSupplier random, ClientObserver observer, int maxPollsInFlight) {
        this.gate = new PollGate(maxPollsInFlight);
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
        Wait wait = new Wait(id, options);
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
        Wait wait = new Wait(known.id(), options);
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

    /** The key the listener is notified on: a change of any part is an event. */
    private record Seen(String status, Integer progress, Long etaSeconds, int results) { }

    /**
     * One wait. Its steps run one after another (poll, answer, next poll), each on the scheduler's
     * thread, so its plain fields need no lock; the lock only orders the hand-over of the timer and
     * the fetch in flight with a cancel coming from another thread.
     */
    private final class Wait {
        final TaskId id;
        final AwaitOptions options;
        final Instant startedAt;
        final Instant deadline;
        final CompletableFuture<VideoTask> result = new CompletableFuture<>();

        PollHistory history;
        VideoTask last;
        Throwable lastError;
        Duration retryAfterHint;
        int emptyRequeries;
        Instant completedSeenAt;
        Seen seen;
        WaitEvents events;

        private Scheduler.Cancellable timer;
        private CompletableFuture<VideoTask> inFlight;
        private final PollGate.Permit permit = gate.permit();

        Wait(TaskId id, AwaitOptions options) {
            this.id = id;
            this.options = options;
            this.startedAt = scheduler.now();
            this.deadline = RetryEngine.after(startedAt, options.timeout());
            this.history = PollHistory.begin(startedAt);
        }

        void start(VideoTask known) {
            result.whenComplete((value, error) -> stop());
            events = WaitEvents.start(observer, id, known, startedAt);
            result.whenComplete((value, error) -> events.ended(last, error, history.polls(), scheduler.now()));
            if (known == null) {
                schedule(Duration.ZERO, this::poll);
            } else {
                // on the scheduler too, so that the listener always runs there
                schedule(Duration.ZERO, () -> {
                    Instant now = scheduler.now();
                    Instant seenAt = known.observedAt().isAfter(now) ? now : known.observedAt();
                    accept(known, seenAt, now);
                });
            }
        }

        private void stop() {
            Scheduler.Cancellable t;
            CompletableFuture<VideoTask> f;
            synchronized (this) {
                t = timer;
                f = inFlight;
                timer = null;
                inFlight = null;
            }
            if (t != null) {
                t.cancel();
            }
            if (f != null) {
                f.cancel(true);
            }
            permit.release(); // a cancelled timer may have been the fetch that was to give it back
        }

        /** Schedules the step unless the wait is over; whether it was scheduled. */
        private boolean schedule(Duration delay, Runnable step) {
            synchronized (this) {
                if (result.isDone()) {
                    return false;
                }
                try {
                    timer = scheduler.schedule(delay, () -> guarded(step));
                    return true;
                } catch (RuntimeException e) {
                    // a closed scheduler must end the wait, not leave it hanging
                    result.completeExceptionally(e);
                    return false;
                }
            }
        }

        private void guarded(Runnable step) {
            try {
                step.run();
            } catch (RuntimeException | Error e) {
                result.completeExceptionally(e);
                if (e instanceof Error err) {
                    throw err;
                }
            }
        }

        private void poll() {
            if (!result.isDone()) {
                // a permit freed later may come on a transport thread: the fetch then starts on the scheduler
                permit.acquire(this::startFetch, () -> schedule(Duration.ZERO, this::startFetch));
            }
        }

        /** Runs holding a permit of the gate, given back when the fetch ends (at once when there is none). */
        private void startFetch() {
            if (result.isDone()) {
                permit.release();
                return;
            }
            Instant now = scheduler.now();
            history = history.at(now).withPoll();
            events.polled(last, history.polls());
            boolean sync = options.pollOptions().syncUpstream() && !(last != null && last.status().state() == TaskState.COMPLETED);
            // no poll outlives the deadline by more than one minimum interval
            Duration budget = max(Duration.between(now, deadline), options.minInterval());
            CallSettings call = Calls.toPort(options.pollOptions(), budget, sync);
            CompletableFuture<VideoTask> fetch;
            try {
                fetch = port.fetchAsync(id, call);
                if (fetch == null) {
                    throw new IllegalStateException("the task port returned no future for a fetch of task " + id);
                }
            } catch (RuntimeException e) {
                fetch = CompletableFuture.failedFuture(e);
            }
            boolean cancelled;
            synchronized (this) {
                cancelled = result.isDone();
                if (!cancelled) {
                    inFlight = fetch;
                }
            }
            if (cancelled) {
                fetch.cancel(true);
                return;
            }
            // the answer may arrive on a transport thread: continue on the scheduler
            fetch.whenComplete((task, error) -> {
                permit.release();
                schedule(Duration.ZERO, () -> onAnswer(task, error));
            });
        }

        private void onAnswer(VideoTask task, Throwable error) {
            synchronized (this) {
                inFlight = null;
            }
            if (result.isDone()) {
                return;
            }
            Instant now = scheduler.now();
            if (error != null) {
                onFailedPoll(unwrap(error), now);
                return;
            }
            if (task == null) {
                result.completeExceptionally(new IllegalStateException("the task port answered a fetch of task " + id + " with no task"));
                return;
            }
            lastError = null;
            retryAfterHint = null;
            accept(task, now, now);
        }

        private void accept(VideoTask answer, Instant seenAt, Instant now) {
            VideoTask task = answer;
            if (task.status().state() == TaskState.COMPLETED) {
                // the earliest evidence of completion is carried to every later snapshot of the wait
                task = task.withCompletedBy(completedSeenAt);
                completedSeenAt = task.completedBy();
            }
            last = task;
            history = history.observe(task, seenAt).at(now);
            notifyListener();
            switch (task.status().state()) {
                case COMPLETED -> {
                    if (task.results().isEmpty() && emptyRequeries < options.emptyResultRetries() && now.isBefore(deadline)) {
                        emptyRequeries++;
                        schedule(min(options.minInterval(), Duration.between(now, deadline)), this::poll);
                    } else if (task.results().isEmpty() && !task.resultProblems().isEmpty()) {
                        result.completeExceptionally(new UnusableResultException(task));
                    } else {
                        if (!task.resultProblems().isEmpty()) {
                            LOG.warn("task {} completed; result entries left out as unusable: {}", id,
                                    dev.vidgen.client.protocol.Sanitizer.sanitize(String.join("; ", task.resultProblems())));
                        }
                        events.completed(task);
                        result.complete(task);
                    }
                }
                case FAILED, CANCELLED -> result.completeExceptionally(events.failed(new TaskFailedException(task)));
                default -> scheduleNext(now);
            }
        }

        private void onFailedPoll(Throwable error, Instant now) {
            if (!keepsWaitAlive(error)) {
                result.completeExceptionally(error);
                return;
            }
            lastError = error;
            retryAfterHint = retryAfter.apply(error).filter(d -> !d.isNegative()).orElse(null);
            LOG.debug("poll {} of task {} failed ({}); still waiting", history.polls(), id, error.toString());
            scheduleNext(now);
        }

        private void scheduleNext(Instant now) {
            Duration remaining = Duration.between(now, deadline);
            if (remaining.isNegative() || remaining.isZero()) {
                timeout(now);
                return;
            }
            Duration delay = options.polling().nextDelay(history.at(now), options.minInterval(), options.maxInterval(),
                    random.getAsDouble());
            if (delay == null) {
                throw new IllegalStateException("polling cadence " + options.polling() + " returned no delay");
            }
            if (retryAfterHint != null && retryAfterHint.compareTo(delay) > 0) {
                if (retryAfterHint.compareTo(remaining) > 0) {
                    // the server asked not to be polled again before the deadline: say so, it is not a plain timeout
                    AwaitTimeoutException early = new AwaitTimeoutException(id, last, Duration.between(startedAt, now),
                            retryAfterHint, retryAfterHint.minus(remaining));
                    if (lastError != null) {
                        early.addSuppressed(lastError);
                    }
                    result.completeExceptionally(early);
                    return;
                }
                delay = retryAfterHint;
            }
            schedule(min(max(delay, Duration.ZERO), remaining), this::poll);
        }

        private void timeout(Instant now) {
            AwaitTimeoutException timeout = new AwaitTimeoutException(id, last, Duration.between(startedAt, now));
            if (lastError != null) {
                timeout.addSuppressed(lastError);
            }
            result.completeExceptionally(timeout);
        }

        private void notifyListener() {
            Duration eta = history.eta();
            Seen current = new Seen(last.status().raw(), last.progress(), eta == null ? null : eta.toSeconds(), last.results().size());
            if (current.equals(seen)) {
                return;
            }
            seen = current;
            ProgressEvent event = new ProgressEvent(last, eta, history.elapsed(), history.polls());
            try {
                options.listener().onProgress(event);
            } catch (RuntimeException e) {
                LOG.warn("the progress listener of the wait for task {} threw; ignored", id, e);
            }
        }
    }
}
