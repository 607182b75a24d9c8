package dev.vidgen.domain.task;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of a task as the server described it at {@link #observedAt()}.
 *
 * @param id            the task id
 * @param model         the model the server used, or {@code null}
 * @param status        the status, unknown statuses kept as raw text
 * @param progress      0 to 100, or {@code null} when not reported
 * @param estimatedTime the server's estimate of the total run time, or {@code null}
 * @param results       the outputs; empty until completed
 * @param error         why the task failed, or {@code null}
 * @param usage         billing information, or {@code null}
 * @param createdAt     when the server created the task, or {@code null}
 * @param observedAt    when this snapshot was received
 */
public record VideoTask(
        TaskId id,
        String model,
        TaskStatus status,
        Integer progress,
        Duration estimatedTime,
        List<TaskResult> results,
        TaskError error,
        Usage usage,
        Instant createdAt,
        Instant observedAt) {

    /** How long result URLs stay valid after completion. */
    public static final Duration RESULT_LIFETIME = Duration.ofHours(24);

    public VideoTask {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(observedAt, "observedAt");
        results = results == null ? List.of() : List.copyOf(results);
    }

    /** Whether the task will never change again. */
    public boolean isTerminal() {
        return status.isTerminal();
    }

    /**
     * When the result URLs stop working: 24 hours after completion was observed (the server does
     * not say when it completed, so this errs on the late side by at most one poll interval).
     */
    public Optional<Instant> resultsExpireAt() {
        return status.state() == TaskState.COMPLETED ? Optional.of(observedAt.plus(RESULT_LIFETIME)) : Optional.empty();
    }

    /** The first result's URL, if there is one. */
    public Optional<java.net.URI> firstResultUrl() {
        return results.isEmpty() ? Optional.empty() : Optional.of(results.get(0).url());
    }
}
