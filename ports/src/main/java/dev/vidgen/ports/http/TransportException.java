package dev.vidgen.ports.http;

/**
 * An HTTP exchange that produced no response: the transport's typed I/O error. Whether the
 * request may have reached the server decides whether a paid submit may be retried, so every
 * transport must say it correctly.
 */
public class TransportException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind {
        /** No connection was made (refused, unknown host, connect timeout, TLS handshake): the request was never sent. */
        CONNECT,
        /** The response did not arrive within the attempt timeout: the request may have been processed. */
        TIMEOUT,
        /** The connection broke (reset, closed early, truncated body) after the request may have been sent. */
        IO
    }

    private final Kind kind;

    public TransportException(Kind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = java.util.Objects.requireNonNull(kind, "kind");
    }

    /** What went wrong. */
    public Kind kind() {
        return kind;
    }

    /**
     * What a blocking caller throws for the failure an exchange's future ended with: a runtime
     * exception as is, an error thrown here, anything else (a checked exception a stack let
     * through) as an IO {@code TransportException} around it.
     */
    public static RuntimeException unchecked(Throwable failure) {
        if (failure instanceof RuntimeException re) {
            return re;
        }
        if (failure instanceof Error err) {
            throw err;
        }
        return new TransportException(Kind.IO, "unexpected failure: " + failure, failure);
    }

    /** Whether the server may have received the request (false only when no connection was made). */
    public boolean requestMayHaveBeenSent() {
        return kind != Kind.CONNECT;
    }
}
