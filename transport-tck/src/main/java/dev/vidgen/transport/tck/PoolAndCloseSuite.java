package dev.vidgen.transport.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.vidgen.ports.http.BodyHandler;
import dev.vidgen.ports.http.BodyHandlers;
import dev.vidgen.ports.http.BodySink;
import dev.vidgen.ports.http.BodyTooLargeException;
import dev.vidgen.ports.http.HttpRequest;
import dev.vidgen.ports.http.HttpResponse;
import dev.vidgen.ports.http.HttpTransport;
import dev.vidgen.ports.http.TransportException;
import dev.vidgen.ports.http.TransportSettings;
import dev.vidgen.ports.http.TransportSettings.ProxySettings;
import dev.vidgen.transport.tck.LoopbackHttpServer.RecordedRequest;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The connection pool and close: 200 concurrent calls complete over at most {@code maxConnections}
 * connections; a call that waits for a free connection past its timeout is CONNECT and never sent;
 * futures complete on the settings' executor, which close leaves running; calls after close are
 * refused; and after 1,000 calls mixed with faults and {@code close()}, no connection and no
 * thread of the transport is left.
 *
 * <p>Waiting for {@code close()} to take effect, the leak check runs {@code System.gc()} between
 * checks: the JDK 17 {@code java.net.http.HttpClient} has no {@code close()}, and its selector
 * thread and idle connections only go once the client is unreachable. It prints what it measured
 * on standard output, tagged {@code [conformance]}.
 */
public abstract class PoolAndCloseSuite extends TransportTck {

