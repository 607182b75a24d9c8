package dev.vidgen.client.error;

/** HTTP 402: the account balance is too low. No task was created. */
public class InsufficientQuotaException extends ApiException {

    private static final long serialVersionUID = 1L;

    public InsufficientQuotaException(int httpStatus, String errorType, String errorCode, String serverMessage, String rawBody,
            boolean taskMayHaveBeenCreated) {
        super(httpStatus, errorType, errorCode, serverMessage, rawBody, taskMayHaveBeenCreated);
    }

    /** With the server's {@code Retry-After} ({@code null} for none). */
    public InsufficientQuotaException(int httpStatus, String errorType, String errorCode, String serverMessage, String rawBody,
            boolean taskMayHaveBeenCreated, java.time.Duration retryAfter) {
        super(httpStatus, errorType, errorCode, serverMessage, rawBody, taskMayHaveBeenCreated, retryAfter);
    }
}
