package dev.vidgen.client.error;

import dev.vidgen.domain.task.TaskId;
import dev.vidgen.domain.task.VideoTask;

/**
 * The wait's deadline passed before the task ended. The task goes on at the server: resume with
 * {@code await(taskId())}.
 */
public class AwaitTimeoutException extends VidgenException {

    private static final long serialVersionUID = 1L;

    private final TaskId taskId;
    private final transient VideoTask lastSnapshot;

    public AwaitTimeoutException(TaskId taskId, VideoTask lastSnapshot, java.time.Duration waited) {
        super("task " + taskId + " did not finish within " + waited + " (last status: "
                + (lastSnapshot == null ? "unknown" : lastSnapshot.status().raw()) + "); it is still running, await it again to resume", null, false);
        this.taskId = taskId;
        this.lastSnapshot = lastSnapshot;
    }

    /** The task that is still running. */
    public TaskId taskId() { return taskId; }

    /** The last snapshot seen, or {@code null} if no poll succeeded. */
    public VideoTask lastSnapshot() { return lastSnapshot; }
}
