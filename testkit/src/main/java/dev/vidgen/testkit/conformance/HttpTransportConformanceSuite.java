package dev.vidgen.testkit.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.fail;

import dev.vidgen.ports.http.HttpRequest;
import dev.vidgen.ports.http.HttpResponse;
import dev.vidgen.ports.http.HttpTransport;
import dev.vidgen.ports.http.TransportException;
import dev.vidgen.ports.http.TransportSettings;
import dev.vidgen.testkit.conformance.LoopbackHttpServer.RecordedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checks every {@link HttpTransport} must pass, run against a real HTTP/1.1 server on
 * {@code 127.0.0.1} that the suite starts for each test ({@link LoopbackHttpServer}).
 * A transport's test subclasses it and implements one factory method:
 * <pre>{@code
 * class MyTransportConformanceTest extends HttpTransportConformanceSuite {
 *     @Override
 *     protected HttpTransport createTransport(TransportSettings settings) {
 *         return new MyTransport(settings);
 *     }
 * }
 * }</pre>
 * What it checks: methods and request headers arrive as sent (a header value with a line break
 * is refused before sending, without echoing the value); bodies of 0 bytes, 1 byte, 5 MiB and a
 * UTF-8 Chinese prompt survive both ways, sync and async; sequential calls reuse connections;
 * every status from 200 to 503 that the API uses comes back as a response and redirects are not
 * followed; downloads stream a 2xx body to the file, leave it untouched otherwise, cut error
 * bodies to 64 KiB and leave no partial file when cut off; connection refused, a silent server
 * (before or during the body) and a reset mid-body end in {@link TransportException} of kind
 * CONNECT, TIMEOUT and IO, the timeouts within a tolerance; cancelling an async call frees its
 * connection; 200 concurrent calls complete over at most {@code maxConnections} connections;
 * and after 1,000 calls mixed with faults and {@code close()}, no connection and no thread of
 * the transport is left.
 *
 * <p>Waiting for {@code close()} to take effect, the suite runs {@code System.gc()} between
 * checks: the JDK 17 {@code java.net.http.HttpClient} has no {@code close()}, and its selector
 * thread and idle connections only go once the client is unreachable. The leak check prints
 * what it measured on standard output, tagged {@code [conformance]}.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
public abstract class HttpTransportConformanceSuite {

    /** Generous per-call timeout for calls that are expected to succeed. */
    protected static final Duration CALL_TIMEOUT = Duration.ofSeconds(10);

    private static final int FIVE_MIB = 5 * 1024 * 1024;
    private static final String CHINESE_PROMPT =
            "{\"prompt\":\"一只戴着宇航员头盔的柴犬在月球表面奔跑，身后扬起银色的尘土，电影感，4K，慢动作\"}";
    private static final int[] STATUSES = {200, 201, 204, 301, 302, 400, 401, 402, 404, 410, 422, 429, 500, 502, 503};
    private static final int MAX_ERROR_BODY = 64 * 1024;

    /** How a check calls the transport. */
    protected enum Mode {
        /** {@link HttpTransport#execute}. */
        SYNC,
        /** {@link HttpTransport#executeAsync}. */
        ASYNC
    }

    private LoopbackHttpServer server;
    private HttpTransport transport;

    /** A fresh directory per test, for downloads. */
    @TempDir
    protected Path tempDir;

    /**
     * Creates the transport under test. Called once per test (sometimes more, with other
     * settings); the suite closes every transport it creates.
     */
    protected abstract HttpTransport createTransport(TransportSettings settings);

    /** The settings most checks use: 2 s connect, 10 s response, 16 connections, no proxy, the transport's own executor. */
    protected TransportSettings baseSettings() {
        return new TransportSettings(Duration.ofSeconds(2), CALL_TIMEOUT, 16, null, null);
    }

    /** Starts the loopback server. */
    @BeforeEach
    public void startServer() {
        server = LoopbackHttpServer.start();
    }

    /** Closes the transport (if a check created the shared one) and the server. */
    @AfterEach
    public void stopServer() {
        try {
            if (transport != null) {
                transport.close();
            }
        } finally {
            transport = null;
            server.close();
        }
    }

    /** The server of the current test. */
    protected final LoopbackHttpServer server() {
        return server;
    }

