package dev.vidgen.adapter.httpclient;

import dev.vidgen.ports.http.HttpRequest;
import dev.vidgen.ports.http.HttpResponse;
import dev.vidgen.ports.http.TransportException;
import dev.vidgen.ports.http.TransportException.Kind;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.apache.hc.core5.concurrent.FutureCallback;

/**
 * One exchange on the async client: its outcome as a future completed on the reactor thread
 * ({@code done}), and its failures mapped to {@link TransportException}.
 */
final class ApacheExchange<T> implements FutureCallback<HttpResponse<T>> {
    final CompletableFuture<HttpResponse<T>> done = new CompletableFuture<>();
    final RequestSentMarker.Control control = new RequestSentMarker.Control();
    private final HttpRequest request;
    private final Duration timeout;
    private final SinkConsumer<T> consumer;

    ApacheExchange(HttpRequest request, Duration timeout, SinkConsumer<T> consumer) {
        this.request = request;
        this.timeout = timeout;
        this.consumer = consumer;
    }

    /** The whole-exchange deadline passed: TIMEOUT once sent, else CONNECT (no connection in time). */
    void expire() {
        TransportException e = control.sent()
                ? new TransportException(Kind.TIMEOUT, describe() + ": no complete response within " + timeout, null)
                : new TransportException(Kind.CONNECT, describe() + ": no connection within " + timeout, null);
        if (done.completeExceptionally(e)) {
            cancel();
            consumer.pump.abandon(e);
        }
    }

    /** The whole exchange's timeout. */
    Duration timeout() {
        return timeout;
    }

    /** Aborts the exchange; its connection is closed rather than returned to the pool. */
    void cancel() {
        control.cancel();
    }

    @Override
    public void completed(HttpResponse<T> result) {
        done.complete(result);
    }

    @Override
    public void failed(Exception ex) {
        HttpResponse<T> kept = consumer.stoppedWith();
        RuntimeException own = consumer.pump.ownFailure();
        if (kept != null) {
            done.complete(kept); // the sink stopped reading: a success with what it kept
        } else if (own != null) {
            done.completeExceptionally(own); // the handler or sink refused: its own exception, as is
        } else {
            done.completeExceptionally(map(ex));
        }
    }

    @Override
    public void cancelled() {
        done.completeExceptionally(new TransportException(control.sent() ? Kind.IO : Kind.CONNECT,
                describe() + ": the exchange was cancelled", null));
    }

    private TransportException map(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        if (t instanceof TransportException te) {
            return te;
        }
        if (!control.sent()) {
            // nothing was handed to a connection: refused, unresolved, connect timeout, TLS, no free connection
            String what = t instanceof org.apache.hc.core5.http.ConnectionRequestTimeoutException
                    || t instanceof org.apache.hc.core5.util.DeadlineTimeoutException
                    ? "no free connection within " + timeout
                    : t instanceof SocketTimeoutException ? "connect timed out" : "cannot connect: " + t;
            return new TransportException(Kind.CONNECT, describe() + ": " + what, t);
        }
        if (t instanceof SocketTimeoutException) {
            return new TransportException(Kind.TIMEOUT, describe() + ": no response within " + timeout, t);
        }
        return new TransportException(Kind.IO, describe() + ": " + t, t);
    }

    private String describe() {
        return request.method() + " " + request.uri();
    }
}
