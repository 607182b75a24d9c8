package dev.vidgen.ports.http;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * The transport SPI: HTTP exchanges, nothing more. Adapters implement it on a concrete HTTP stack;
 * retries, logging, authentication, JSON and files live above it in the client. The body of a
 * response goes, as it arrives, to the {@link BodySink} the caller's {@link BodyHandler} opens for
 * it, so a transport never holds a body and never decides how much of one to keep.
 *
 * <p>Contract, checked by the transport TCK ({@code vidgen-transport-tck}):
 * <ul>
 *   <li>every status code comes back as an {@link HttpResponse}, never as an exception;</li>
 *   <li>an exchange that produced no response fails with {@link TransportException} of the right kind;</li>
 *   <li>{@link HttpRequest#timeout()} bounds the whole exchange, head and body, and expiry is
 *       {@link TransportException.Kind#TIMEOUT};</li>
 *   <li>an exception of the handler or the sink fails the exchange with that very exception, and
 *       the connection is closed; a sink's {@code false} stops reading at once;</li>
 *   <li>cancelling the future of {@link #exchange} aborts the exchange and frees its connection;</li>
 *   <li>redirects are not followed (the client decides, so that Authorization never leaks to another host);</li>
 *   <li>{@code Host}, {@code Content-Length} and other hop-by-hop headers are the transport's own; a CR or LF
 *       in a header value is refused with {@link IllegalArgumentException} (whose message omits the value);</li>
 *   <li>waiting longer than the timeout for a free pooled connection is {@link TransportException.Kind#CONNECT}:
 *       nothing was sent;</li>
 *   <li>{@link #close()} releases every connection and every thread the transport started.</li>
 * </ul>
 * Implementations are thread-safe.
 */
public interface HttpTransport extends AutoCloseable {

    /**
     * Sends the request without blocking the caller; the body goes to the sink {@code handler}
     * opens. The future completes with the response, a {@link TransportException}, or the
     * exception the handler or its sink threw.
     */
    <T> CompletableFuture<HttpResponse<T>> exchange(HttpRequest request, BodyHandler<T> handler);

    /**
     * {@link #exchange} and wait for it. An interrupt cancels the exchange and is kept (the flag
     * stays set); the exception is then a {@link TransportException} of kind IO.
     *
     * <p>The same contract as {@link #exchange}, for a caller that blocks. Adapters override it to
     * hand the answer straight from their I/O thread to the waiting caller (no callback runs, so
     * nothing of the caller's lands on an I/O thread) and to let the caller's timed wait be the
     * deadline: the client's blocking calls use it for their first attempt.
     */
    default <T> HttpResponse<T> send(HttpRequest request, BodyHandler<T> handler) {
        CompletableFuture<HttpResponse<T>> future = exchange(request, handler);
        try {
            return future.get();
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw new TransportException(TransportException.Kind.IO, "interrupted while waiting for the response", e);
        } catch (ExecutionException e) {
            throw TransportException.unchecked(e.getCause());
        }
    }

    /** A short name for logs, for example {@code jdk} or {@code apache}. */
    String name();

    /** Releases connections and threads. Idempotent. */
    @Override
    void close();
}
