package dev.vidgen.client.error;

/**
 * The root of every exception vidgen throws. Unchecked. Messages never contain the API key.
 */
public class VidgenException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean taskMayHaveBeenCreated;

    public VidgenException(String message, Throwable cause, boolean taskMayHaveBeenCreated) {
        super(message, cause);
        this.taskMayHaveBeenCreated = taskMayHaveBeenCreated;
    }

    /**
     * For a failed submit: whether the server may have created (and will bill) a task anyway, so
     * the caller should look before submitting again. Always {@code false} for other calls.
     */
    public boolean taskMayHaveBeenCreated() {
        return taskMayHaveBeenCreated;
    }
}
