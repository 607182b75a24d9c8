package dev.vidgen.jobs;

import java.util.Objects;

/**
 * The caller's idempotency key for a job (an order id, a file name...): a journal never submits
 * the same key twice, across restarts and across instances.
 *
 * @param value 1 to {@value #MAX_LENGTH} characters, no control characters
 */
public record JobKey(String value) implements Comparable<JobKey> {

    /** The longest key the journal accepts. */
    public static final int MAX_LENGTH = 100;

    /** Checks the key. */
    public JobKey {
        Objects.requireNonNull(value, "job key must not be null");
        if (value.isEmpty() || value.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("job key must be 1 to " + MAX_LENGTH + " characters, got " + value.length());
        }
        for (int i = 0; i < value.length(); i++) {
            if (Character.isISOControl(value.charAt(i))) {
                throw new IllegalArgumentException("job key must not contain control characters (at index " + i + ")");
            }
        }
    }

    /** The key {@code value}. */
    public static JobKey of(String value) {
        return new JobKey(value);
    }

    @Override
    public int compareTo(JobKey other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