    /** The shared transport of the current test, created on first use with {@link #baseSettings()}. */
    protected final HttpTransport transport() {
        if (transport == null) {
            transport = createTransport(baseSettings());
            assertThat(transport).as("createTransport").isNotNull();
        }
        return transport;
    }

    // ---------------------------------------------------------------- methods, headers, bodies

    /** GET, POST, PUT and DELETE reach the server with the method, path and body sent. */
    @TestFactory
    public Stream<DynamicTest> methodsArriveAsSent() {
        return Stream.of("GET", "POST", "PUT", "DELETE").flatMap(method -> Stream.of(Mode.values()).map(mode ->
                DynamicTest.dynamicTest(method + " " + mode, () -> {
                    byte[] body = method.equals("POST") || method.equals("PUT")
                            ? ("{\"method\":\"" + method + "\"}").getBytes(StandardCharsets.UTF_8) : new byte[0];
                    HttpResponse response = call(transport(), mode, request(method, "/echo", body));
                    RecordedRequest seen = onlyRequest();
                    assertThat(seen.method()).isEqualTo(method);
                    assertThat(seen.path()).isEqualTo("/echo");
                    assertSameBytes(seen.body(), body, method + " body at the server");
                    assertThat(response.status()).isEqualTo(200);
                    assertThat(response.header("X-Echo-Method")).contains(method);
                    assertSameBytes(response.body(), body, method + " body in the response");
                })));
    }

    /** Request headers arrive with their values intact, multi-valued ones included. */
    @TestFactory
    public Stream<DynamicTest> requestHeadersArriveIntact() {
        return Stream.of(Mode.values()).map(mode -> DynamicTest.dynamicTest(mode.name(), () -> {
            String id = UUID.randomUUID().toString();
            Map<String, List<String>> headers = new LinkedHashMap<>();
            headers.put("Authorization", List.of("Bearer sk-conformance-0123456789abcdef"));
            headers.put("Content-Type", List.of("application/json; charset=utf-8"));
            headers.put("Accept", List.of("application/json"));
            headers.put("User-Agent", List.of("vidgen-conformance/1.0"));
            headers.put("X-Request-Id", List.of(id));
            headers.put("X-MiXeD-Case", List.of("Value With Spaces"));
            headers.put("X-Multi", List.of("first", "second"));
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            HttpResponse response = call(transport(), mode,
                    new HttpRequest("POST", server.uri("/echo"), headers, body, CALL_TIMEOUT));
            assertThat(response.status()).isEqualTo(200);
            RecordedRequest seen = onlyRequest();
            headers.forEach((name, values) ->
                    assertThat(splitValues(seen.headerValues(name))).as("header %s at the server", name).isEqualTo(values));
            assertThat(response.header("content-type")).as("response header, matched case-insensitively")
                    .contains("application/json; charset=utf-8");
        }));
    }

    /** Bodies of 0 bytes, 1 byte, 5 MiB and a UTF-8 Chinese prompt go up and come back intact, sync and async. */
    @TestFactory
    public Stream<DynamicTest> bodiesSurviveBothWays() {
        Map<String, byte[]> bodies = new LinkedHashMap<>();
        bodies.put("0 bytes", new byte[0]);
        bodies.put("1 byte", new byte[] {42});
        bodies.put("5 MiB", LoopbackHttpServer.pattern(FIVE_MIB));
        bodies.put("Chinese prompt", CHINESE_PROMPT.getBytes(StandardCharsets.UTF_8));
        return bodies.entrySet().stream().flatMap(e -> Stream.of(Mode.values()).map(mode ->
                DynamicTest.dynamicTest(e.getKey() + " " + mode, () -> {
                    HttpRequest r = request("POST", "/echo", e.getValue())
                            .withHeader("Content-Type", "application/json; charset=utf-8");
                    HttpResponse response = call(transport(), mode, r);
                    assertThat(response.status()).isEqualTo(200);
                    assertSameBytes(onlyRequest().body(), e.getValue(), e.getKey() + " at the server");
                    assertSameBytes(response.body(), e.getValue(), e.getKey() + " in the response");
                    if (e.getKey().equals("Chinese prompt")) {
                        assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(CHINESE_PROMPT);
                    }
                })));
    }

