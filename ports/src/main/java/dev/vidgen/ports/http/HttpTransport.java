package dev.vidgen.ports.http;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/**
 * The transport SPI: one HTTP exchange at a time, nothing more. Adapters implement it on a
 * concrete HTTP stack; retries, logging, authentication and JSON live above it in the client.
 *
 * <p>Contract, checked by the testkit's conformance suite:
 * <ul>
 *   <li>every status code comes back as an {@link HttpResponse}, never as an exception;</li>
 *   <li>an exchange that produced no response fails with {@link TransportException} of the right kind;</li>
 *   <li>{@link HttpRequest#timeout()} bounds the wait for the response, and expiry is {@link TransportException.Kind#TIMEOUT};</li>
 *   <li>cancelling the future of {@link #executeAsync} aborts the exchange and frees its connection;</li>
 *   <li>redirects are not followed (the client decides, so that Authorization never leaks to another host);</li>
 *   <li>{@code Host}, {@code Content-Length} and other hop-by-hop headers are the transport's own; a CR or LF
 *       in a header value is refused with {@link IllegalArgumentException} (whose message omits the value);</li>
 *   <li>waiting longer than the timeout for a free pooled connection is {@link TransportException.Kind#CONNECT}:
 *       nothing was sent;</li>
 *   <li>a failed {@link #download} leaves no partial file behind;</li>
 *   <li>{@link #close()} releases every connection and every thread the transport started.</li>
 * </ul>
 * Implementations are thread-safe.
 */
public interface HttpTransport extends AutoCloseable {

    /** Sends the request and waits for the whole response. */
    HttpResponse execute(HttpRequest request);

    /** Sends the request without blocking the caller; the future completes with the response or a {@link TransportException}. */
    CompletableFuture<HttpResponse> executeAsync(HttpRequest request);

    /**
     * Sends the request and streams a 2xx body into {@code target} (created or replaced), without
     * holding it in memory. For any other status nothing is written to {@code target} and the body
     * (cut to at most 64 KiB) is in the response.
     */
    HttpResponse download(HttpRequest request, Path target);

    /** A short name for logs, for example {@code jdk} or {@code apache}. */
    String name();

    /** Releases connections and threads. Idempotent. */
    @Override
    void close();
}
