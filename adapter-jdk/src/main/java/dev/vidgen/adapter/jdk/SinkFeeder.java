package dev.vidgen.adapter.jdk;

import dev.vidgen.adapter.support.BodyPump;
import dev.vidgen.ports.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Feeds the JDK client's body to the exchange's {@link BodyPump} through the JDK's own
 * {@code BodySubscribers.ofByteArrayConsumer}, on the JDK's thread, as it arrives.
 *
 * <p>When the sink says stop or throws (or the handler refused the head), the rest of the body is
 * read and dropped while it is short ({@value #DRAIN_BUDGET} bytes): a body that ends then leaves
 * its connection reusable. Past that the call aborts its send ({@code abort}), which makes JDK 17
 * close the connection. What looks simpler fails on JDK 17: a subscriber of our own (or a cancelled
 * subscription) left exchanges pending after faults, and with them the client's selector thread;
 * aborting at once races with a body that was just complete, whose connection the JDK may already
 * have handed to the next exchange (which the abort then closes).
 */
final class SinkFeeder<T> implements Consumer<Optional<byte[]>> {

    /** How much of the rest of a body is read and dropped before the connection is given up. */
    static final long DRAIN_BUDGET = 256 * 1024;

    private final BodyPump<T> pump;
    private final Runnable abort;
    private volatile HttpResponse<T> stoppedWith;
    private volatile boolean done;
    private long drained;
    private boolean aborted;

    SinkFeeder(BodyPump<T> pump, Runnable abort) {
        this.pump = pump;
        this.abort = abort;
    }

    /** The response kept when the sink stopped reading, {@code null} if it did not. */
    HttpResponse<T> stoppedWith() {
        return stoppedWith;
    }

    @Override
    public void accept(Optional<byte[]> chunk) {
        if (chunk.isEmpty()) {
            return; // the end: the call finishes the sink on its sender thread
        }
        byte[] bytes = chunk.get();
        if (done || pump.ownFailure() != null) {
            drain(bytes.length);
            return;
        }
        boolean more;
        try {
            more = pump.write(ByteBuffer.wrap(bytes));
        } catch (RuntimeException e) {
            pump.abandon(e);
            more = false;
        }
        if (!more) {
            done = true;
            if (pump.ownFailure() == null) {
                stoppedWith = pump.finish();
            }
        }
    }

    /** Drops what comes after the sink stopped; gives the connection up once that is more than the budget. */
    private void drain(long n) {
        done = true;
        drained += n;
        if (drained > DRAIN_BUDGET && !aborted) {
            aborted = true;
            abort.run();
        }
    }

    /** The body ended: the response, or the handler's or sink's own exception. */
    HttpResponse<T> result() {
        RuntimeException own = pump.ownFailure();
        if (own != null) {
            throw own;
        }
        return stoppedWith != null ? stoppedWith : pump.finish();
    }
}
