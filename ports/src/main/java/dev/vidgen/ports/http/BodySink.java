package dev.vidgen.ports.http;

import java.nio.ByteBuffer;

/**
 * Receives the body of one exchange as it arrives, so that no transport ever holds a whole body.
 * A transport calls the methods of one sink one at a time (never concurrently, each call
 * happening-before the next), possibly on different threads, which must not block for long
 * (they may be I/O threads).
 *
 * <ul>
 *   <li>{@link #write} may return {@code false}: the transport stops reading, closes the connection
 *       (it is not reused) and completes the exchange with {@link #finish()};</li>
 *   <li>an exception thrown by {@link #write} or {@link #finish} ends the exchange the same way
 *       and fails it with that very exception (a cap, a refused content type);</li>
 *   <li>when the exchange fails or is cancelled after the sink was opened, {@link #abandon} is
 *       called (at least once; it must be idempotent) so the sink can let go of what it holds.</li>
 * </ul>
 *
 * @param <T> what the sink makes of the body
 */
public interface BodySink<T> {

    /**
     * Takes the next bytes (the buffer's remaining ones; the sink need not consume them all).
     *
     * @return {@code true} to go on reading, {@code false} to stop here
     */
    boolean write(ByteBuffer data);

    /** The body ended (or the sink said stop): what the exchange completes with. */
    T finish();

    /** The exchange ended without {@link #finish()}; never throws. */
    default void abandon(Throwable cause) {
    }
}
