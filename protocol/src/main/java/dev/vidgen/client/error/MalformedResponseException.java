package dev.vidgen.client.error;

/**
 * The server answered 2xx but the body lacks what vidgen needs or is not JSON, or answered for
 * another task than the one asked about.
 */
public class MalformedResponseException extends VidgenException {

    private static final long serialVersionUID = 1L;

    private final boolean retryCanHelp;

    /** A malformed answer that asking again might cure (a body cut short, say). */
    public MalformedResponseException(String message, Throwable cause, boolean taskMayHaveBeenCreated) {
        this(message, cause, taskMayHaveBeenCreated, true);
    }

    /**
     * A malformed answer.
     *
     * @param retryCanHelp false for an answer that is well-formed but wrong (a missing or invalid
     *                     required field, another task's id): the same question gets the same answer,
     *                     so it is not asked again
     */
    public MalformedResponseException(String message, Throwable cause, boolean taskMayHaveBeenCreated, boolean retryCanHelp) {
        super(message, cause, taskMayHaveBeenCreated);
        this.retryCanHelp = retryCanHelp;
    }

    /** Whether asking again could give a usable answer (false: retries are not made). */
    public boolean retryCanHelp() {
        return retryCanHelp;
    }
}
