package dev.vidgen.jobs;

/** A key already names a job with a different request; the existing job is unchanged. */
public final class JobConflictException extends IllegalArgumentException {

    private final transient JobKey key;

    /** A conflict on {@code key}. */
    public JobConflictException(JobKey key, String message) {
        super(message);
        this.key = key;
    }

    /** The key in conflict. */
    public JobKey key() {
        return key;
    }
}
