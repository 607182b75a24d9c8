package dev.vidgen.benchmarks.polling;

import dev.vidgen.domain.VideoRequest;
import dev.vidgen.domain.task.TaskId;
import dev.vidgen.domain.task.TaskResult;
import dev.vidgen.domain.task.TaskStatus;
import dev.vidgen.domain.task.Usage;
import dev.vidgen.domain.task.VideoTask;
import dev.vidgen.ports.CallSettings;
import dev.vidgen.ports.TaskSubmissionPort;
import dev.vidgen.ports.time.Scheduler;
import java.net.URI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * A task port over {@link SimulatedTask}s on a virtual clock: a fetch answers at once (on the
 * caller's thread) with what the server would say at that instant, and counts the query. Submits
 * are not simulated: the simulation creates tasks itself and hands the awaiter the submit answer
 * ({@link #submitAnswer}). Not thread-safe: the whole simulation runs on the thread advancing the
 * virtual time.
 */
final class SimulatedPort implements TaskSubmissionPort {

    private static final String MODEL = "veo-3.1-fast-reference-to-video";

    private final Scheduler clock;
    private final Map<TaskId, SimulatedTask> tasks = new HashMap<>();
    private final Map<TaskId, Integer> queries = new HashMap<>();

    SimulatedPort(Scheduler clock) {
        this.clock = clock;
    }

    /** Registers a task and returns the submit answer: pending, 0%, the server's estimate, {@code created} in whole seconds. */
    VideoTask submitAnswer(TaskId id, SimulatedTask task) {
        tasks.put(id, task);
        queries.put(id, 0);
        return new VideoTask(id, MODEL, TaskStatus.PENDING, 0, task.estimate(), List.of(), null, null,
                task.createdAt().truncatedTo(ChronoUnit.SECONDS), clock.now());
    }

    /** How many queries task {@code id} received. */
    int queries(TaskId id) {
        return queries.get(id);
    }

    @Override
    public CompletableFuture<VideoTask> submitAsync(VideoRequest request, CallSettings options) {
        throw new UnsupportedOperationException("the polling simulation creates its tasks itself");
    }

    @Override
    public CompletableFuture<VideoTask> fetchAsync(TaskId id, CallSettings options) {
        SimulatedTask task = tasks.get(id);
        if (task == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("no simulated task " + id));
        }
        queries.merge(id, 1, Integer::sum);
        Instant now = clock.now();
        Instant created = task.createdAt().truncatedTo(ChronoUnit.SECONDS);
        // as in docs/api.md: a query answer carries no task_info, so no estimated_time
        VideoTask answer;
        if (task.completedAt(now)) {
            answer = new VideoTask(id, MODEL, TaskStatus.COMPLETED, 100, null,
                    List.of(new TaskResult(URI.create("https://cdn.example.com/" + id.value() + ".mp4"), Map.of())), null,
                    new Usage(5L, "default", null), created, now);
        } else {
            answer = new VideoTask(id, MODEL, task.pendingAt(now) ? TaskStatus.PENDING : TaskStatus.PROCESSING,
                    task.percentAt(now), null, List.of(), null, new Usage(5L, "default", null), created, now);
        }
        return CompletableFuture.completedFuture(answer);
    }
}
