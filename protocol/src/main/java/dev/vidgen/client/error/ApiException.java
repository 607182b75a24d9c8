package dev.vidgen.client.error;

import dev.vidgen.client.protocol.Sanitizer;

/**
 * The API answered with an error status. Subclasses name the documented cases; an undocumented
 * status arrives as this class itself.
 */
public class ApiException extends VidgenException {

    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final String errorType;
    private final String errorCode;
    private final String serverMessage;
    private final String rawBody;
    private final java.time.Duration retryAfter;

    public ApiException(int httpStatus, String errorType, String errorCode, String serverMessage, String rawBody,
                        boolean taskMayHaveBeenCreated) {
        this(httpStatus, errorType, errorCode, serverMessage, rawBody, taskMayHaveBeenCreated, null);
    }

    /** As the six-argument constructor, plus the wait the server asked for in {@code Retry-After} ({@code null} for none). */
    public ApiException(int httpStatus, String errorType, String errorCode, String serverMessage, String rawBody,
                        boolean taskMayHaveBeenCreated, java.time.Duration retryAfter) {
        super(describe(httpStatus, errorType, errorCode, serverMessage), null, taskMayHaveBeenCreated);
        this.httpStatus = httpStatus;
        this.errorType = errorType;
        this.errorCode = errorCode;
        this.serverMessage = serverMessage;
        this.rawBody = rawBody;
        this.retryAfter = retryAfter;
    }

    private static String describe(int status, String type, String code, String message) {
        StringBuilder sb = new StringBuilder("HTTP ").append(status);
        // what the server wrote is quoted escaped: it must not drive the terminal that prints it
        if (type != null) {
            sb.append(' ').append(Sanitizer.sanitize(type));
        }
        if (code != null) {
            sb.append(" (").append(Sanitizer.sanitize(code)).append(')');
        }
        if (message != null && !message.isBlank()) {
            sb.append(": ").append(Sanitizer.sanitize(message));
        }
        return sb.toString();
    }

    /** The HTTP status. */
    public int httpStatus() { return httpStatus; }

    /** {@code error.type}, or {@code null}. */
    public String errorType() { return errorType; }

    /** {@code error.code}, or {@code null}. */
    public String errorCode() { return errorCode; }

    /** {@code error.message}, or {@code null}. */
    public String serverMessage() { return serverMessage; }

    /** The body as received, cut to at most 2,000 characters. */
    public String rawBody() { return rawBody; }

    /**
     * How long the server asked the client to wait ({@code Retry-After}, seconds or an HTTP date,
     * relative to when the answer arrived), if it said so. A wait should not poll again sooner.
     */
    public java.util.Optional<java.time.Duration> retryAfter() { return java.util.Optional.ofNullable(retryAfter); }
}
