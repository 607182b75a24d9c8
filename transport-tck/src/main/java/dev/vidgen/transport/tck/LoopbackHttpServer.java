package dev.vidgen.transport.tck;

import dev.vidgen.loopback.ConnectionFaults;
import dev.vidgen.loopback.HttpRequest;
import dev.vidgen.loopback.HttpRequestReader;
import dev.vidgen.loopback.LoopbackServer;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static dev.vidgen.loopback.HttpResponseWriter.write;
import static dev.vidgen.loopback.HttpResponseWriter.writeHead;

/**
 * A small HTTP/1.1 server on {@code 127.0.0.1} for transport tests. It is written on raw sockets
 * so that it can misbehave on purpose (stall, reset mid-body) and count the connections a
 * client keeps open. One thread per connection; keep-alive is supported.
 *
 * <p>The request path picks the behaviour:
 * <table>
 *   <caption>routes</caption>
 *   <tr><td>{@code /echo}</td><td>200; the body is the request body, {@code Content-Type} is echoed,
 *       {@code X-Echo-Method} is the method</td></tr>
 *   <tr><td>{@code /status/{code}}</td><td>that status, body {@code status {code}} (none for 204 and 304),
 *       {@code Some-Header: With Value}; 3xx add {@code Location: /echo}, 429 adds {@code Retry-After: 2},
 *       401 adds {@code WWW-Authenticate: Bearer realm="vidgen"}</td></tr>
 *   <tr><td>{@code /bytes/{n}}</td><td>200 with {@code n} bytes of {@link #pattern(int)}</td></tr>
 *   <tr><td>{@code /status-bytes/{code}/{n}}</td><td>that status with {@code n} bytes of {@link #pattern(int)}</td></tr>
 *   <tr><td>{@code /stall}</td><td>reads the request and never answers</td></tr>
 *   <tr><td>{@code /delay/MS}</td><td>200 with the body {@code delayed}, MS milliseconds after the request</td></tr>
 *   <tr><td>{@code /stall-body}</td><td>announces 1,000 bytes, sends 10, then stays silent</td></tr>
 *   <tr><td>{@code /reset-body}</td><td>announces 100,000 bytes, sends 1,000, then resets the connection (TCP RST)</td></tr>
 *   <tr><td>{@code /endless/{code}}</td><td>that status, no length, {@link #pattern(int)} bytes until the client
 *       hangs up (a body without end); {@link #awaitStreamEnd} says how many bytes the server managed to write</td></tr>
 *   <tr><td>{@code /huge/{code}}</td><td>the same, announcing {@value #HUGE_LENGTH} bytes</td></tr>
 *   <tr><td>{@code /trickle/{ms}}</td><td>200 announcing 1,000,000 bytes, one byte every {@code ms} milliseconds</td></tr>
 *   <tr><td>{@code /trickle-head/{ms}}</td><td>the response head itself one byte every {@code ms} milliseconds</td></tr>
 *   <tr><td>{@code /html}</td><td>200 {@code text/html} error page</td></tr>
 *   <tr><td>{@code /html-as-video}</td><td>200 {@code video/mp4} whose body is an HTML page</td></tr>
 *   <tr><td>anything else</td><td>404</td></tr>
 * </table>
 * Requests in absolute form ({@code GET http://host/path}, as sent to a proxy) are routed by
 * their path too, so the server doubles as a loopback "proxy" that answers by itself.
 *
 * <p>Every request is recorded ({@link #takeRequest(Duration)}) as soon as its body was read.
 * Its threads are daemon threads named {@value #THREAD_PREFIX}N.
 */
public final class LoopbackHttpServer implements AutoCloseable {

    /** Name prefix of every thread this server starts. */
    public static final String THREAD_PREFIX = "vidgen-loopback-server-";

    /** The length {@code /huge/{code}} announces: 10 GiB. */
    public static final long HUGE_LENGTH = 10L * 1024 * 1024 * 1024;

    private static final HttpRequestReader READER = new HttpRequestReader(64 * 1024, Integer.MAX_VALUE - 8);

    private final LoopbackServer server;
    private final BlockingQueue<RecordedRequest> requests = new LinkedBlockingQueue<>();
    private final BlockingQueue<Long> streamEnds = new LinkedBlockingQueue<>();
    private volatile String requiredProxyAuthorization;

    private LoopbackHttpServer() throws IOException {
        server = LoopbackServer.start(0, 512, THREAD_PREFIX, this::serve);
    }

    /** Starts a server on a free port of {@code 127.0.0.1}. */
    public static LoopbackHttpServer start() {
        try {
            return new LoopbackHttpServer();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the loopback server", e);
        }
    }

