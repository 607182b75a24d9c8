package dev.vidgen.client.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.vidgen.ports.http.BodyHandler;
import dev.vidgen.ports.http.BodySink;
import dev.vidgen.ports.http.HttpRequest;
import dev.vidgen.ports.http.HttpResponse;
import dev.vidgen.ports.http.HttpTransport;
import dev.vidgen.ports.http.HttpTransportProvider;
import dev.vidgen.ports.http.ResponseHead;
import dev.vidgen.ports.http.TransportException;
import dev.vidgen.ports.http.TransportSettings;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;

/**
 * A tiny API on 127.0.0.1 for the client's own tests (the client cannot test-depend on the fake
 * API's module without a cycle): a submit answers a pending task, every query answers what
 * {@link #taskAnswer} says, {@code /video/*} serves a few bytes. Records what it was sent. Plus a
 * minimal {@link HttpTransport} on {@code java.net.http}, so that a test goes over real HTTP.
 */
public final class LoopbackApi implements AutoCloseable {

    /** The id every submit creates. */
    public static final String TASK_ID = "task-unified-1757165031-loopback";

    /** One request the API received. */
    public record Received(String method, String path, String authorization) {
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2);
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private volatile Function<Integer, String> taskAnswer;
    private volatile int queries;

    private LoopbackApi(Function<Integer, String> taskAnswer) throws IOException {
        this.taskAnswer = taskAnswer;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts an API whose task queries answer {@code taskAnswer.apply(queryNumber)} (1 for the first). */
    public static LoopbackApi start(Function<Integer, String> taskAnswer) {
        try {
            return new LoopbackApi(taskAnswer);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The base URL, {@code http://127.0.0.1:PORT}. */
    public URI baseUrl() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** What the API received, in order. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            try (InputStream in = ex.getRequestBody()) {
                in.readAllBytes();
            }
            String path = ex.getRequestURI().getPath();
            received.add(new Received(ex.getRequestMethod(), path, ex.getRequestHeaders().getFirst("Authorization")));
            if (path.startsWith("/video/")) {
                send(ex, 200, "video/mp4", "MP4-BYTES");
            } else if (path.equals("/v1/videos/generations") && ex.getRequestMethod().equals("POST")) {
                send(ex, 200, "application/json", "{\"id\":\"" + TASK_ID + "\",\"status\":\"pending\",\"progress\":0}");
            } else if (path.startsWith("/v1/tasks/")) {
                int n;
                synchronized (this) {
                    n = ++queries;
                }
                send(ex, 200, "application/json", taskAnswer.apply(n).replace("BASE", baseUrl().toString()));
            } else {
                send(ex, 404, "application/json", "{\"error\":{\"message\":\"no route\",\"type\":\"not_found\"}}");
            }
        }
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** A provider of {@link JdkTransport}s, as {@code ServiceLoader} would find an adapter's. */
    public static HttpTransportProvider provider() {
        return new HttpTransportProvider() {
            @Override public String name() { return "loopback-jdk"; }
            @Override public int priority() { return 1; }
            @Override public HttpTransport create(TransportSettings settings) { return new JdkTransport(); }
        };
    }

    /** The smallest transport that does real HTTP: java.net.http, blocking sends on the caller or a pool thread. */
    public static final class JdkTransport implements HttpTransport {
        private final ExecutorService pool = Executors.newCachedThreadPool();
        private final java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder()
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER).executor(pool).build();

        private java.net.http.HttpRequest toJdk(HttpRequest r) {
            java.net.http.HttpRequest.Builder b = java.net.http.HttpRequest.newBuilder(r.uri())
                    .method(r.method(), r.body() == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
                            : java.net.http.HttpRequest.BodyPublishers.ofByteArray(r.body()));
            if (r.timeout() != null) {
                b.timeout(r.timeout());
            }
            r.headers().forEach((k, vs) -> vs.forEach(v -> b.header(k, v)));
            return b.build();
        }

        /** Blocking send on the pool (bodies here are small), then the body goes through the caller's sink. */
        @Override
        public <T> CompletableFuture<HttpResponse<T>> exchange(HttpRequest request, BodyHandler<T> handler) {
            return CompletableFuture.supplyAsync(() -> {
                try {
                    java.net.http.HttpResponse<byte[]> r = http.send(toJdk(request), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
                    BodySink<T> sink = handler.open(new ResponseHead(r.statusCode(), r.headers().map()));
                    if (r.body().length > 0) {
                        sink.write(ByteBuffer.wrap(r.body()));
                    }
                    return new HttpResponse<>(r.statusCode(), r.headers().map(), sink.finish());
                } catch (IOException e) {
                    throw new TransportException(TransportException.Kind.IO, e.toString(), e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new TransportException(TransportException.Kind.IO, "interrupted", e);
                }
            }, pool);
        }

        @Override
        public String name() {
            return "loopback-jdk";
        }

        @Override
        public void close() {
            pool.shutdownNow();
        }
    }

    /** A task answer in the {@code results} shape, completed with one result served by this API. */
    public static String completedWithResults() {
        return "{\"id\":\"" + TASK_ID + "\",\"status\":\"completed\",\"progress\":100,\"results\":[{\"url\":\"BASE/video/a.mp4\"}]}";
    }

}
