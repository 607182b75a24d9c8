package dev.vidgen.client.error;

/** HTTP 401: the API key is invalid, expired or missing. No task was created. */
public class AuthenticationException extends ApiException {

    private static final long serialVersionUID = 1L;

    public AuthenticationException(int httpStatus, String errorType, String errorCode, String serverMessage, String rawBody,
            boolean taskMayHaveBeenCreated) {
        super(httpStatus, errorType, errorCode, serverMessage, rawBody, taskMayHaveBeenCreated);
    }

    /** With the server's {@code Retry-After} ({@code null} for none). */
    public AuthenticationException(int httpStatus, String errorType, String errorCode, String serverMessage, String rawBody,
            boolean taskMayHaveBeenCreated, java.time.Duration retryAfter) {
        super(httpStatus, errorType, errorCode, serverMessage, rawBody, taskMayHaveBeenCreated, retryAfter);
    }
}
