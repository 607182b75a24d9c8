package dev.vidgen.client.await;

import static dev.vidgen.client.await.WaitMath.max;
import static dev.vidgen.client.await.WaitMath.min;
import static dev.vidgen.client.await.WaitMath.unwrap;

import dev.vidgen.client.error.AwaitTimeoutException;
import dev.vidgen.client.error.TaskFailedException;
import dev.vidgen.client.error.UnusableResultException;
import dev.vidgen.client.internal.CallGate;
import dev.vidgen.client.observe.ClientObserver;
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
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.DoubleSupplier;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One wait. Its steps run one after another (poll, answer, next poll), each on the scheduler's
 * thread, so its plain fields need no lock; the lock only orders the hand-over of the timer and
 * the fetch in flight with a cancel coming from another thread.
 */
final class AwaitRun {

    private static final Logger LOG = LoggerFactory.getLogger(TaskAwaiter.class);

    /** The key the listener is notified on: a change of any part is an event. */
    private record Seen(String status, Integer progress, Long etaSeconds, int results) { }

    private final TaskSubmissionPort port;
    private final Scheduler scheduler;
    private final Function<? super Throwable, Optional<Duration>> retryAfter;
    private final DoubleSupplier random;
    private final ClientObserver observer;
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
    private final CallGate.Permit permit;

    /** A wait for task {@code id}, polling through {@code port} on {@code scheduler}, its polls let through by {@code gate}. */
    AwaitRun(TaskId id, AwaitOptions options, TaskSubmissionPort port, Scheduler scheduler,
             Function<? super Throwable, Optional<Duration>> retryAfter, DoubleSupplier random, CallGate gate,
             ClientObserver observer) {
        this.port = port;
        this.scheduler = scheduler;
        this.retryAfter = retryAfter;
        this.random = random;
        this.observer = observer;
        this.permit = gate.permit();
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
        if (!TaskAwaiter.keepsWaitAlive(error)) {
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
