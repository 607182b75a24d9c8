package dev.vidgen.domain.task;

import java.util.Locale;
import java.util.Objects;

/**
 * A task status as the server said it: the known {@link TaskState} and the raw text, so that an
 * unknown status is kept rather than lost.
 */
public record TaskStatus(TaskState state, String raw) {

    public static final TaskStatus PENDING = new TaskStatus(TaskState.PENDING, "pending");
    public static final TaskStatus PROCESSING = new TaskStatus(TaskState.PROCESSING, "processing");
    public static final TaskStatus COMPLETED = new TaskStatus(TaskState.COMPLETED, "completed");
    public static final TaskStatus FAILED = new TaskStatus(TaskState.FAILED, "failed");
    public static final TaskStatus CANCELLED = new TaskStatus(TaskState.CANCELLED, "cancelled");

    public TaskStatus {
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(raw, "raw");
    }

    /** Parses the server's status text; unknown text becomes {@link TaskState#UNKNOWN} with the text kept. */
    public static TaskStatus parse(String raw) {
        if (raw == null) {
            return new TaskStatus(TaskState.UNKNOWN, "");
        }
        return switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "pending" -> PENDING;
            case "processing" -> PROCESSING;
            case "completed" -> COMPLETED;
            case "failed" -> FAILED;
            case "cancelled", "canceled" -> CANCELLED;
            default -> new TaskStatus(TaskState.UNKNOWN, raw);
        };
    }

    /** Whether the task will never change again. */
    public boolean isTerminal() {
        return state.isTerminal();
    }

    @Override
    public String toString() {
        return raw;
    }
}