    /** A 5 MiB response body to a GET comes back whole. */
    @TestFactory
    public Stream<DynamicTest> largeResponseBody() {
        return Stream.of(Mode.values()).map(mode -> DynamicTest.dynamicTest(mode.name(), () -> {
            HttpResponse response = call(transport(), mode, request("GET", "/bytes/" + FIVE_MIB, new byte[0]));
            assertThat(response.status()).isEqualTo(200);
            assertSameBytes(response.body(), LoopbackHttpServer.pattern(FIVE_MIB), "5 MiB response");
        }));
    }

    /**
     * Sequential calls reuse pooled connections instead of opening one each. Some leeway: a
     * transport may complete a call just before its connection is back in the pool (Apache's
     * async client does), so a call right after it can open another.
     */
    @Test
    public void connectionsAreReused() {
        for (int i = 0; i < 10; i++) {
            assertThat(transport().execute(request("GET", "/echo", new byte[0])).status()).isEqualTo(200);
        }
        assertThat(server.acceptedConnections()).as("connections opened for 10 sequential calls").isBetween(1, 5);
    }

    // ---------------------------------------------------------------- statuses and redirects

    /** Every status the API uses is a response (with its headers and body), never an exception; redirects are not followed. */
    @TestFactory
    public Stream<DynamicTest> everyStatusIsAResponse() {
        return Arrays.stream(STATUSES).boxed().flatMap(code -> Stream.of(Mode.values()).map(mode ->
                DynamicTest.dynamicTest(code + " " + mode, () -> {
                    HttpResponse response = call(transport(), mode,
                            request("POST", "/status/" + code, "{\"model\":\"x\"}".getBytes(StandardCharsets.UTF_8))
                                    .withHeader("Content-Type", "application/json"));
                    assertThat(response.status()).isEqualTo(code);
                    assertThat(response.header("Some-Header")).contains("With Value");
                    String expectedBody = code == 204 ? "" : "status " + code;
                    assertThat(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(expectedBody);
                    if (code == 301 || code == 302) {
                        assertThat(response.header("Location")).as("Location of a redirect not followed").contains("/echo");
                    }
                    if (code == 429) {
                        assertThat(response.header("Retry-After")).contains("2");
                    }
                    List<RecordedRequest> seen = server.drainRequests();
                    assertThat(seen).as("requests the server saw (a followed redirect would add /echo)")
                            .extracting(RecordedRequest::path).containsExactly("/status/" + code);
                })));
    }

    // ---------------------------------------------------------------- downloads

    /** A 2xx body is streamed into the file, replacing a longer file that was there. */
    @Test
    public void downloadWritesA2xxBodyToTheFile() throws IOException {
        Path target = tempDir.resolve("video.mp4");
        Files.write(target, LoopbackHttpServer.pattern(FIVE_MIB + 12345)); // longer: must be replaced, not overwritten in place
        HttpResponse response = transport().download(request("GET", "/bytes/" + FIVE_MIB, new byte[0]), target);
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).as("a download's body goes to the file, not the response").isEmpty();
        assertSameBytes(Files.readAllBytes(target), LoopbackHttpServer.pattern(FIVE_MIB), "downloaded file");
        assertThat(filesIn(tempDir)).as("files left in the directory").containsExactly("video.mp4");
    }

    /** For a non-2xx status nothing is written: an existing file keeps its content, a missing one stays missing. */
    @Test
    public void downloadLeavesTheFileUntouchedForAnError() throws IOException {
        Path existing = tempDir.resolve("existing.mp4");
        Files.writeString(existing, "old content");
        HttpResponse notFound = transport().download(request("GET", "/status/404", new byte[0]), existing);
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(new String(notFound.body(), StandardCharsets.UTF_8)).isEqualTo("status 404");
        assertThat(Files.readString(existing)).isEqualTo("old content");

        Path missing = tempDir.resolve("missing.mp4");
        HttpResponse gone = transport().download(request("GET", "/status/410", new byte[0]), missing);
        assertThat(gone.status()).isEqualTo(410);
        assertThat(missing).doesNotExist();
        assertThat(filesIn(tempDir)).containsExactly("existing.mp4");
    }

