package dev.vidgen.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The smallest server that speaks enough of the API for a round trip: on 127.0.0.1, it answers
 * every POST with a fixed submit answer and every GET with a fixed completed task, without looking
 * at the request beyond draining its body. Handlers run on the JDK server's dispatcher thread (no
 * executor hand-off), so the server costs the same, and as little as possible, whoever calls it.
 * The overhead and cold-start benchmarks use it instead of the {@code FakeVideoApi}, whose
 * validation, bookkeeping and TCP relay would dilute the client's share of a round trip.
 */
public final class CannedServer implements AutoCloseable {

    /** The task id in both answers. */
    public static final String TASK_ID = "task-unified-1757165031-uyujaw3d";

    /** The submit answer of docs/api.md. */
    public static final byte[] SUBMIT_ANSWER = ("{\"created\":1757165031,\"id\":\"" + TASK_ID + "\","
            + "\"model\":\"veo-3.1-fast-reference-to-video\",\"object\":\"video.generation.task\",\"progress\":0,"
            + "\"status\":\"pending\",\"task_info\":{\"can_cancel\":true,\"estimated_time\":45},\"type\":\"video\"}")
            .getBytes(StandardCharsets.UTF_8);

    /** The completed task of docs/api.md. */
    public static final byte[] QUERY_ANSWER = ("{\"id\":\"" + TASK_ID + "\",\"object\":\"video.generation.task\","
            + "\"type\":\"video\",\"model\":\"veo-3.1-fast-reference-to-video\",\"status\":\"completed\",\"progress\":100,"
            + "\"created\":1757165031,\"results\":[{\"url\":\"https://cdn.example.com/v/" + TASK_ID + "/video.mp4\","
            + "\"width\":1280,\"height\":720,\"duration\":8}],\"error\":null,"
            + "\"usage\":{\"credits_reserved\":5,\"user_group\":\"default\"}}").getBytes(StandardCharsets.UTF_8);

    static {
        // the JDK server writes head and body separately: without TCP_NODELAY, Nagle's algorithm and
        // the client's delayed ACK add 40 ms to every answer. Read once, when the server classes load.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final AtomicLong posts = new AtomicLong();
    private final AtomicLong gets = new AtomicLong();

    private CannedServer(HttpServer server) {
        this.server = server;
    }

    /** Starts a server on a free loopback port. */
    public static CannedServer start() {
        try {
            HttpServer s = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 128);
            CannedServer canned = new CannedServer(s);
            s.createContext("/", canned::handle);
            s.setExecutor(null); // the dispatcher thread answers
            s.start();
            return canned;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the canned server on 127.0.0.1", e);
        }
    }

    /** {@code http://127.0.0.1:PORT}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** POSTs answered so far. */
    public long posts() {
        return posts.get();
    }

    /** GETs answered so far. */
    public long gets() {
        return gets.get();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            try (InputStream in = ex.getRequestBody()) {
                in.transferTo(OutputStream.nullOutputStream());
            }
            boolean post = "POST".equals(ex.getRequestMethod());
            (post ? posts : gets).incrementAndGet();
            byte[] body = post ? SUBMIT_ANSWER : QUERY_ANSWER;
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, body.length);
            try (OutputStream out = ex.getResponseBody()) {
                out.write(body);
            }
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
