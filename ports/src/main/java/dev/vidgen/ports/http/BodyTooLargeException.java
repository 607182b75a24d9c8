package dev.vidgen.ports.http;

/**
 * A body went past the most a sink keeps: reading stopped there. Thrown by a {@link BodySink}, so
 * the exchange fails with it; the caller says what the limit protected.
 */
public class BodyTooLargeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final long limit;

    /** A body larger than {@code limit} bytes. */
    public BodyTooLargeException(long limit) {
        super("the body is larger than the limit of " + limit + " bytes; reading stopped there");
        this.limit = limit;
    }

    /** The limit in bytes. */
    public long limit() {
        return limit;
    }
}
