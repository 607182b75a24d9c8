package dev.vidgen.client.error;

import dev.vidgen.client.protocol.Sanitizer;
import dev.vidgen.domain.task.VideoTask;

/** The task ended {@code failed} (or {@code cancelled}); carries the final snapshot and its error code. */
public class TaskFailedException extends VidgenException {

    private static final long serialVersionUID = 1L;

    private final transient VideoTask task;

    public TaskFailedException(VideoTask task) {
        super("task " + task.id() + " ended " + Sanitizer.sanitize(task.status().raw())
                + (task.error() == null ? "" : ": " + Sanitizer.sanitize(task.error().code())
                        + (task.error().message() == null ? "" : " - " + Sanitizer.sanitize(task.error().message()))),
                null, false);
        this.task = task;
    }

    /** The final snapshot. */
    public VideoTask task() { return task; }

    /** The server's error code, or {@code null}. */
    public String errorCode() { return task.error() == null ? null : task.error().code(); }
}
