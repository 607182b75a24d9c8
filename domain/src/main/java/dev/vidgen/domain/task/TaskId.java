package dev.vidgen.domain.task;

import java.util.regex.Pattern;

/**
 * The server's id of a task, for example {@code task-unified-1757165031-uyujaw3d}.
 * Any non-blank id is accepted (the server is the authority); {@link #isWellFormed()} tells
 * whether it has the documented shape.
 */
public record TaskId(String value) {

    private static final Pattern DOCUMENTED = Pattern.compile("task-unified-\\d+-[a-z0-9]{8}");

    public TaskId {
        if (value == null) {
            throw new IllegalArgumentException("task id must not be null");
        }
        if (value.isBlank()) {
            throw new IllegalArgumentException("task id must not be blank");
        }
        if (value.chars().anyMatch(c -> c == '/' || c == '?' || c == '#' || Character.isWhitespace(c) || Character.isISOControl(c))) {
            throw new IllegalArgumentException("task id must not contain '/', '?', '#', spaces or control characters: " + value);
        }
    }

    /** Parses a task id, rejecting blank ids and ids that could not be a URL path segment. */
    public static TaskId of(String value) {
        return new TaskId(value);
    }

    /** Whether the id has the documented form {@code task-unified-{unix seconds}-{8 lowercase alphanumerics}}. */
    public boolean isWellFormed() {
        return DOCUMENTED.matcher(value).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
