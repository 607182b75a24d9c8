package dev.vidgen.client.testsupport;

import dev.vidgen.ports.http.BodyHandler;
import dev.vidgen.ports.http.BodySink;
import dev.vidgen.ports.http.HttpRequest;
import dev.vidgen.ports.http.HttpResponse;
import dev.vidgen.ports.http.HttpTransport;
import dev.vidgen.ports.http.ResponseHead;
import dev.vidgen.ports.http.TransportException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * An {@link HttpTransport} answering from a script and recording every request: the scripted body
 * goes to the caller's sink, as a real transport would deliver it.
 */
public final class FakeHttpTransport implements HttpTransport {

    /** What the fake does for one request. */
    public sealed interface Reply permits Respond, BreakMidStream, Fail {
    }

    /** Answers with a status, headers and a body. */
    public record Respond(int status, Map<String, List<String>> headers, byte[] body) implements Reply {
    }

    /** Writes the first bytes of a body to the target, then fails as a reset connection would. */
    public record BreakMidStream(byte[] partial) implements Reply {
    }

    /** Fails without a response. */
    public record Fail(TransportException.Kind kind) implements Reply {
    }

    public static Reply ok(String body) {
        return new Respond(200, Map.of(), body.getBytes(StandardCharsets.UTF_8));
    }

    public static Reply status(int status) {
        return new Respond(status, Map.of(), ("{\"status\":" + status + "}").getBytes(StandardCharsets.UTF_8));
    }

    public static Reply status(int status, String header, String value) {
        return new Respond(status, Map.of(header, List.of(value)), new byte[0]);
    }

    public static Reply redirect(int status, String location) {
        return status(status, "Location", location);
    }

    private final Function<HttpRequest, Reply> script;
    private final List<HttpRequest> requests = new ArrayList<>();
    private final List<Path> targets = new ArrayList<>();

    public FakeHttpTransport(Function<HttpRequest, Reply> script) {
        this.script = script;
    }

    /** Replies in turn (the last one repeats), whatever the request. */
    public static FakeHttpTransport inTurn(Reply... replies) {
        int[] n = {0};
        return new FakeHttpTransport(r -> replies[Math.min(n[0]++, replies.length - 1)]);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> exchange(HttpRequest request, BodyHandler<T> handler) {
        Reply reply;
        synchronized (this) {
            requests.add(request);
            reply = script.apply(request);
        }
        if (reply instanceof Fail f) {
            return CompletableFuture.failedFuture(new TransportException(f.kind(), "simulated " + f.kind() + " failure", null));
        }
        try {
            if (reply instanceof BreakMidStream b) {
                BodySink<T> sink = handler.open(new ResponseHead(200, Map.of()));
                sink.write(ByteBuffer.wrap(b.partial()));
                TransportException e = new TransportException(TransportException.Kind.IO, "connection reset after " + b.partial().length + " bytes", null);
                sink.abandon(e);
                return CompletableFuture.failedFuture(e);
            }
            Respond r = (Respond) reply;
            BodySink<T> sink = handler.open(new ResponseHead(r.status(), r.headers()));
            if (r.body().length > 0) {
                sink.write(ByteBuffer.wrap(r.body()));
            }
            T body = sink.finish();
            if (body instanceof Path p) {
                synchronized (this) {
                    targets.add(p);
                }
            }
            return CompletableFuture.completedFuture(new HttpResponse<>(r.status(), r.headers(), body));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public void close() {
    }

    /** The file each finished 2xx body went to (a downloader's part file), in order. */
    public synchronized List<Path> targets() {
        return List.copyOf(targets);
    }

    /** Every request so far. */
    public synchronized List<HttpRequest> requests() {
        return List.copyOf(requests);
    }
}
