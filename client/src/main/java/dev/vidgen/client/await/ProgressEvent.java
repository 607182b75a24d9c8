package dev.vidgen.client.await;

import dev.vidgen.domain.task.TaskStatus;
import dev.vidgen.domain.task.VideoTask;
import java.time.Duration;

/**
 * What a wait has seen so far, delivered to a {@link ProgressListener} on every change.
 *
 * @param task    the latest snapshot (status, percent, results)
 * @param eta     the estimated time until the task ends, or {@code null} when unknown
 * @param elapsed time since the wait began
 * @param polls   how many task queries the wait has made
 */
public record ProgressEvent(VideoTask task, Duration eta, Duration elapsed, int polls) {

    /** The latest status. */
    public TaskStatus status() {
        return task.status();
    }

    /** The latest percent, 0 when the server did not report one. */
    public int percent() {
        return task.progress() == null ? 0 : task.progress();
    }
}