    /** The body of an error answer to a download is cut to at most 64 KiB. */
    @Test
    public void downloadCutsALargeErrorBody() {
        Path target = tempDir.resolve("video.mp4");
        HttpResponse response = transport().download(request("GET", "/status-bytes/500/300000", new byte[0]), target);
        assertThat(response.status()).isEqualTo(500);
        assertThat(response.body().length).as("error body length").isBetween(1, MAX_ERROR_BODY);
        assertSameBytes(response.body(), Arrays.copyOf(LoopbackHttpServer.pattern(300000), response.body().length), "error body prefix");
        assertThat(target).doesNotExist();
    }

    /** A download cut by a reset is an IO error and leaves neither the target nor a partial file. */
    @Test
    public void downloadCutByAResetLeavesNoFile() {
        Path target = tempDir.resolve("video.mp4");
        TransportException e = catchTransportException(() ->
                transport().download(request("GET", "/reset-body", new byte[0]), target));
        assertKind(e, TransportException.Kind.IO);
        assertThat(target).doesNotExist();
        assertThat(filesIn(tempDir)).as("partial files left behind").isEmpty();
    }

    // ---------------------------------------------------------------- faults

    /** Connection refused is CONNECT: the request was never sent (a paid submit may be retried). */
    @TestFactory
    public Stream<DynamicTest> connectionRefusedIsConnect() {
        URI refused = URI.create("http://127.0.0.1:" + LoopbackHttpServer.closedPort() + "/echo");
        HttpRequest r = new HttpRequest("POST", refused, Map.of(), "{}".getBytes(StandardCharsets.UTF_8), CALL_TIMEOUT);
        Stream<DynamicTest> calls = Stream.of(Mode.values()).map(mode -> DynamicTest.dynamicTest(mode.name(), () -> {
            TransportException e = failure(transport(), mode, r);
            assertKind(e, TransportException.Kind.CONNECT);
            assertThat(e.requestMayHaveBeenSent()).isFalse();
        }));
        Stream<DynamicTest> download = Stream.of(DynamicTest.dynamicTest("download", () -> {
            TransportException e = catchTransportException(() -> transport().download(HttpRequest.get(refused), tempDir.resolve("x")));
            assertKind(e, TransportException.Kind.CONNECT);
        }));
        return Stream.concat(calls, download);
    }

    /** A server that accepts and never answers ends in TIMEOUT close to the request's timeout (300 ms; 250 ms to 3 s allowed). */
    @TestFactory
    public Stream<DynamicTest> silentServerTimesOut() {
        return Stream.of(Mode.values()).map(mode -> DynamicTest.dynamicTest(mode.name(), () -> {
            HttpRequest r = request("POST", "/stall", "{}".getBytes(StandardCharsets.UTF_8)).withTimeout(Duration.ofMillis(300));
            long start = System.nanoTime();
            TransportException e = failure(transport(), mode, r);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertKind(e, TransportException.Kind.TIMEOUT);
            assertThat(e.requestMayHaveBeenSent()).isTrue();
            assertThat(took).as("time to TIMEOUT").isBetween(Duration.ofMillis(250), Duration.ofSeconds(3));
        }));
    }

    /** Without a per-request timeout, the settings' default timeout applies. */
    @Test
    public void defaultTimeoutApplies() {
        try (HttpTransport t = createTransport(baseSettings().withDefaultTimeout(Duration.ofMillis(300)))) {
            HttpRequest r = request("GET", "/stall", new byte[0]).withTimeout(null);
            long start = System.nanoTime();
            TransportException e = failure(t, Mode.SYNC, r);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertKind(e, TransportException.Kind.TIMEOUT);
            assertThat(took).as("time to TIMEOUT").isBetween(Duration.ofMillis(250), Duration.ofSeconds(3));
        }
    }

    /** A server that sends the head and part of the body, then goes silent, also ends in TIMEOUT (not a hang). */
    @TestFactory
    public Stream<DynamicTest> silenceMidBodyTimesOut() {
        return Stream.of(Mode.values()).map(mode -> DynamicTest.dynamicTest(mode.name(), () -> {
            HttpRequest r = request("GET", "/stall-body", new byte[0]).withTimeout(Duration.ofMillis(500));
            long start = System.nanoTime();
            TransportException e = failure(transport(), mode, r);
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            assertKind(e, TransportException.Kind.TIMEOUT);
            assertThat(took).as("time to TIMEOUT").isBetween(Duration.ofMillis(400), Duration.ofSeconds(4));
        }));
    }

