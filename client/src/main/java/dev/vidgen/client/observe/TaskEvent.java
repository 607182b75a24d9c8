package dev.vidgen.client.observe;

import dev.vidgen.domain.task.TaskId;
import java.time.Duration;
import java.util.Objects;

/**
 * One task lifecycle event, as {@link ClientObserver#taskEvent(TaskEvent)} hears it. Which fields a
 * kind fills is said at each {@link Kind}; the others are {@code null}, {@code 0} or {@code -1}.
 *
 * @param kind      what happened
 * @param taskId    the task ({@code null} only for a download of a task without an id, which cannot happen today)
 * @param model     the model id, {@code null} when not known yet (a wait before its first answer)
 * @param errorCode the task's error code ({@link Kind#FAILED}; {@code null} when the server gave none)
 * @param count     the poll's number ({@link Kind#POLLED}) or the wait's polls ({@link Kind#WAIT_ENDED}); else 0
 * @param bytes     the size of the downloaded file ({@link Kind#DOWNLOADED} that succeeded), else -1
 * @param duration  time from the submit to completion ({@link Kind#COMPLETED}; {@code null} when
 *                  unknown), the wait's time ({@link Kind#WAIT_ENDED}) or the download's
 *                  ({@link Kind#DOWNLOADED}); else {@code null}
 * @param outcome   how a wait ended ({@code completed}, {@code failed}, {@code timeout},
 *                  {@code cancelled}, {@code error}) or a download ({@code success}, {@code failure}); else {@code null}
 */
public record TaskEvent(Kind kind, TaskId taskId, String model, String errorCode, int count, long bytes,
                        Duration duration, String outcome) {

    /** A wait or download that succeeded. */
    public static final String COMPLETED = "completed";
    /** A wait that ended with a failed or cancelled task. */
    public static final String FAILED = "failed";
    /** A wait whose deadline passed. */
    public static final String TIMEOUT = "timeout";
    /** A wait that was cancelled. */
    public static final String CANCELLED = "cancelled";
    /** A wait that ended with another error (a poll that cannot succeed, say). */
    public static final String ERROR = "error";
    /** A download that succeeded. */
    public static final String SUCCESS = "success";
    /** A download that failed. */
    public static final String FAILURE = "failure";

    /** Checks that the event has a kind. */
    public TaskEvent {
        Objects.requireNonNull(kind, "kind");
    }

    /** What happened to a task. */
    public enum Kind {
        /** The server accepted a submit: task id and model. */
        SUBMITTED,
        /** A wait sent a poll: task id, model (when known), count (1 for the first poll). */
        POLLED,
        /** A wait saw the task completed: task id, model, duration since the submit (when known). */
        COMPLETED,
        /** A wait saw the task failed or cancelled: task id, model, error code. */
        FAILED,
        /** A wait started: task id, model (when known). */
        WAIT_STARTED,
        /** A wait ended: task id, model (when known), count of polls, duration, outcome. */
        WAIT_ENDED,
        /** A download ended: task id, model, bytes (on success), duration, outcome. */
        DOWNLOADED
    }

    /** {@link Kind#SUBMITTED}. */
    public static TaskEvent submitted(TaskId id, String model) {
        return new TaskEvent(Kind.SUBMITTED, id, model, null, 0, -1, null, null);
    }

    /** {@link Kind#POLLED}. */
    public static TaskEvent polled(TaskId id, String model, int poll) {
        return new TaskEvent(Kind.POLLED, id, model, null, poll, -1, null, null);
    }

    /** {@link Kind#COMPLETED}; {@code sinceSubmit} may be {@code null}. */
    public static TaskEvent completed(TaskId id, String model, Duration sinceSubmit) {
        return new TaskEvent(Kind.COMPLETED, id, model, null, 0, -1, sinceSubmit, null);
    }

    /** {@link Kind#FAILED}. */
    public static TaskEvent failed(TaskId id, String model, String errorCode) {
        return new TaskEvent(Kind.FAILED, id, model, errorCode, 0, -1, null, null);
    }

    /** {@link Kind#WAIT_STARTED}. */
    public static TaskEvent waitStarted(TaskId id, String model) {
        return new TaskEvent(Kind.WAIT_STARTED, id, model, null, 0, -1, null, null);
    }

    /** {@link Kind#WAIT_ENDED}. */
    public static TaskEvent waitEnded(TaskId id, String model, String outcome, int polls, Duration waited) {
        return new TaskEvent(Kind.WAIT_ENDED, id, model, null, polls, -1, waited, outcome);
    }

    /** {@link Kind#DOWNLOADED}; {@code bytes} is -1 for a failed download. */
    public static TaskEvent downloaded(TaskId id, String model, long bytes, Duration took, String outcome) {
        return new TaskEvent(Kind.DOWNLOADED, id, model, null, 0, bytes, took, outcome);
    }
}
