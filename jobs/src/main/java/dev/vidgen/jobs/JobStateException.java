package dev.vidgen.jobs;

/** An operation that the job's state does not allow (cancelling a running job, resubmitting a stored one). */
public final class JobStateException extends IllegalStateException {

    /** A refusal, with the sentence that says why. */
    public JobStateException(String message) {
        super(message);
    }
}
