package dev.vidgen.adapter.support;

import dev.vidgen.ports.http.BodyHandler;
import dev.vidgen.ports.http.BodySink;
import dev.vidgen.ports.http.HttpResponse;
import dev.vidgen.ports.http.ResponseHead;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Drives one exchange's {@link BodySink} for an adapter, so that both keep the sink's contract
 * the same way: the handler is asked once, a sink's exception is kept as the exchange's failure
 * ({@link #ownFailure()}), {@code false} from the sink stops the body, and a sink that was opened
 * but not finished is abandoned exactly once. Calls are serial (the adapter's stack delivers the
 * body in order); the fields are volatile because consecutive calls may come on different threads.
 *
 * @param <T> what the sink makes of the body
 */
public final class BodyPump<T> {

    private final BodyHandler<T> handler;
    private volatile ResponseHead head;
    private volatile BodySink<T> sink;
    private volatile boolean stopped;
    private volatile boolean ended;
    private volatile RuntimeException ownFailure;

    /** A pump for the body of one exchange. */
    public BodyPump(BodyHandler<T> handler) {
        this.handler = Objects.requireNonNull(handler, "handler");
    }

    /** The head arrived: asks the handler for the sink; its exception is rethrown and kept. */
    public void open(int status, Map<String, List<String>> headers) {
        head = new ResponseHead(status, headers);
        try {
            BodySink<T> s = handler.open(head);
            sink = Objects.requireNonNull(s, "the body handler returned no sink");
        } catch (RuntimeException e) {
            throw keep(e);
        }
    }

    /**
     * The next bytes; returns whether to go on reading. Once the sink said stop, the rest is
     * dropped. A sink's exception is rethrown and kept.
     */
    public boolean write(ByteBuffer data) {
        if (stopped || ended) {
            data.position(data.limit());
            return false;
        }
        try {
            if (!sink.write(data)) {
                stopped = true;
            }
        } catch (RuntimeException e) {
            stopped = true;
            throw keep(e);
        }
        data.position(data.limit()); // what the sink left is dropped, never re-offered
        return !stopped;
    }

    /** Whether the sink said stop (the connection must then be closed, not reused). */
    public boolean stopped() {
        return stopped;
    }

    /** The body ended (or the sink said stop): the response; a sink's exception is rethrown and kept. */
    public HttpResponse<T> finish() {
        if (ended) {
            throw new IllegalStateException("the body was already finished or abandoned");
        }
        ended = true;
        try {
            return new HttpResponse<>(head.status(), head.headers(), sink.finish());
        } catch (RuntimeException e) {
            throw keep(e);
        }
    }

    /** The exchange failed or was cancelled: abandons the sink if it was opened and not finished. */
    public void abandon(Throwable cause) {
        if (ended) {
            return;
        }
        ended = true;
        BodySink<T> s = sink;
        if (s != null) {
            try {
                s.abandon(cause);
            } catch (RuntimeException ignored) {
                // abandon must not throw; a sink that does has nothing more to say
            }
        }
    }

    /** Whether the head arrived (the request was certainly sent). */
    public boolean opened() {
        return head != null;
    }

    /** The exception the handler or the sink threw, {@code null} for none: the exchange fails with it as is. */
    public RuntimeException ownFailure() {
        return ownFailure;
    }

    private RuntimeException keep(RuntimeException e) {
        if (ownFailure == null) {
            ownFailure = e;
        }
        return e;
    }
}
