package dev.vidgen.client.testsupport;

import dev.vidgen.ports.http.HttpRequest;
import dev.vidgen.ports.http.HttpResponse;
import dev.vidgen.ports.http.HttpTransport;
import dev.vidgen.ports.http.TransportException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * An {@link HttpTransport} answering from a script and recording every request. Downloads behave
 * as the SPI says: a 2xx body is written to the target; any other status writes nothing.
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
    public synchronized HttpResponse download(HttpRequest request, Path target) {
        requests.add(request);
        targets.add(target);
        Reply reply = script.apply(request);
        try {
            if (reply instanceof Fail f) {
                throw new TransportException(f.kind(), "simulated " + f.kind() + " failure", null);
            }
            if (reply instanceof BreakMidStream b) {
                Files.write(target, b.partial());
                throw new TransportException(TransportException.Kind.IO, "connection reset after " + b.partial().length + " bytes", null);
            }
            Respond r = (Respond) reply;
            if (r.status() >= 200 && r.status() < 300) {
                Files.write(target, r.body());
                return new HttpResponse(r.status(), r.headers(), new byte[0]);
            }
            return new HttpResponse(r.status(), r.headers(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public HttpResponse execute(HttpRequest request) {
        throw new UnsupportedOperationException("the fake transport only downloads");
    }

    @Override
    public CompletableFuture<HttpResponse> executeAsync(HttpRequest request) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("the fake transport only downloads"));
    }

    @Override
    public String name() {
        return "fake";
    }

    @Override
    public void close() {
    }

    /** The file each download was asked to write, in order. */
    public synchronized List<Path> targets() {
        return List.copyOf(targets);
    }

    /** Every request so far. */
    public synchronized List<HttpRequest> requests() {
        return List.copyOf(requests);
    }
}
