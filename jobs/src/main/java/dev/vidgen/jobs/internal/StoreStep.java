package dev.vidgen.jobs.internal;

import dev.vidgen.client.error.ResultExpiredException;
import dev.vidgen.domain.task.TaskResult;
import dev.vidgen.domain.task.TaskStatus;
import dev.vidgen.domain.task.VideoTask;
import dev.vidgen.jobs.Job;
import dev.vidgen.jobs.JobState;
import dev.vidgen.jobs.StoredResult;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Saves every result of a completed job to the result store before the URLs expire. A job whose
 * results can no longer be fetched (24 hours after completion, or a 403/404/410) becomes
 * {@code expired} with a message that says so; a failure that may pass (I/O, 5xx) is retried.
 */
public final class StoreStep {

    private final JobContext ctx;

    /** The step. */
    public StoreStep(JobContext ctx) {
        this.ctx = ctx;
    }

    /** Downloads and stores the results of a completed job. */
    public Next run(Job completed) {
        Instant now = ctx.now();
        Instant expiry = completed.completedAt().plus(VideoTask.RESULT_LIFETIME);
        if (now.isAfter(expiry)) {
            return expire(completed, "the results were not fetched within 24 hours of completion: task "
                    + completed.taskId().value() + " completed at or before " + completed.completedAt()
                    + ", its result URLs stopped working by " + expiry + ", and it is now " + now
                    + "; the API no longer serves them (generate the video again with resubmit)");
        }
        VideoTask task = snapshot(completed);
        int count = completed.resultUrls().size();
        List<StoredResult> stored = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Path part = null;
            try {
                part = ctx.store().staging().resolve(UUID.randomUUID() + ".part");
                ctx.client().download(task, i, part);
                if (Files.size(part) == 0) {
                    throw new IOException("result " + i + " downloaded as 0 bytes");
                }
                stored.add(ctx.store().store(completed.key(), i, count, part));
                part = null;
            } catch (ResultExpiredException e) {
                return expire(completed, "result " + i + " can no longer be fetched: " + e.getMessage());
            } catch (IOException | RuntimeException e) {
                Job again = JobChange.of(completed).error("store_failed", "storing result " + i + " failed (will retry): " + e.getMessage())
                        .at(ctx.now());
                Duration delay = Duration.ofSeconds(2);
                ctx.commit(again, JobState.COMPLETED, Instant.now().plus(delay));
                return Next.after(delay);
            } finally {
                deleteQuietly(part);
            }
        }
        Instant done = ctx.now();
        ctx.commit(JobChange.of(completed).state(JobState.STORED).results(stored).storedAt(done).error(null, null).at(done),
                JobState.COMPLETED, null);
        return Next.done();
    }

    private Next expire(Job completed, String message) {
        ctx.commit(JobChange.of(completed).state(JobState.EXPIRED).error("results_expired", message).at(ctx.now()),
                JobState.COMPLETED, null);
        return Next.done();
    }

    /** The task as the journal remembers it: enough for the client to download its results. */
    private static VideoTask snapshot(Job job) {
        List<TaskResult> results = job.resultUrls().stream().map(u -> new TaskResult(u, Map.of())).toList();
        return new VideoTask(job.taskId(), job.model(), TaskStatus.COMPLETED, 100, null, results, null, job.usage(),
                null, job.completedAt(), job.completedAt(), List.of());
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a stray .part file in staging is harmless; the next store writes a new one
            }
        }
    }
}
