package dev.vidgen.client.error;

import dev.vidgen.domain.task.TaskId;

/** A result URL answered 403, 404 or 410: it expired (24 hours) or is gone. */
public class ResultExpiredException extends VidgenException {

    private static final long serialVersionUID = 1L;

    private final TaskId taskId;
    private final int httpStatus;

    public ResultExpiredException(TaskId taskId, int httpStatus) {
        super("result URL of task " + taskId + " expired or is gone (HTTP " + httpStatus + "); results are kept 24 hours", null, false);
        this.taskId = taskId;
        this.httpStatus = httpStatus;
    }

    /** The task whose result is gone. */
    public TaskId taskId() { return taskId; }

    /** The status the result URL answered. */
    public int httpStatus() { return httpStatus; }
}
