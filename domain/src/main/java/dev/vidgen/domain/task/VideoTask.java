package dev.vidgen.domain.task;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A snapshot of a task as the server described it at {@link #observedAt()}.
 *
 * @param id             the task id
 * @param model          the model the server used, or {@code null}
 * @param status         the status, unknown statuses kept as raw text
 * @param progress       0 to 100, or {@code null} when not reported
 * @param estimatedTime  the server's estimate of the total run time, or {@code null}
 * @param results        the usable outputs; empty until completed
 * @param error          why the task failed, or {@code null}
 * @param usage          billing information, or {@code null}
 * @param createdAt      when the server created the task, or {@code null}
 * @param observedAt     when this snapshot was received
 * @param completedBy    for a completed task: the earliest evidence of completion vidgen has (the
 *                       arrival of the first snapshot that said {@code completed}); the task
 *                       completed at or before it. {@code null} for a task not completed; for a
 *                       completed one it defaults to {@code observedAt}
 * @param resultProblems the result entries the server listed that cannot be used (no URL, an
 *                       unusable URL), one description each ({@code "result 1: the url is null"});
 *                       they are not in {@code results}
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
        Instant observedAt,
        Instant completedBy,
        List<String> resultProblems) {

    /** How long result URLs stay valid after completion. */
    public static final Duration RESULT_LIFETIME = Duration.ofHours(24);

    public VideoTask {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(observedAt, "observedAt");
        results = results == null ? List.of() : List.copyOf(results);
        resultProblems = resultProblems == null ? List.of() : List.copyOf(resultProblems);
        if (status.state() != TaskState.COMPLETED) {
            completedBy = null;
        } else if (completedBy == null || completedBy.isAfter(observedAt)) {
            completedBy = observedAt; // evidence can only be earlier than this snapshot, never later
        }
    }

    /** A snapshot without earlier evidence of completion and without unusable result entries. */
    public VideoTask(TaskId id, String model, TaskStatus status, Integer progress, Duration estimatedTime,
                     List<TaskResult> results, TaskError error, Usage usage, Instant createdAt, Instant observedAt) {
        this(id, model, status, progress, estimatedTime, results, error, usage, createdAt, observedAt, null, List.of());
    }

    /** Whether the task will never change again. */
    public boolean isTerminal() {
        return status.isTerminal();
    }

    /**
     * This snapshot with earlier evidence of completion: the earlier of {@code evidence} and
     * {@link #completedBy()} is kept. Unchanged for a task that is not completed.
     */
    public VideoTask withCompletedBy(Instant evidence) {
        if (evidence == null || completedBy == null || !evidence.isBefore(completedBy)) {
            return this;
        }
        return new VideoTask(id, model, status, progress, estimatedTime, results, error, usage, createdAt, observedAt,
                evidence, resultProblems);
    }

    /** For a completed task: it completed at or before this instant ({@link #completedBy()}). */
    public Optional<Instant> completedNoLaterThan() {
        return Optional.ofNullable(completedBy);
    }

    /**
     * When the result URLs stop working, at the latest: 24 hours after {@link #completedBy()}. The
     * server does not say when a task completed, so this is an upper bound, never later than the
     * truth; a user should say "valid until at most". Empty for a task that is not completed.
     */
    public Optional<Instant> resultsExpireAt() {
        return completedBy == null ? Optional.empty() : Optional.of(completedBy.plus(RESULT_LIFETIME));
    }

    /** The first result's URL, if there is one. */
    public Optional<java.net.URI> firstResultUrl() {
        return results.isEmpty() ? Optional.empty() : Optional.of(results.get(0).url());
    }
}
