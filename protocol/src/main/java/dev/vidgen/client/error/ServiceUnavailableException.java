package dev.vidgen.client.error;

/**
 * HTTP 503: no channel for the model or an upstream error. No task was created (unlike other
 * 5xx answers to a submit), so a submit is retried after it. A {@link ServerException}, so that
 * {@code catch (ServerException e)} sees every 5xx.
 */
public class ServiceUnavailableException extends ServerException {

    private static final long serialVersionUID = 1L;

    public ServiceUnavailableException(int httpStatus, String errorType, String errorCode, String serverMessage, String rawBody,
            boolean taskMayHaveBeenCreated) {
        super(httpStatus, errorType, errorCode, serverMessage, rawBody, taskMayHaveBeenCreated);
    }

    /** With the server's {@code Retry-After} ({@code null} for none). */
    public ServiceUnavailableException(int httpStatus, String errorType, String errorCode, String serverMessage, String rawBody,
            boolean taskMayHaveBeenCreated, java.time.Duration retryAfter) {
        super(httpStatus, errorType, errorCode, serverMessage, rawBody, taskMayHaveBeenCreated, retryAfter);
    }
}