    /** A reset in the middle of the body is IO: the request was sent. */
    @TestFactory
    public Stream<DynamicTest> resetMidBodyIsIo() {
        return Stream.of(Mode.values()).map(mode -> DynamicTest.dynamicTest(mode.name(), () -> {
            TransportException e = failure(transport(), mode, request("GET", "/reset-body", new byte[0]));
            assertKind(e, TransportException.Kind.IO);
            assertThat(e.requestMayHaveBeenSent()).isTrue();
        }));
    }

    /** A header value with a line break is refused before anything is sent, and the message does not echo the value. */
    @Test
    public void headerValueWithLineBreakIsRefused() {
        HttpRequest r = request("GET", "/echo", new byte[0]).withHeader("X-Evil", "secret-value\r\nX-Injected: 1");
        Throwable thrown = catchThrowable(() -> transport().execute(r));
        assertThat(thrown).isInstanceOf(IllegalArgumentException.class);
        assertThat(thrown.getMessage()).doesNotContain("secret-value").doesNotContain("X-Injected");
        assertThat(server.takeRequest(Duration.ofMillis(300))).as("request that reached the server").isNull();
    }

    // ---------------------------------------------------------------- cancellation, concurrency, leaks

    /** Cancelling an in-flight async call closes its connection and frees its pool slot (pool of 1). */
    @Test
    public void cancellingAnAsyncCallReleasesItsConnection() throws Exception {
        try (HttpTransport t = createTransport(baseSettings().withMaxConnections(1))) {
            CompletableFuture<HttpResponse> stalled = t.executeAsync(
                    request("GET", "/stall", new byte[0]).withTimeout(Duration.ofSeconds(30)));
            RecordedRequest seen = server.takeRequest(Duration.ofSeconds(5));
            assertThat(seen).as("stalled request at the server").isNotNull();
            assertThat(server.openConnections()).isEqualTo(1);

            assertThat(stalled.cancel(true)).isTrue();
            assertThat(stalled).isCancelled();
            assertThat(server.awaitOpenConnections(0, Duration.ofSeconds(5), () -> { }))
                    .as("server saw the cancelled call's socket closed (open now: %d)", server.openConnections()).isTrue();

            HttpResponse next = t.execute(request("GET", "/echo", new byte[0]).withTimeout(Duration.ofSeconds(5)));
            assertThat(next.status()).as("a call after the cancellation, pool of 1").isEqualTo(200);
        }
    }