    /** 200 concurrent async calls all complete with their own answers, over no more connections than the pool allows. */
    @Test
    public void twoHundredConcurrentCallsComplete() throws Exception {
        int pool = 32;
        try (HttpTransport t = createTransport(baseSettings().withMaxConnections(pool))) {
            List<CompletableFuture<HttpResponse<byte[]>>> calls = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                calls.add(t.exchange(request("POST", "/echo", ("call-" + i).getBytes(StandardCharsets.UTF_8)), BUFFER));
            }
            CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            for (int i = 0; i < 200; i++) {
                HttpResponse<byte[]> r = calls.get(i).join();
                assertThat(r.status()).isEqualTo(200);
                assertThat(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo("call-" + i);
            }
            assertThat(server().acceptedConnections()).as("connections opened with maxConnections=%d", pool).isBetween(1, pool);
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
        int openAtClose = server().openConnections();

        // first without help, then with System.gc() between checks (see the class comment)
        long closedAt = System.nanoTime();
        long[] connectionsMillis = {-1};
        long[] threadsMillis = {-1};
        Runnable note = () -> {
            long now = (System.nanoTime() - closedAt) / 1_000_000;
            if (connectionsMillis[0] < 0 && server().openConnections() == 0) {
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
                t.name(), server().acceptedConnections(), peakThreads, threadKinds, openAtClose,
                connectionsGone ? "0 after " + connectionsMillis[0] + " ms" : server().openConnections() + " LEFT",
                connectionsGoneWithoutGc ? "without" : "with",
                leftover.isEmpty() ? "0 after " + threadsMillis[0] + " ms" : leftover.size() + " LEFT",
                threadsGoneWithoutGc ? "without" : "with",
                leftover.isEmpty() ? "" : " " + leftover);

        assertThat(connectionsGone).as("every connection closed after close() (open: %d)", server().openConnections()).isTrue();
        assertThat(leftover).as("threads the transport started, alive after close()").isEmpty();
    }

    /** {@code close()} may be called twice. */
    @Test
    public void closeIsIdempotent() {
        HttpTransport t = createTransport(baseSettings());
        assertThat(t.send(request("GET", "/echo", new byte[0]), BUFFER).status()).isEqualTo(200);
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
                HttpResponse<byte[]> response = t.send(r, BUFFER);
                return () -> assertSameBytes(response.body(), body, "call " + i);
            }
            CompletableFuture<HttpResponse<byte[]>> f = t.exchange(r, BUFFER);
            return () -> assertSameBytes(await(f).body(), body, "call " + i);
        }
        switch (kind) {
            case 14: {
                CompletableFuture<HttpResponse<byte[]>> f = t.exchange(request("POST", "/status/503", body), BUFFER);
                return () -> assertThat(await(f).status()).as("call %d", i).isEqualTo(503);
            }
            case 15: {
                CompletableFuture<HttpResponse<byte[]>> f = t.exchange(request("GET", "/reset-body", new byte[0]), BUFFER);
                return () -> assertKind(asyncFailure(f), TransportException.Kind.IO);
            }
            case 16: {
                TransportException e = catchTransportException(() -> t.send(new HttpRequest("POST", refused, Map.of(), body, CALL_TIMEOUT), BUFFER));
                return () -> assertKind(e, TransportException.Kind.CONNECT);
            }
            case 17: {
                CompletableFuture<HttpResponse<byte[]>> f = t.exchange(request("GET", "/status/404", new byte[0]), BodyHandlers.firstBytes(4));
                return () -> assertThat(await(f).body()).as("call %d", i).hasSize(4);
            }
            case 18: {
                CompletableFuture<HttpResponse<byte[]>> f = t.exchange(request("GET", "/stall", new byte[0]).withTimeout(Duration.ofMillis(100)), BUFFER);
                return () -> assertKind(asyncFailure(f), TransportException.Kind.TIMEOUT);
            }
            default: {
                CompletableFuture<HttpResponse<byte[]>> f = t.exchange(request("GET", "/stall", new byte[0]), BUFFER);
                f.cancel(true);
                return () -> assertThat(f).as("call %d", i).isCancelled();
            }
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
    /** A call that waits for a free connection (pool of 2, both stalled) past its timeout is CONNECT, and never reaches the server. */
    @Test
    public void aCallWaitingForAConnectionPastItsTimeoutIsConnectAndNeverSent() throws Exception {
        try (HttpTransport t = createTransport(baseSettings().withMaxConnections(2))) {
            HttpRequest stall = request("GET", "/stall", new byte[0]).withTimeout(Duration.ofMillis(1500));
            CompletableFuture<HttpResponse<byte[]>> first = t.exchange(stall, BUFFER);
            CompletableFuture<HttpResponse<byte[]>> second = t.exchange(stall, BUFFER);
            assertThat(server().takeRequest(Duration.ofSeconds(5))).as("first stalled request").isNotNull();
            assertThat(server().takeRequest(Duration.ofSeconds(5))).as("second stalled request").isNotNull();
            CompletableFuture<HttpResponse<byte[]>> third = t.exchange(stall.withTimeout(Duration.ofMillis(300)), BUFFER);
            assertKind(asyncFailure(third), TransportException.Kind.CONNECT);
            assertKind(asyncFailure(first), TransportException.Kind.TIMEOUT);
            assertKind(asyncFailure(second), TransportException.Kind.TIMEOUT);
            assertThat(server().drainRequests()).as("requests beyond the two stalled ones").isEmpty();
        }
    }

    /** Futures complete on the settings' executor; close leaves a caller's executor alone. */
    @Test
    public void futuresCompleteOnTheGivenExecutorWhichCloseLeavesRunning() throws Exception {
        AtomicInteger tasks = new AtomicInteger();
        ExecutorService mine = Executors.newFixedThreadPool(2);
        try {
            TransportSettings settings = baseSettings().withExecutor(r -> {
                tasks.incrementAndGet();
                mine.execute(r);
            });
            try (HttpTransport t = createTransport(settings)) {
                assertThat(t.exchange(request("GET", "/echo", new byte[0]), BUFFER).get(10, TimeUnit.SECONDS).status()).isEqualTo(200);
            }
            assertThat(tasks.get()).as("tasks run on the given executor").isPositive();
            assertThat(mine.isShutdown()).as("close() leaves a caller's executor alone").isFalse();
        } finally {
            mine.shutdownNow();
        }
    }

    /**
     * A caller's callback never runs on a thread that moves other exchanges' bytes: while the
     * callback of one exchange blocks, eight more exchanges (more than any adapter's I/O threads)
     * still complete. A callback on an I/O thread would stall the exchanges of that thread.
     */
    @Test
    public void aBlockedCallbackDoesNotStallOtherExchanges() throws Exception {
        try (HttpTransport t = createTransport(baseSettings())) {
            CountDownLatch inCallback = new CountDownLatch(1);
            CountDownLatch othersDone = new CountDownLatch(1);
            // the delay makes sure the callback is attached before the exchange completes, so it runs where completions run
            CompletableFuture<Boolean> blocked = t.exchange(request("GET", "/delay/200", new byte[0]), BUFFER).thenApply(r -> {
                inCallback.countDown();
                try {
                    return othersDone.await(20, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            });
            assertThat(inCallback.await(10, TimeUnit.SECONDS)).as("the first exchange's callback started").isTrue();
            List<CompletableFuture<HttpResponse<byte[]>>> others = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                others.add(t.exchange(request("GET", "/delay/" + (10 * i), new byte[0]), BUFFER));
            }
            try {
                for (CompletableFuture<HttpResponse<byte[]>> f : others) {
                    assertThat(f.get(10, TimeUnit.SECONDS).status()).as("an exchange while a callback blocks").isEqualTo(200);
                }
            } finally {
                othersDone.countDown();
            }
            assertThat(blocked.get(10, TimeUnit.SECONDS)).as("the blocked callback saw the others complete").isTrue();
        }
    }

    /** A call after close is refused with {@link IllegalStateException} saying so. */
    @Test
    public void callsAfterCloseAreRefused() {
        HttpTransport t = createTransport(baseSettings());
        t.close();
        Throwable thrown = catchThrowable(() -> t.send(request("GET", "/echo", new byte[0]), BUFFER));
        assertThat(thrown).isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }
}