    /** A port on {@code 127.0.0.1} that nothing listens on (it was free a moment ago): connecting is refused. */
    public static int closedPort() {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0));
            return s.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find a free port", e);
        }
    }

    /** The deterministic body bytes served by {@code /bytes/{n}}. */
    public static byte[] pattern(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) ('a' + (i * 7 + i / 251) % 26);
        }
        return b;
    }

    /** The port the server listens on. */
    public int port() {
        return server.port();
    }

    /** {@code http://127.0.0.1:port} + {@code path}. */
    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port() + path);
    }

    /** Connections accepted and not yet closed (by either side). */
    public int openConnections() {
        return server.openConnections();
    }

    /** Connections accepted since the start. */
    public int acceptedConnections() {
        return server.acceptedConnections();
    }


    /**
     * From now on, answer {@code 407} with a Basic challenge to every request whose
     * {@code Proxy-Authorization} is not exactly {@code expected}; {@code null} turns this off.
     */
    public void requireProxyAuthorization(String expected) {
        this.requiredProxyAuthorization = expected;
    }

    /** The next recorded request, waiting at most {@code timeout}; {@code null} if none came. */
    public RecordedRequest takeRequest(Duration timeout) {
        try {
            return requests.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    /**
     * Waits for the next streaming route ({@code /endless}, {@code /huge}, {@code /trickle}) to end because
     * the client hung up, at most {@code timeout}.
     *
     * @return the body bytes the server managed to write before that, or -1 if none ended in time
     */
    public long awaitStreamEnd(Duration timeout) {
        try {
            Long n = streamEnds.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return n == null ? -1 : n;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        }
    }

    /** Every request recorded and not yet taken, in arrival order; takes them. */
    public List<RecordedRequest> drainRequests() {
        List<RecordedRequest> out = new ArrayList<>();
        requests.drainTo(out);
        return out;
    }

    /**
     * Waits until {@link #openConnections()} is {@code expected}, at most {@code timeout}. Between
     * checks it runs {@code beforeEachCheck} (the conformance suite passes {@code System::gc} for
     * transports whose connections only close when their client is collected).
     *
     * @return whether the count was reached
     */
    public boolean awaitOpenConnections(int expected, Duration timeout, Runnable beforeEachCheck) {
        return await(() -> server.openConnections() == expected, timeout, beforeEachCheck);
    }

    /** Waits for {@code condition}, running {@code beforeEachCheck} before each look, at most {@code timeout}. */
    public static boolean await(BooleanSupplier condition, Duration timeout, Runnable beforeEachCheck) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            beforeEachCheck.run();
            if (condition.getAsBoolean()) {
                return true;
            }
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return condition.getAsBoolean();
            }
        }
    }

    /** Stops listening, closes every connection and ends the server's threads. */
    /** Stops listening, closes every connection and ends the server's threads. */
    @Override
    public void close() {
        server.close();
    }

    private void serve(Socket socket, int connectionId) throws IOException {
        socket.setTcpNoDelay(true);
        InputStream in = new BufferedInputStream(socket.getInputStream());
        OutputStream out = new BufferedOutputStream(socket.getOutputStream());
        int sequence = 0;
        while (!server.isClosed()) {
            HttpRequest read = READER.read(in, out);
            if (read == null) {
                return; // the client closed the connection
            }
            RecordedRequest request = new RecordedRequest(read.method(), read.target(), read.headers(), read.body(), connectionId, sequence++);
            requests.add(request);
            if (!respond(request, socket, in, out)) {
                return;
            }
        }
    }

    /** Answers; returns whether the connection may carry another request. */
    private boolean respond(RecordedRequest request, Socket socket, InputStream in, OutputStream out) throws IOException {
        boolean keepAlive = !"close".equalsIgnoreCase(request.header("Connection").orElse(""));
        String expectedProxyAuth = requiredProxyAuthorization;
        if (expectedProxyAuth != null && !expectedProxyAuth.equals(request.header("Proxy-Authorization").orElse(null))) {
            Map<String, String> h = new LinkedHashMap<>();
            h.put("Proxy-Authenticate", "Basic realm=\"vidgen-proxy\"");
            write(out, 407, h, "proxy authentication required".getBytes(StandardCharsets.US_ASCII), keepAlive);
            return keepAlive;
        }
        String[] parts = request.path().split("/");
        String route = parts.length > 1 ? parts[1] : "";
        Map<String, String> headers = new LinkedHashMap<>();
        switch (route) {
            case "echo" -> {
                request.header("Content-Type").ifPresent(v -> headers.put("Content-Type", v));
                headers.put("X-Echo-Method", request.method());
                write(out, 200, headers, request.body(), keepAlive);
            }
            case "status" -> {
                int code = Integer.parseInt(parts[2]);
                headers.put("Some-Header", "With Value");
                if (code >= 300 && code < 400) {
                    headers.put("Location", "/echo");
                }
                if (code == 429) {
                    headers.put("Retry-After", "2");
                }
                if (code == 401) {
                    headers.put("WWW-Authenticate", "Bearer realm=\"vidgen\"");
                }
                headers.put("Content-Type", "text/plain; charset=utf-8");
                byte[] body = code == 204 || code == 304 ? new byte[0] : ("status " + code).getBytes(StandardCharsets.UTF_8);
                write(out, code, headers, body, keepAlive);
            }
            case "bytes" -> {
                headers.put("Content-Type", "application/octet-stream");
                write(out, 200, headers, pattern(Integer.parseInt(parts[2])), keepAlive);
            }
            case "status-bytes" -> {
                headers.put("Content-Type", "application/octet-stream");
                write(out, Integer.parseInt(parts[2]), headers, pattern(Integer.parseInt(parts[3])), keepAlive);
            }
            case "delay" -> {
                ConnectionFaults.sleep(Long.parseLong(parts[2]));
                write(out, 200, Map.of("Content-Type", "text/plain"), "delayed".getBytes(StandardCharsets.US_ASCII), keepAlive);
            }
            case "stall" -> {
                ConnectionFaults.hang(in);
                return false;
            }
            case "stall-body" -> {
                writeHead(out, 200, Map.of("Content-Type", "application/octet-stream"), 1000, true);
                out.write(pattern(10));
                out.flush();
                ConnectionFaults.hang(in);
                return false;
            }
            case "reset-body" -> {
                writeHead(out, 200, Map.of("Content-Type", "application/octet-stream"), 100_000, true);
                out.write(pattern(1000));
                out.flush();
                ConnectionFaults.reset(socket);
                return false;
            }
            case "endless", "huge" -> {
                // a small send buffer: what the server "managed to write" is then close to what the client read
                socket.setSendBufferSize(64 * 1024);
                writeHead(out, Integer.parseInt(parts[2]), Map.of("Content-Type", "application/json"),
                        route.equals("huge") ? HUGE_LENGTH : -1, false);
                stream(out, 64 * 1024, 0);
                return false;
            }
            case "trickle" -> {
                writeHead(out, 200, Map.of("Content-Type", "application/octet-stream"), 1_000_000, false);
                out.flush();
                stream(out, 1, Long.parseLong(parts[2]));
                return false;
            }
            case "trickle-head" -> {
                long pause = Long.parseLong(parts[2]);
                ConnectionFaults.trickleBytes(out,
                        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nX-Padding: ".getBytes(StandardCharsets.US_ASCII), pause);
                stream(out, 1, pause); // the head never ends
                return false;
            }
            case "html" -> write(out, 200, Map.of("Content-Type", "text/html; charset=utf-8"),
                    "<!DOCTYPE html><html><body><h1>502 Bad Gateway</h1></body></html>".getBytes(StandardCharsets.UTF_8), keepAlive);
            case "html-as-video" -> write(out, 200, Map.of("Content-Type", "video/mp4"),
                    "\n  <html><head><title>Access denied</title></head></html>".getBytes(StandardCharsets.UTF_8), keepAlive);
            default -> write(out, 404, Map.of("Content-Type", "text/plain"), "no such route".getBytes(StandardCharsets.US_ASCII), keepAlive);
        }
        return keepAlive;
    }

    /** Writes {@code chunk}-byte pieces of the pattern, {@code pauseMillis} apart, until the client hangs up. */
    private void stream(OutputStream out, int chunk, long pauseMillis) {
        long written = 0;
        try {
            written = ConnectionFaults.trickle(out, pattern(chunk), pauseMillis, server::isClosed);
        } finally {
            streamEnds.add(written);
        }
    }

    /**
     * One request as the server received it.
     *
     * @param method     the method
     * @param target     the request target as sent: origin form ({@code /echo}) or absolute form ({@code http://host/echo}, to a proxy)
     * @param headers    header names as sent to their values, in order
     * @param body       the body bytes (de-chunked)
     * @param connection which accepted connection carried it (1 for the first)
     * @param sequence   its position on that connection (0 for the first)
     */
    public record RecordedRequest(String method, String target, Map<String, List<String>> headers, byte[] body,
                                  int connection, int sequence) {

        /** The first value of a header, matched case-insensitively. */
        public java.util.Optional<String> header(String name) {
            return headerValues(name).stream().findFirst();
        }

        /** Every value of a header, matched case-insensitively, in order. */
        public List<String> headerValues(String name) {
            return new HttpRequest(method, target, headers, body).headerValues(name);
        }

        /** The path of the target, for origin and absolute form alike. */
        public String path() {
            if (target.startsWith("/")) {
                int q = target.indexOf('?');
                return q < 0 ? target : target.substring(0, q);
            }
            try {
                String p = URI.create(target).getRawPath();
                return p == null ? "" : p;
            } catch (IllegalArgumentException e) {
                return "";
            }
        }

        /** Whether the target was in absolute form, as a client sends it to a plain HTTP proxy. */
        public boolean absoluteForm() {
            return target.toLowerCase(Locale.ROOT).startsWith("http://") || target.toLowerCase(Locale.ROOT).startsWith("https://");
        }

        @Override
        public String toString() {
            return "RecordedRequest[" + method + " " + target + ", headers=" + headers.keySet() + ", body=" + body.length + " bytes]";
        }
    }

    /** Whether {@code t} is one of this class's server threads. */
    public static boolean isServerThread(Thread t) {
        return t.getName().startsWith(THREAD_PREFIX);
    }
}
