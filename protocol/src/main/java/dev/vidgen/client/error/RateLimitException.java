package dev.vidgen.client.error;

/** HTTP 429: rate limited; retried automatically within the deadline. No task was created. */
public class RateLimitException extends ApiException {

    private static final long serialVersionUID = 1L;

    public RateLimitException(int httpStatus, String errorType, String errorCode, String serverMessage, String rawBody,
            boolean taskMayHaveBeenCreated) {
        super(httpStatus, errorType, errorCode, serverMessage, rawBody, taskMayHaveBeenCreated);
    }

    /** With the server's {@code Retry-After} ({@code null} for none). */
    public RateLimitException(int httpStatus, String errorType, String errorCode, String serverMessage, String rawBody,
            boolean taskMayHaveBeenCreated, java.time.Duration retryAfter) {
        super(httpStatus, errorType, errorCode, serverMessage, rawBody, taskMayHaveBeenCreated, retryAfter);
    }
}
