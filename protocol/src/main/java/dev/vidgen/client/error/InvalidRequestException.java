package dev.vidgen.client.error;

/** HTTP 400 or 422: the server rejected the request (bad JSON, missing or invalid fields, unknown model, unsupported advanced options). No task was created. */
public class InvalidRequestException extends ApiException {

    private static final long serialVersionUID = 1L;

    public InvalidRequestException(int httpStatus, String errorType, String errorCode, String serverMessage, String rawBody,
            boolean taskMayHaveBeenCreated) {
        super(httpStatus, errorType, errorCode, serverMessage, rawBody, taskMayHaveBeenCreated);
    }

    /** With the server's {@code Retry-After} ({@code null} for none). */
    public InvalidRequestException(int httpStatus, String errorType, String errorCode, String serverMessage, String rawBody,
            boolean taskMayHaveBeenCreated, java.time.Duration retryAfter) {
        super(httpStatus, errorType, errorCode, serverMessage, rawBody, taskMayHaveBeenCreated, retryAfter);
    }
}
