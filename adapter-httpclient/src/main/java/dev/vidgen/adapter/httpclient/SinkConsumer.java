package dev.vidgen.adapter.httpclient;

import dev.vidgen.adapter.support.BodyPump;
import dev.vidgen.ports.http.HttpResponse;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.apache.hc.client5.http.async.methods.AbstractBinResponseConsumer;
import org.apache.hc.core5.http.ContentType;

/**
 * Feeds HttpClient's body to the exchange's {@link BodyPump} as it arrives, 64 KiB of credit at a
 * time, so nothing but the sink ever holds the body. Runs on an I/O reactor thread. When the sink
 * says stop, or throws, this consumer fails the exchange ({@link Stop}), which makes HttpClient
 * close the connection instead of reading the rest; the transport then completes the call with
 * the kept body or the sink's own exception.
 */
final class SinkConsumer<T> extends AbstractBinResponseConsumer<HttpResponse<T>> {

    /** Ends the reading of a body the sink wants no more of; never seen by a caller. */
    static final class Stop extends IOException {
        private static final long serialVersionUID = 1L;

        Stop() {
            super("the body sink stopped reading", null);
        }
    }

    final BodyPump<T> pump;
    private volatile HttpResponse<T> stoppedWith;

    SinkConsumer(BodyPump<T> pump) {
        this.pump = pump;
    }

    @Override
    protected void start(org.apache.hc.core5.http.HttpResponse response, ContentType contentType) throws IOException {
        pump.open(response.getCode(), ApacheMessages.toMap(response.getHeaders()));
    }

    @Override
    protected int capacityIncrement() {
        return 64 * 1024;
    }

    @Override
    protected void data(ByteBuffer src, boolean endOfStream) throws IOException {
        if (src.hasRemaining() && !pump.write(src)) {
            stoppedWith = pump.finish();
            throw new Stop();
        }
    }

    @Override
    protected HttpResponse<T> buildResult() {
        return pump.finish();
    }

    /** The response kept when the sink stopped reading, {@code null} if it did not. */
    HttpResponse<T> stoppedWith() {
        return stoppedWith;
    }

    @Override
    public void failed(Exception cause) {
        pump.abandon(cause);
    }

    @Override
    public void releaseResources() {
        // abandon is idempotent and never follows finish: a body cut without failed() is let go here
        pump.abandon(null);
    }
}
