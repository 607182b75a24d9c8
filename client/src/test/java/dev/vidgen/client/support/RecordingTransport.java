package dev.vidgen.client.support;

import dev.vidgen.fake.time.VirtualTime;
import dev.vidgen.ports.http.HttpRequest;
import dev.vidgen.ports.http.HttpResponse;
import dev.vidgen.ports.http.HttpTransport;
import dev.vidgen.ports.http.TransportException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * A test double of the transport SPI that records every request (and when it was sent, in virtual
 * time) and answers from a script. An exchange without a script entry fails the test loudly.
 */
public final class RecordingTransport implements HttpTransport {

    /** One recorded exchange. */
    public record Exchange(HttpRequest request, Instant sentAt, CompletableFuture<HttpResponse> future) {
        /** The request body as text. */
        public String body() {
            return new String(request.body(), StandardCharsets.UTF_8);
        }
    }

    private final VirtualTime clock;
    private final Deque<Function<HttpRequest, CompletableFuture<HttpResponse>>> script = new ArrayDeque<>();
    private final List<Exchange> exchanges = new ArrayList<>();
    private Function<HttpRequest, CompletableFuture<HttpResponse>> fallback;
    private boolean closed;

    /** A transport whose timestamps and delayed answers use {@code clock}. */
    public RecordingTransport(VirtualTime clock) {
        this.clock = clock;
    }

    /** Answers the next exchange with this status, body and headers (name, value, name, value...). */
    public synchronized RecordingTransport thenRespond(int status, String body, String... headers) {
        script.add(r -> CompletableFuture.completedFuture(response(status, body, headers)));
        return this;
    }

    /** Answers the next exchange after {@code latency} of virtual time. */
    public synchronized RecordingTransport thenRespondAfter(Duration latency, int status, String body, String... headers) {
        script.add(r -> {
            CompletableFuture<HttpResponse> f = new CompletableFuture<>();
            clock.schedule(latency, () -> f.complete(response(status, body, headers)));
            return f;
        });
        return this;
    }

    /** Fails the next exchange with a transport error of this kind. */
    public synchronized RecordingTransport thenFail(TransportException.Kind kind) {
        script.add(r -> CompletableFuture.failedFuture(new TransportException(kind, "simulated " + kind, null)));
        return this;
    }

    /** Leaves the next exchange without an answer (a server that never replies). */
    public synchronized RecordingTransport thenHang() {
        script.add(r -> new CompletableFuture<>());
        return this;
    }

    /** Answers every exchange beyond the script this way. */
    public synchronized RecordingTransport otherwiseRespond(int status, String body, String... headers) {
        fallback = r -> CompletableFuture.completedFuture(response(status, body, headers));
        return this;
    }

    /** Every exchange so far. */
    public synchronized List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    /** How many exchanges were made. */
    public synchronized int count() {
        return exchanges.size();
    }

    /** The only or last exchange. */
    public synchronized Exchange last() {
        return exchanges.get(exchanges.size() - 1);
    }

    /** Whether {@link #close()} was called. */
    public synchronized boolean isClosed() {
        return closed;
    }

    private static HttpResponse response(int status, String body, String... headers) {
        Map<String, List<String>> h = new LinkedHashMap<>();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            h.put(headers[i], List.of(headers[i + 1]));
        }
        return new HttpResponse(status, h, body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public HttpResponse execute(HttpRequest request) {
        return executeAsync(request).join();
    }

    @Override
    public CompletableFuture<HttpResponse> executeAsync(HttpRequest request) {
        Function<HttpRequest, CompletableFuture<HttpResponse>> next;
        synchronized (this) {
            next = script.isEmpty() ? fallback : script.poll();
        }
        if (next == null) {
            throw new AssertionError("unexpected HTTP exchange: " + request);
        }
        CompletableFuture<HttpResponse> f = next.apply(request);
        synchronized (this) {
            exchanges.add(new Exchange(request, clock.now(), f));
        }
        return f;
    }

    @Override
    public HttpResponse download(HttpRequest request, Path target) {
        HttpResponse r = execute(request);
        if (r.status() / 100 == 2) {
            try {
                Files.write(target, r.body());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return new HttpResponse(r.status(), r.headers(), new byte[0]);
        }
        return r;
    }

    @Override
    public String name() {
        return "recording";
    }

    @Override
    public synchronized void close() {
        closed = true;
    }
}
