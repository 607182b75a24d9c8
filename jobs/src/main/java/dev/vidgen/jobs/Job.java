package dev.vidgen.jobs;

import dev.vidgen.domain.task.TaskId;
import dev.vidgen.domain.task.Usage;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A job as the journal has it: an immutable snapshot. Fields not known yet are {@code null}
 * (the {@code Optional} accessors say so in their type).
 *
 * @param key           the caller's idempotency key
 * @param state         where the job is
 * @param model         the request's model id
 * @param taskId        the API's task id, once the submit answered
 * @param progress      the last progress the API reported (0 to 100)
 * @param attempts      how many POSTs were made for this job
 * @param polls         how many task queries were made for this job
 * @param errorCode     the task's error code (failed), or vidgen's reason code
 * @param lastError     the last error, as a sentence
 * @param usage         the {@code usage} the API reported for the task (credits reserved...)
 * @param enqueuedAt    when it was enqueued
 * @param submittedAt   when its last POST began
 * @param completedAt   when it was first seen completed (it completed at or before this)
 * @param storedAt      when its results were stored
 * @param updatedAt     the last change
 * @param resultUrls    the result URLs the API gave (valid 24 hours after completion)
 * @param results       where the results were stored
 * @param requestSha256 SHA-256 of the request's canonical JSON (a key refuses a different request)
 */
public record Job(JobKey key, JobState state, String model, TaskId taskId, Integer progress, int attempts, int polls,
                  String errorCode, String lastError, Usage usage, Instant enqueuedAt, Instant submittedAt,
                  Instant completedAt, Instant storedAt, Instant updatedAt, List<URI> resultUrls,
                  List<StoredResult> results, String requestSha256) {

    /** Checks the required fields and copies the lists. */
    public Job {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(enqueuedAt, "enqueuedAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
        resultUrls = resultUrls == null ? List.of() : List.copyOf(resultUrls);
        results = results == null ? List.of() : List.copyOf(results);
    }

    /** The task id, once the API answered the submit. */
    public Optional<TaskId> task() {
        return Optional.ofNullable(taskId);
    }

    /** The last error, if any. */
    public Optional<String> error() {
        return Optional.ofNullable(lastError);
    }

    /** The credits the API reported as reserved, once known. */
    public Optional<Long> credits() {
        return usage == null ? Optional.empty() : Optional.ofNullable(usage.creditsReserved());
    }

    /** Total bytes stored. */
    public long storedBytes() {
        return results.stream().mapToLong(StoredResult::bytes).sum();
    }
}