    /** 200 concurrent async calls all complete with their own answers, over no more connections than the pool allows. */
    @Test
    public void twoHundredConcurrentCallsComplete() throws Exception {
        int pool = 32;
        try (HttpTransport t = createTransport(baseSettings().withMaxConnections(pool))) {
            List<CompletableFuture<HttpResponse>> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                calls.add(t.executeAsync(request("POST", "/echo", ("call-" + i).getBytes(StandardCharsets.UTF_8))));
            }
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            for (int i = 0; i < 200; i++) {
                HttpResponse r = calls.get(i).join();
                assertThat(r.status()).isEqualTo(200);
                assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("call-" + i);
            }
            assertThat(server.acceptedConnections()).as("connections opened with maxConnections=%d", pool).isBetween(1, pool);
        }
    }

    /**
     * After 1,000 calls mixed with faults (errors, resets, refused connections, timeouts,
     * cancellations, downloads) and {@code close()}: the server sees every connection closed and
     * no thread the transport started is alive, each within 10 s.
     */
    @Test
    public void noConnectionOrThreadLeftAfterManyCallsAndClose() throws Exception {
        Set<Thread> before = liveThreads();
        URI refused = URI.create("http://127.0.0.1:" + LoopbackHttpServer.closedPort() + "/echo");
        HttpTransport t = createTransport(baseSettings().withMaxConnections(8).withDefaultTimeout(Duration.ofSeconds(5)));
        int peakThreads = 0;
        Set<String> threadKinds = new java.util.TreeSet<>();
        try {
            for (int window = 0; window < 1000; window += 50) {
                List<Runnable> pendingChecks = new ArrayList<>();
                for (int i = window; i < window + 50; i++) {
                    pendingChecks.add(mixedCall(t, i, refused));
                }
                pendingChecks.forEach(Runnable::run);
                List<Thread> started = startedSince(before);
                peakThreads = Math.max(peakThreads, started.size());
                started.forEach(th -> threadKinds.add(th.getName().replaceAll("[0-9]+", "N")));
            }
        } finally {
            t.close();
        }
        int openAtClose = server.openConnections();

        // first without help, then with System.gc() between checks (see the class comment)
        long closedAt = System.nanoTime();
        long[] connectionsMillis = {-1};
        long[] threadsMillis = {-1};
        Runnable note = () -> {
            long now = (System.nanoTime() - closedAt) / 1_000_000;
            if (connectionsMillis[0] < 0 && server.openConnections() == 0) {
                connectionsMillis[0] = now;
            }
            if (threadsMillis[0] < 0 && startedSince(before).isEmpty()) {
                threadsMillis[0] = now;
            }
        };
        BooleanSupplier clean = () -> connectionsMillis[0] >= 0 && threadsMillis[0] >= 0;
        boolean cleanWithoutGc = LoopbackHttpServer.await(clean, Duration.ofSeconds(2), note);
        boolean connectionsGoneWithoutGc = connectionsMillis[0] >= 0;
        boolean threadsGoneWithoutGc = threadsMillis[0] >= 0;
        if (!cleanWithoutGc) {
            LoopbackHttpServer.await(clean, Duration.ofSeconds(10), () -> {
                System.gc();
                note.run();
            });
        }
        boolean connectionsGone = connectionsMillis[0] >= 0;
        List<String> leftover = startedSince(before).stream().map(Thread::getName).sorted().collect(Collectors.toList());

        System.out.printf("[conformance] %s: 1000 calls over %d connections; peak transport threads %d %s; "
                        + "at close: %d connections open; after close: connections %s (%s GC), "
                        + "transport threads %s (%s GC)%s%n",
                t.name(), server.acceptedConnections(), peakThreads, threadKinds, openAtClose,
                connectionsGone ? "0 after " + connectionsMillis[0] + " ms" : server.openConnections() + " LEFT",
                connectionsGoneWithoutGc ? "without" : "with",
                leftover.isEmpty() ? "0 after " + threadsMillis[0] + " ms" : leftover.size() + " LEFT",
                threadsGoneWithoutGc ? "without" : "with",
                leftover.isEmpty() ? "" : " " + leftover);

        assertThat(connectionsGone).as("every connection closed after close() (open: %d)", server.openConnections()).isTrue();
        assertThat(leftover).as("threads the transport started, alive after close()").isEmpty();
    }

    /** {@code close()} may be called twice. */
    @Test
    public void closeIsIdempotent() {
        HttpTransport t = createTransport(baseSettings());
        assertThat(t.execute(request("GET", "/echo", new byte[0])).status()).isEqualTo(200);
        t.close();
        t.close();
    }

    /** Starts call number {@code i} of the mixed run; returns the check to run once the window is sent. */
    private Runnable mixedCall(HttpTransport t, int i, URI refused) {
        byte[] body = ("mixed-" + i).getBytes(StandardCharsets.UTF_8);
        int kind = i % 20;
        if (kind < 14) {
            HttpRequest r = request("POST", "/echo", body);
            if (kind % 2 == 0) {
                HttpResponse response = t.execute(r);
                return () -> assertSameBytes(response.body(), body, "call " + i);
            }
            CompletableFuture<HttpResponse> f = t.executeAsync(r);
            return () -> assertSameBytes(await(f).body(), body, "call " + i);
        }
        switch (kind) {
            case 14: {
                CompletableFuture<HttpResponse> f = t.executeAsync(request("POST", "/status/503", body));
                return () -> assertThat(await(f).status()).as("call %d", i).isEqualTo(503);
            }
            case 15: {
                CompletableFuture<HttpResponse> f = t.executeAsync(request("GET", "/reset-body", new byte[0]));
                return () -> assertKind(asyncFailure(f), TransportException.Kind.IO);
            }
            case 16: {
                TransportException e = catchTransportException(() -> t.execute(new HttpRequest("POST", refused, Map.of(), body, CALL_TIMEOUT)));
                return () -> assertKind(e, TransportException.Kind.CONNECT);
            }
            case 17: {
                Path target = tempDir.resolve("mixed-" + i);
                HttpResponse r = t.download(request("GET", "/status/404", new byte[0]), target);
                return () -> {
                    assertThat(r.status()).as("call %d", i).isEqualTo(404);
                    assertThat(target).doesNotExist();
                };
            }
            case 18: {
                CompletableFuture<HttpResponse> f = t.executeAsync(request("GET", "/stall", new byte[0]).withTimeout(Duration.ofMillis(100)));
                return () -> assertKind(asyncFailure(f), TransportException.Kind.TIMEOUT);
            }
            default: {
                CompletableFuture<HttpResponse> f = t.executeAsync(request("GET", "/stall", new byte[0]));
                f.cancel(true);
                return () -> assertThat(f).as("call %d", i).isCancelled();
            }
        }
    }

    // ---------------------------------------------------------------- helpers

    /** A request to the loopback server with {@link #CALL_TIMEOUT}. */
    protected final HttpRequest request(String method, String path, byte[] body) {
        return new HttpRequest(method, server.uri(path), Map.of(), body, CALL_TIMEOUT);
    }

    /** Calls the transport the given way; an async failure is rethrown as its cause. */
    protected static HttpResponse call(HttpTransport t, Mode mode, HttpRequest r) {
        if (mode == Mode.SYNC) {
            return t.execute(r);
        }
        CompletableFuture<HttpResponse> f;
        try {
            f = t.executeAsync(r);
        } catch (TransportException e) {
            throw new AssertionError("executeAsync must report a transport failure through its future, not throw it", e);
        }
        return await(f);
    }

    private static HttpResponse await(CompletableFuture<HttpResponse> f) {
        try {
            return f.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new AssertionError("async call failed with a checked exception", e.getCause());
        } catch (TimeoutException e) {
            throw new AssertionError("async call did not complete within 30 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static TransportException asyncFailure(CompletableFuture<HttpResponse> f) {
        return catchTransportException(() -> await(f));
    }

    /** Calls and expects a {@link TransportException}. */
    protected static TransportException failure(HttpTransport t, Mode mode, HttpRequest r) {
        return catchTransportException(() -> call(t, mode, r));
    }

    private static TransportException catchTransportException(Runnable action) {
        Throwable thrown = catchThrowable(action::run);
        if (thrown instanceof CancellationException) {
            fail("expected a TransportException, the call was cancelled", thrown);
        }
        assertThat(thrown).as("expected a TransportException").isInstanceOf(TransportException.class);
        return (TransportException) thrown;
    }

    /** Asserts the kind, showing the exception and its causes when it is wrong. */
    protected static void assertKind(TransportException e, TransportException.Kind expected) {
        if (e.kind() != expected) {
            StringBuilder chain = new StringBuilder();
            for (Throwable t = e; t != null; t = t.getCause()) {
                chain.append("\n  ").append(t);
            }
            fail("expected a TransportException of kind %s, got %s:%s", expected, e.kind(), chain);
        }
    }

    private RecordedRequest onlyRequest() {
        RecordedRequest seen = server.takeRequest(Duration.ofSeconds(5));
        assertThat(seen).as("request at the server").isNotNull();
        assertThat(server.drainRequests()).as("further requests at the server").isEmpty();
        return seen;
    }

    /** Values as a list, whether the transport sent repeated header lines or one comma-joined line. */
    private static List<String> splitValues(List<String> values) {
        return values.stream().flatMap(v -> Arrays.stream(v.split(","))).map(String::trim).collect(Collectors.toList());
    }

    private static void assertSameBytes(byte[] actual, byte[] expected, String what) {
        if (!Arrays.equals(actual, expected)) {
            int i = Arrays.mismatch(actual, expected);
            fail("%s: got %d bytes, expected %d; first difference at index %d", what, actual.length, expected.length, i);
        }
    }

    private static List<String> filesIn(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<Thread> liveThreads() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).collect(Collectors.toSet());
    }

    /** Live threads that did not exist in {@code before}, except the loopback server's. */
    private static List<Thread> startedSince(Set<Thread> before) {
        return liveThreads().stream()
                .filter(th -> !before.contains(th) && !LoopbackHttpServer.isServerThread(th))
                .collect(Collectors.toList());
    }
}
