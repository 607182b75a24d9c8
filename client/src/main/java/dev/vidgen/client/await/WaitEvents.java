package dev.vidgen.client.await;

import dev.vidgen.client.error.AwaitTimeoutException;
import dev.vidgen.client.error.TaskFailedException;
import dev.vidgen.client.observe.ClientObserver;
import dev.vidgen.client.observe.TaskEvent;
import dev.vidgen.domain.task.TaskId;
import dev.vidgen.domain.task.VideoTask;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;

/**
 * Tells the client's observer about one wait: its start, polls, completion or failure, and end.
 * Under {@link ClientObserver#NOOP} it builds no event.
 */
final class WaitEvents {

    private final ClientObserver observer;
    private final TaskId id;
    private final Instant startedAt;
    private final Instant submittedAt;

    private WaitEvents(ClientObserver observer, TaskId id, Instant startedAt, Instant submittedAt) {
        this.observer = observer;
        this.id = id;
        this.startedAt = startedAt;
        this.submittedAt = submittedAt;
    }

    /** A wait for {@code id} starts, from the snapshot {@code known} (typically the submit answer) or from nothing. */
    static WaitEvents start(ClientObserver observer, TaskId id, VideoTask known, Instant startedAt) {
        WaitEvents events = new WaitEvents(observer, id, startedAt, known == null ? null : known.observedAt());
        if (events.on()) {
            observer.taskEvent(TaskEvent.waitStarted(id, known == null ? null : known.model()));
        }
        return events;
    }

    private boolean on() {
        return observer != ClientObserver.NOOP;
    }

    void polled(VideoTask last, int poll) {
        if (on()) {
            observer.taskEvent(TaskEvent.polled(id, last == null ? null : last.model(), poll));
        }
    }

    void completed(VideoTask task) {
        if (on()) {
            observer.taskEvent(TaskEvent.completed(id, task.model(), sinceSubmit(submittedAt, task)));
        }
    }

    /** Reports the failed (or cancelled) task and returns {@code failure}. */
    TaskFailedException failed(TaskFailedException failure) {
        if (on()) {
            observer.taskEvent(TaskEvent.failed(id, failure.task().model(), failure.errorCode()));
        }
        return failure;
    }

    void ended(VideoTask last, Throwable error, int polls, Instant now) {
        if (on()) {
            observer.taskEvent(TaskEvent.waitEnded(id, last == null ? null : last.model(), outcome(error), polls,
                    Duration.between(startedAt, now)));
        }
    }

    /** {@code completed}, {@code failed}, {@code timeout}, {@code cancelled} or {@code error}. */
    static String outcome(Throwable error) {
        Throwable e = error;
        while (e instanceof CompletionException && e.getCause() != null) {
            e = e.getCause();
        }
        if (e == null) {
            return TaskEvent.COMPLETED;
        }
        if (e instanceof TaskFailedException) {
            return TaskEvent.FAILED;
        }
        if (e instanceof AwaitTimeoutException) {
            return TaskEvent.TIMEOUT;
        }
        return e instanceof CancellationException ? TaskEvent.CANCELLED : TaskEvent.ERROR;
    }

    /**
     * From the submit answer (when the wait started from it) or else the server's {@code created_at}
     * to the first snapshot that said completed; {@code null} when neither is known or the clocks disagree.
     */
    static Duration sinceSubmit(Instant submittedAt, VideoTask completed) {
        Instant from = submittedAt != null ? submittedAt : completed.createdAt();
        Instant to = completed.completedBy();
        if (from == null || to == null || to.isBefore(from)) {
            return null;
        }
        return Duration.between(from, to);
    }
}
