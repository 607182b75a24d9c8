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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Timeouts and cancellation: connection refused is CONNECT; a silent server (before or during the
 * body), a head or a body trickling in end in TIMEOUT, because the request's timeout bounds the
 * whole exchange, not the gaps between bytes; a reset mid-body is IO; cancelling an async call
 * frees its connection.
 */
public abstract class TimeoutAndCancellationSuite extends TransportTck {

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
        return calls;
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

    /** Cancelling an in-flight async call closes its connection and frees its pool slot (pool of 1). */
    @Test
    public void cancellingAnAsyncCallReleasesItsConnection() throws Exception {
        try (HttpTransport t = createTransport(baseSettings().withMaxConnections(1))) {
            CompletableFuture<HttpResponse<byte[]>> stalled = t.exchange(
                    request("GET", "/stall", new byte[0]).withTimeout(Duration.ofSeconds(30)), BUFFER);
            RecordedRequest seen = server().takeRequest(Duration.ofSeconds(5));
            assertThat(seen).as("stalled request at the server").isNotNull();
            assertThat(server().awaitOpenConnections(1, Duration.ofSeconds(5), () -> { }))
                    .as("the stalled call's connection at the server (open now: %d)", server().openConnections()).isTrue();

            assertThat(stalled.cancel(true)).isTrue();
            assertThat(stalled).isCancelled();
            assertThat(server().awaitOpenConnections(0, Duration.ofSeconds(5), () -> { }))
                    .as("server saw the cancelled call's socket closed (open now: %d)", server().openConnections()).isTrue();

            HttpResponse<byte[]> next = t.send(request("GET", "/echo", new byte[0]).withTimeout(Duration.ofSeconds(5)), BUFFER);
            assertThat(next.status()).as("a call after the cancellation, pool of 1").isEqualTo(200);
        }
    }

    /**
     * Interrupting a thread blocked in {@code send} ends the call at once with IO, keeps the thread's
     * interrupt flag, and closes the connection (pool of 1: the next call gets through).
     */
    @Test
    public void interruptingABlockingSendEndsItKeepsTheFlagAndFreesTheConnection() throws Exception {
        try (HttpTransport t = createTransport(baseSettings().withMaxConnections(1))) {
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            AtomicBoolean flagKept = new AtomicBoolean();
            Thread caller = new Thread(() -> {
                thrown.set(catchThrowable(() -> t.send(request("GET", "/stall", new byte[0]).withTimeout(Duration.ofSeconds(30)), BUFFER)));
                flagKept.set(Thread.currentThread().isInterrupted());
            }, "tck-blocking-caller");
            caller.start();
            assertThat(server().takeRequest(Duration.ofSeconds(5))).as("the stalled request at the server").isNotNull();
            caller.interrupt();
            caller.join(10_000);
            assertThat(caller.isAlive()).as("the caller is still blocked 10 s after its interrupt").isFalse();
            assertThat(thrown.get()).isInstanceOf(TransportException.class);
            assertKind((TransportException) thrown.get(), TransportException.Kind.IO);
            assertThat(flagKept.get()).as("the caller's interrupt flag after send").isTrue();
            assertThat(server().awaitOpenConnections(0, Duration.ofSeconds(5), () -> { }))
                    .as("the interrupted call's connection is closed (open now: %d)", server().openConnections()).isTrue();
            HttpResponse<byte[]> next = t.send(request("GET", "/echo", new byte[0]).withTimeout(Duration.ofSeconds(5)), BUFFER);
            assertThat(next.status()).as("a call after the interrupt, pool of 1").isEqualTo(200);
        }
    }

    /** A body trickling in (a byte every 50 ms, far inside any idle timeout) still ends at the request's timeout. */
    @TestFactory
    public Stream<DynamicTest> aTricklingBodyEndsAtTheTimeout() {
        return Stream.of(Mode.values()).map(mode -> DynamicTest.dynamicTest(mode.name(), () -> {
            TransportException e = failure(transport(), mode, request("GET", "/trickle/50", new byte[0]).withTimeout(Duration.ofMillis(700)));
            assertKind(e, TransportException.Kind.TIMEOUT);
            assertThat(server().awaitStreamEnd(Duration.ofSeconds(20))).as("bytes trickled before the hang-up")
                    .isBetween(0L, 999_999L);
        }));
    }

    /** A response head trickling in a byte at a time ends at the request's timeout too. */
    @TestFactory
    public Stream<DynamicTest> aTricklingHeadEndsAtTheTimeout() {
        return Stream.of(Mode.values()).map(mode -> DynamicTest.dynamicTest(mode.name(), () -> {
            TransportException e = failure(transport(), mode, request("GET", "/trickle-head/50", new byte[0]).withTimeout(Duration.ofMillis(700)));
            assertKind(e, TransportException.Kind.TIMEOUT);
            // not checked: that the server sees the hang-up (JDK 17's client keeps reading a head it has given up on)
        }));
    }
}
