package dev.vidgen.client.error;

import dev.vidgen.client.protocol.Sanitizer;
import dev.vidgen.domain.task.VideoTask;

/**
 * The task is {@code completed}, but none of the result entries the server listed can be used (no
 * URL, an empty or unusable one), even after asking again. The task is terminal: waiting longer
 * does not help. {@link #task()} holds the final snapshot and
 * {@link VideoTask#resultProblems()} says what was wrong with each entry.
 */
public class UnusableResultException extends MalformedResponseException {

    private static final long serialVersionUID = 1L;

    private final transient VideoTask task;

    public UnusableResultException(VideoTask task) {
        super("task " + task.id() + " completed but none of its results is usable: "
                + Sanitizer.sanitize(String.join("; ", task.resultProblems())), null, false, false);
        this.task = task;
    }

    /** The completed task's last snapshot. */
    public VideoTask task() {
        return task;
    }
}
