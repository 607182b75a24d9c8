package dev.vidgen.client.testsupport;

import dev.vidgen.domain.task.TaskId;
import dev.vidgen.domain.task.VideoTask;
import java.time.Duration;
import java.time.Instant;

/**
 * A task that waits in a queue, then progresses linearly to 100% and completes with one result.
 *
 * @param id            the id
 * @param createdAt     when it was submitted
 * @param queued        time spent {@code pending} at 0%
 * @param runTime       total time from creation to completion (queue included)
 * @param estimated     the server's estimate to report, or {@code null}
 * @param reportPercent whether the server reports a percent at all
 */
public record SimulatedTask(TaskId id, Instant createdAt, Duration queued, Duration runTime, Duration estimated,
                            boolean reportPercent) {

    public Instant endsAt() {
        return createdAt.plus(runTime);
    }

    /** The snapshot the server would give at {@code t}. */
    public VideoTask at(Instant t) {
        Snapshots s = Snapshots.of(id).createdAt(createdAt).at(t);
        if (estimated != null) {
            s.estimatedSeconds(estimated.toSeconds());
        }
        Instant startsAt = createdAt.plus(queued);
        if (!t.isBefore(endsAt())) {
            return s.status("completed").progress(reportPercent ? 100 : null).result("https://cdn.example.com/" + id + ".mp4").build();
        }
        if (t.isBefore(startsAt)) {
            return s.status("pending").progress(reportPercent ? 0 : null).build();
        }
        double share = (double) Duration.between(startsAt, t).toMillis() / Duration.between(startsAt, endsAt()).toMillis();
        return s.status("processing").progress(reportPercent ? (int) Math.floor(share * 100) : null).build();
    }

    /** The submit answer: pending, 0%, with the estimate. */
    public VideoTask submitted() {
        return at(createdAt);
    }
}
