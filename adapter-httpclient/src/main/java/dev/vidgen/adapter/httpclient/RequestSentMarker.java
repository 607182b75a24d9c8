package dev.vidgen.adapter.httpclient;

import java.io.IOException;
import java.io.InterruptedIOException;
import org.apache.hc.client5.http.async.AsyncExecCallback;
import org.apache.hc.client5.http.async.AsyncExecChain;
import org.apache.hc.client5.http.async.AsyncExecChainHandler;
import org.apache.hc.client5.http.async.AsyncExecRuntime;
import org.apache.hc.core5.http.HttpException;
import org.apache.hc.core5.http.HttpRequest;
import org.apache.hc.core5.http.nio.AsyncEntityProducer;

/**
 * Sits in HttpClient's exec chain just before the main transport, that is once a connection was
 * leased and connected (and a proxy tunnel set up). It does two jobs for the exchange's
 * {@link Control}:
 * <ul>
 *   <li>it flags the exchange as sent: a failure before this point cannot have reached the
 *       server, so it is {@code CONNECT} and a paid submit may be retried (the request producer
 *       cannot tell: the async client asks it for the request head before connecting);</li>
 *   <li>it hands over the exchange's runtime, so that a cancellation can discard the connection
 *       (close it and free its pool slot). {@code Future.cancel} on the client's future is not
 *       used: in HttpClient 5.4.1 it is lost when a pooled connection is leased at once, and can
 *       orphan a socket when it comes during connect; with 5.6.5 it still leaves cancelled
 *       exchanges' connections leased (tried: {@code ApacheHttpTransportTest
 *       .noConnectionStaysLeasedAfterErrorsTimeoutsCapsAndCancellations} fails without this). A cancellation that comes before this
 *       point is carried out here, when the exchange gets its connection.</li>
 * </ul>
 */
final class RequestSentMarker implements AsyncExecChainHandler {

    /** The context attribute holding the exchange's {@link Control}. */
    static final String ATTRIBUTE = "dev.vidgen.exchange-control";

    @Override
    public void execute(HttpRequest request, AsyncEntityProducer entityProducer, AsyncExecChain.Scope scope,
                        AsyncExecChain chain, AsyncExecCallback callback) throws HttpException, IOException {
        if (scope.clientContext.getAttribute(ATTRIBUTE) instanceof Control control) {
            control.runtime = scope.execRuntime;
            control.sent = true;
            if (control.cancelled) {
                scope.execRuntime.discardEndpoint();
                throw new InterruptedIOException("exchange cancelled before it was sent");
            }
        }
        chain.proceed(request, entityProducer, scope, callback);
    }

    /** One exchange's state, shared by the transport (any thread) and the marker (a reactor thread). */
    static final class Control {
        private volatile AsyncExecRuntime runtime;
        private volatile boolean sent;
        private volatile boolean cancelled;

        /** Whether the exchange got past connecting, so the server may have the request. */
        boolean sent() {
            return sent;
        }

        /** Aborts the exchange: now if it has its connection, else as soon as it gets one. */
        void cancel() {
            cancelled = true;
            // the marker sets sent after runtime and reads cancelled after sent: one of the two sees the other
            if (sent) {
                runtime.discardEndpoint();
            }
        }
    }
}
