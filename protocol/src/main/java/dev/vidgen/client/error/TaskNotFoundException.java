package dev.vidgen.client.error;

/** HTTP 404: the task id does not exist. */
public class TaskNotFoundException extends ApiException {

    private static final long serialVersionUID = 1L;

    public TaskNotFoundException(int httpStatus, String errorType, String errorCode, String serverMessage, String rawBody,
            boolean taskMayHaveBeenCreated) {
        super(httpStatus, errorType, errorCode, serverMessage, rawBody, taskMayHaveBeenCreated);
    }

    /** With the server's {@code Retry-After} ({@code null} for none). */
    public TaskNotFoundException(int httpStatus, String errorType, String errorCode, String serverMessage, String rawBody,
            boolean taskMayHaveBeenCreated, java.time.Duration retryAfter) {
        super(httpStatus, errorType, errorCode, serverMessage, rawBody, taskMayHaveBeenCreated, retryAfter);
    }
}
