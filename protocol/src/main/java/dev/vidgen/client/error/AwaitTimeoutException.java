package dev.vidgen.client.error;

import dev.vidgen.client.protocol.Sanitizer;
import dev.vidgen.domain.task.TaskId;
import dev.vidgen.domain.task.VideoTask;
import java.time.Duration;
import java.util.Optional;

/**
 * The wait's deadline passed before the task ended, or the server asked (with
 * {@code Retry-After}) not to be polled again before the deadline. The task goes on at the
 * server: resume with {@code await(taskId())}.
 */
public class AwaitTimeoutException extends VidgenException {

    private static final long serialVersionUID = 1L;

    private final TaskId taskId;
    private final transient VideoTask lastSnapshot;
    private final Duration retryAfter;

    public AwaitTimeoutException(TaskId taskId, VideoTask lastSnapshot, Duration waited) {
        this(taskId, lastSnapshot, waited, null, null);
    }

    /**
     * A wait ended early because the server asked to wait longer than the wait had left.
     *
     * @param retryAfter  what the server asked for ({@code Retry-After}), {@code null} for a plain timeout
     * @param beyond      how far that reaches past the deadline ({@code null} with {@code retryAfter})
     */
    public AwaitTimeoutException(TaskId taskId, VideoTask lastSnapshot, Duration waited, Duration retryAfter, Duration beyond) {
        super(message(taskId, lastSnapshot, waited, retryAfter, beyond), null, false);
        this.taskId = taskId;
        this.lastSnapshot = lastSnapshot;
        this.retryAfter = retryAfter;
    }

    private static String message(TaskId id, VideoTask last, Duration waited, Duration retryAfter, Duration beyond) {
        String status = last == null ? "unknown" : Sanitizer.sanitize(last.status().raw());
        if (retryAfter != null) {
            return "the server asked to wait " + seconds(retryAfter) + " s before polling task " + id + " again (Retry-After), "
                    + (beyond == null ? "beyond" : seconds(beyond) + " s beyond") + " the wait's deadline; gave up after "
                    + waited + " (last status: " + status + "); the task goes on, await it again later to resume";
        }
        return "task " + id + " did not finish within " + waited + " (last status: " + status
                + "); it is still running, await it again to resume";
    }

    private static long seconds(Duration d) {
        return d.getSeconds() + (d.getNano() > 0 ? 1 : 0);
    }

    /** The task that is still running. */
    public TaskId taskId() { return taskId; }

    /** The last snapshot seen, or {@code null} if no poll succeeded. */
    public VideoTask lastSnapshot() { return lastSnapshot; }

    /** The wait the server asked for when that is why the wait ended early; empty for a plain timeout. */
    public Optional<Duration> retryAfterBeyondDeadline() { return Optional.ofNullable(retryAfter); }
}
