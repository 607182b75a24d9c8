package dev.vidgen.fake;

import dev.vidgen.domain.task.TaskError;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The script a fake task follows: the states a query sees, in order, and how it ends. Used by
 * both fakes ({@code FakeTaskPort} and {@code FakeVideoApi}). Immutable and shareable.
 *
 * <p>The submit answer is always {@code pending} at 0%, as the real API's. Queries then see the
 * stages in order and finally the outcome, driven either by the number of queries of the task or
 * by the time since it was created (on the fake's clock, which may be virtual):
 * <pre>{@code
 * Lifecycle.builder().pending().processing(30).processing(70).completed();        // query 1: pending, 2: 30%, 3: 70%, 4+: completed
 * Lifecycle.builder().pending().processing(50).completedAfterPolls(10);           // query 1: pending, 2-9: 50%, 10+: completed
 * Lifecycle.builder().pending().processing(50).completedAfter(Duration.ofMinutes(2)); // first minute pending, then 50%, completed at 2 min
 * Lifecycle.builder().processing(20).failed("generation_failed");                // query 1: 20%, 2+: failed
 * }</pre>
 */
public final class Lifecycle {

    /**
     * The submit answer's estimate unless set, for a script driven by queries: short, so that a
     * client polls again at once and a real-time test ends in milliseconds, not in the 45 s a
     * real task's estimate would make it wait. A script driven by time estimates its end time.
     */
    public static final Duration QUICK_ESTIMATE = Duration.ofMillis(100);

    /** The estimate of a typical real task (45 s), set by {@link Builder#realistic()}. */
    public static final Duration REALISTIC_ESTIMATE = Duration.ofSeconds(45);

    /** How a task ends. */
    public enum Outcome {
        /** {@code completed} with results. */
        COMPLETED,
        /** {@code failed} with an error. */
        FAILED,
        /** {@code cancelled} (listed by an older version of the API page). */
        CANCELLED,
        /** Never ends: stays at its last stage (for timeout tests). */
        NONE
    }

    /**
     * One state a query can see before the end.
     *
     * @param status   the raw status text, usually {@code pending} or {@code processing}; any other text tests unknown statuses
     * @param progress 0 to 100
     */
    public record Stage(String status, int progress) {
        public Stage {
            Objects.requireNonNull(status, "status");
            if (progress < 0 || progress > 100) {
                throw new IllegalArgumentException("progress must be within 0..100, got " + progress);
            }
        }
    }

    /**
     * What a query sees at a given moment of the script.
     *
     * @param status   the raw status text
     * @param progress 0 to 100
     * @param outcome  the outcome when the task has ended, otherwise {@code null}
     * @param error    the error when the outcome is {@link Outcome#FAILED}, otherwise {@code null}
     */
    public record Snapshot(String status, int progress, Outcome outcome, TaskError error) {

        /** Whether the task has ended. */
        public boolean ended() {
            return outcome != null;
        }
    }

    private final List<Stage> stages;
    private final Outcome outcome;
    private final TaskError error;
    private final int afterPolls;
    private final Duration afterTime;
    private final Duration estimatedTime;
    private final int resultCount;

    private Lifecycle(List<Stage> stages, Outcome outcome, TaskError error, int afterPolls, Duration afterTime,
                      Duration estimatedTime, int resultCount) {
        this.stages = List.copyOf(stages);
        this.outcome = outcome;
        this.error = error;
        this.afterPolls = afterPolls;
        this.afterTime = afterTime;
        this.estimatedTime = estimatedTime;
        this.resultCount = resultCount;
    }

    /** Starts a script. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A task like a real one, in time: pending for the first tenth, then processing with progress
     * rising in steps of 10%, completed when {@code total} has passed since it was created.
     */
    public static Lifecycle typical(Duration total) {
        Builder b = builder().pending();
        for (int p = 10; p <= 90; p += 10) {
            b.processing(p);
        }
        return b.estimatedTime(total).completedAfter(total);
    }

    /** Completed at the first query. */
    public static Lifecycle completedAtFirstPoll() {
        return builder().completed();
    }

    /** Failed at the first query with {@code code}. */
    public static Lifecycle failedAtFirstPoll(String code) {
        return builder().failed(code);
    }

    /** The stages before the end, in order. */
    public List<Stage> stages() {
        return stages;
    }

    /** How the task ends. */
    public Outcome outcome() {
        return outcome;
    }

    /** The error of a failed task, or {@code null}. */
    public TaskError error() {
        return error;
    }

    /** The estimate the submit answer gives as {@code task_info.estimated_time}. */
    public Duration estimatedTime() {
        return estimatedTime;
    }

    /** How many results a completed task has (0 for "completed, no results"). */
    public int resultCount() {
        return resultCount;
    }

    /**
     * What query number {@code queryNumber} (1 for the first query of the task) sees when
     * {@code elapsed} has passed since the task was created.
     */
    public Snapshot at(int queryNumber, Duration elapsed) {
        if (queryNumber < 1) {
            throw new IllegalArgumentException("queryNumber starts at 1, got " + queryNumber);
        }
        int stageIndex;
        if (afterTime != null) {
            if (outcome != Outcome.NONE && elapsed.compareTo(afterTime) >= 0) {
                return end();
            }
            long total = Math.max(1, afterTime.toNanos());
            stageIndex = (int) Math.min(stages.size() - 1L, Math.max(0, elapsed.toNanos()) * stages.size() / total);
        } else {
            if (outcome != Outcome.NONE && queryNumber >= afterPolls) {
                return end();
            }
            stageIndex = Math.min(queryNumber - 1, stages.size() - 1);
        }
        if (stages.isEmpty()) {
            return new Snapshot("pending", 0, null, null);
        }
        Stage stage = stages.get(Math.max(0, stageIndex));
        return new Snapshot(stage.status(), stage.progress(), null, null);
    }

    private Snapshot end() {
        int lastProgress = stages.isEmpty() ? 0 : stages.get(stages.size() - 1).progress();
        return switch (outcome) {
            case COMPLETED -> new Snapshot("completed", 100, Outcome.COMPLETED, null);
            case FAILED -> new Snapshot("failed", lastProgress, Outcome.FAILED, error);
            case CANCELLED -> new Snapshot("cancelled", lastProgress, Outcome.CANCELLED, null);
            case NONE -> throw new IllegalStateException("a never-ending lifecycle has no end");
        };
    }

    @Override
    public String toString() {
        String trigger = afterTime != null ? "after " + afterTime : "at query " + afterPolls;
        return "Lifecycle" + stages + " -> " + outcome + (outcome == Outcome.NONE ? "" : " " + trigger)
                + (error == null ? "" : " (" + error.code() + ")");
    }

    /**
     * Builds a {@link Lifecycle}: add stages, then end with one of the terminal methods (which
     * return the finished lifecycle).
     */
    public static final class Builder {
        private final List<Stage> stages = new ArrayList<>();
        /** {@code null}: the end time of a time-driven script, else {@link #QUICK_ESTIMATE}. */
        private Duration estimatedTime;
        private int resultCount = 1;

        private Builder() {
        }

        /** A {@code pending} stage at 0%. */
        public Builder pending() {
            return status("pending", 0);
        }

        /** A {@code processing} stage at {@code percent}. */
        public Builder processing(int percent) {
            return status("processing", percent);
        }

        /** A stage with any status text, for example an unknown {@code queued}. */
        public Builder status(String rawStatus, int percent) {
            stages.add(new Stage(rawStatus, percent));
            return this;
        }

        /**
         * The submit answer's {@code task_info.estimated_time}; unless set, the end time of a
         * time-driven script and {@link #QUICK_ESTIMATE} for one driven by queries.
         */
        public Builder estimatedTime(Duration estimate) {
            Objects.requireNonNull(estimate, "estimate");
            if (estimate.isNegative()) {
                throw new IllegalArgumentException("estimate must not be negative, got " + estimate);
            }
            this.estimatedTime = estimate;
            return this;
        }

        /**
         * Realistic timings: the submit answer estimates {@link #REALISTIC_ESTIMATE}, as the real
         * API's does for a typical task, so a client paces its polls as it would in production
         * (a test in real time then takes tens of seconds; use it with a {@code VirtualTime}).
         */
        public Builder realistic() {
            return estimatedTime(REALISTIC_ESTIMATE);
        }

        /** How many result URLs a completed task lists (1 unless set; 0 tests "completed with no results"). */
        public Builder resultCount(int count) {
            if (count < 0) {
                throw new IllegalArgumentException("resultCount must be >= 0, got " + count);
            }
            this.resultCount = count;
            return this;
        }

        /** Completed at the query after the last stage (each stage is seen by one query). */
        public Lifecycle completed() {
            return completedAfterPolls(stages.size() + 1);
        }

        /**
         * Completed from query number {@code n} on (1 = the first query). Queries before it see the
         * stages one each, the last stage repeating; stages that do not fit are skipped.
         */
        public Lifecycle completedAfterPolls(int n) {
            return byPolls(Outcome.COMPLETED, null, n);
        }

        /** Completed once {@code d} has passed since creation; the stages share the time before it evenly. */
        public Lifecycle completedAfter(Duration d) {
            return byTime(Outcome.COMPLETED, null, d);
        }

        /** Failed with {@code code} at the query after the last stage. */
        public Lifecycle failed(String code) {
            return failed(code, "the fake was scripted to fail with " + code);
        }

        /** Failed with {@code code} and {@code message} at the query after the last stage. */
        public Lifecycle failed(String code, String message) {
            return byPolls(Outcome.FAILED, error(code, message), stages.size() + 1);
        }

        /** Failed with {@code code} from query number {@code n} on. */
        public Lifecycle failedAfterPolls(String code, int n) {
            return byPolls(Outcome.FAILED, error(code, "the fake was scripted to fail with " + code), n);
        }

        /** Failed with {@code code} once {@code d} has passed since creation. */
        public Lifecycle failedAfter(String code, Duration d) {
            return byTime(Outcome.FAILED, error(code, "the fake was scripted to fail with " + code), d);
        }

        /** Cancelled from query number {@code n} on. */
        public Lifecycle cancelledAfterPolls(int n) {
            return byPolls(Outcome.CANCELLED, null, n);
        }

        /** Never ends: the last stage (or pending) forever, for timeout tests. */
        public Lifecycle runsForever() {
            return new Lifecycle(stages, Outcome.NONE, null, 0, null, estimateOr(QUICK_ESTIMATE), resultCount);
        }

        private static TaskError error(String code, String message) {
            Objects.requireNonNull(code, "code");
            return new TaskError(code, message, "task_error");
        }

        private Lifecycle byPolls(Outcome outcome, TaskError error, int n) {
            if (n < 1) {
                throw new IllegalArgumentException("the query number that ends the task starts at 1, got " + n);
            }
            return new Lifecycle(stages, outcome, error, n, null, estimateOr(QUICK_ESTIMATE), resultCount);
        }

        private Lifecycle byTime(Outcome outcome, TaskError error, Duration d) {
            Objects.requireNonNull(d, "duration");
            if (d.isNegative()) {
                throw new IllegalArgumentException("duration must not be negative, got " + d);
            }
            return new Lifecycle(stages, outcome, error, 0, d, estimateOr(d), resultCount);
        }

        private Duration estimateOr(Duration fallback) {
            return estimatedTime != null ? estimatedTime : fallback;
        }
    }
}
