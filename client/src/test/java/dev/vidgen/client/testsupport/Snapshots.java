package dev.vidgen.client.testsupport;

import dev.vidgen.fake.time.VirtualTime;
import dev.vidgen.domain.task.TaskError;
import dev.vidgen.domain.task.TaskId;
import dev.vidgen.domain.task.TaskResult;
import dev.vidgen.domain.task.TaskStatus;
import dev.vidgen.domain.task.VideoTask;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Builds task snapshots for tests: {@code Snapshots.of(id).status("processing").progress(40).at(t).build()}. */
public final class Snapshots {

    private final TaskId id;
    private TaskStatus status = TaskStatus.PENDING;
    private Integer progress;
    private Duration estimatedTime;
    private final List<TaskResult> results = new ArrayList<>();
    private TaskError error;
    private Instant createdAt;
    private Instant observedAt = VirtualTime.DEFAULT_START;

    private Snapshots(TaskId id) {
        this.id = id;
    }

    public static Snapshots of(TaskId id) {
        return new Snapshots(id);
    }

    public static Snapshots of(String id) {
        return new Snapshots(TaskId.of(id));
    }

    public Snapshots status(String raw) { this.status = TaskStatus.parse(raw); return this; }

    public Snapshots progress(Integer p) { this.progress = p; return this; }

    public Snapshots estimatedSeconds(long s) { this.estimatedTime = Duration.ofSeconds(s); return this; }

    public Snapshots result(String url) { this.results.add(new TaskResult(URI.create(url), Map.of())); return this; }

    public Snapshots error(String code, String message) { this.error = new TaskError(code, message, "task_error"); return this; }

    public Snapshots createdAt(Instant t) { this.createdAt = t; return this; }

    public Snapshots at(Instant t) { this.observedAt = t; return this; }

    public VideoTask build() {
        return new VideoTask(id, "kling-o3-ref", status, progress, estimatedTime, results, error, null, createdAt, observedAt);
    }
}
