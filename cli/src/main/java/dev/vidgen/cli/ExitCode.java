package dev.vidgen.cli;

/**
 * The exit codes of {@code vidgen}: a contract, scripts test them.
 */
public final class ExitCode {

    /** Success. */
    public static final int OK = 0;
    /** Usage error: unknown command or option, a missing argument, an unreadable file, a bad setting. */
    public static final int USAGE = 1;
    /** The request is invalid by local validation; nothing was sent. */
    public static final int INVALID_REQUEST = 2;
    /** The API answered an error, or the transport failed. */
    public static final int API_ERROR = 3;
    /** The task failed (its error code is printed). */
    public static final int TASK_FAILED = 4;
    /** The wait timed out; the task id is printed, so that {@code vidgen wait ID} can resume. */
    public static final int TIMEOUT = 5;
    /** {@code batch}: some job is in doubt (its submit may have created a task); check, then {@code jobs resubmit KEY}. */
    public static final int IN_DOUBT = 6;

    private ExitCode() {
    }
}
