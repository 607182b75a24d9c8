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
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Bodies and caps: bodies of 0 bytes, 1 byte, 5 MiB and a UTF-8 Chinese prompt go up and come back
 * intact; the body reaches the caller's sink as it arrives; a sink's cap or stop ends the reading
 * there (the server cannot write much further before the client hangs up, even for a body without
 * end or one announcing 10 GiB); and a handler's or sink's own exception fails the exchange as is.
 */
public abstract class BodySuite extends TransportTck {

    private static final int FIVE_MIB = 5 * 1024 * 1024;
    private static final String CHINESE_PROMPT =
            "{\"prompt\":\"一只戴着宇航员头盔的柴犬在月球表面奔跑，身后扬起银色的尘土，电影感，4K，慢动作\"}";
    /** What a server may write past a cap before the client's hang-up reaches it: socket buffers, generously. */
    private static final long SLACK = 32L * 1024 * 1024;

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
                    HttpResponse<byte[]> response = call(transport(), mode, r);
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
            HttpResponse<byte[]> response = call(transport(), mode, request("GET", "/bytes/" + FIVE_MIB, new byte[0]));
            assertThat(response.status()).isEqualTo(200);
            assertSameBytes(response.body(), LoopbackHttpServer.pattern(FIVE_MIB), "5 MiB response");
        }));
    }

    /** A body without end, read with a 1 MiB cap, fails with the sink's own exception, and the server is cut off soon after. */
    @TestFactory
    public Stream<DynamicTest> anEndlessBodyStopsAtTheCap() {
        return Stream.of("/endless/200", "/huge/200").flatMap(path -> Stream.of(Mode.values()).map(mode ->
                DynamicTest.dynamicTest(path + " " + mode, () -> {
                    HttpRequest r = request("GET", path, new byte[0]);
                    Throwable thrown = catchThrowable(() -> exchange(transport(), mode, r, BodyHandlers.limited(1024 * 1024)));
                    assertThat(thrown).isInstanceOf(BodyTooLargeException.class);
                    long written = server().awaitStreamEnd(Duration.ofSeconds(20));
                    assertThat(written).as("bytes the server wrote before the client hung up").isBetween(1024L * 1024, 1024L * 1024 + SLACK);
                })));
    }

    /** An endless error body, of which the sink keeps 16 KiB, ends as a response with those bytes, and the rest is never read. */
    @TestFactory
    public Stream<DynamicTest> aKeptPrefixOfAnEndlessErrorBodyEndsTheReading() {
        return Stream.of(Mode.values()).map(mode -> DynamicTest.dynamicTest(mode.name(), () -> {
            HttpResponse<byte[]> r = exchange(transport(), mode, request("GET", "/endless/500", new byte[0]), BodyHandlers.firstBytes(16 * 1024));
            assertThat(r.status()).isEqualTo(500);
            assertSameBytes(r.body(), LoopbackHttpServer.pattern(16 * 1024), "kept prefix");
            assertThat(server().awaitStreamEnd(Duration.ofSeconds(20))).as("bytes written before the hang-up").isBetween(16L * 1024, SLACK);
            assertThat(transport().send(request("GET", "/echo", new byte[0]), BUFFER).status())
                    .as("the transport goes on working after a cut connection").isEqualTo(200);
        }));
    }

    /** An exception of the handler (refusing the head) fails the exchange with that very exception; nothing of the body is read. */
    @TestFactory
    public Stream<DynamicTest> aHandlersExceptionFailsTheExchangeAsIs() {
        return Stream.of(Mode.values()).map(mode -> DynamicTest.dynamicTest(mode.name(), () -> {
            IllegalStateException refusal = new IllegalStateException("not this content type");
            BodyHandler<byte[]> refusing = head -> {
                throw refusal;
            };
            Throwable thrown = catchThrowable(() -> exchange(transport(), mode, request("GET", "/endless/200", new byte[0]), refusing));
            assertThat(thrown).isSameAs(refusal);
            assertThat(server().awaitStreamEnd(Duration.ofSeconds(20))).as("bytes written before the hang-up").isBetween(0L, SLACK);
        }));
    }

    /** The sink sees the head first, then the body in pieces that add up to it, then finish; the response carries what finish made. */
    @Test
    public void theSinkGetsTheHeadThenTheBodyThenFinish() {
        List<String> events = new ArrayList<>();
        long[] total = {0};
        BodyHandler<String> recording = head -> {
            events.add("open " + head.status() + " " + head.header("content-type").orElse(""));
            return new BodySink<>() {
                @Override
                public boolean write(ByteBuffer data) {
                    total[0] += data.remaining();
                    data.position(data.limit());
                    return true;
                }

                @Override
                public String finish() {
                    events.add("finish " + total[0]);
                    return "made by the sink";
                }
            };
        };
        HttpResponse<String> r = transport().send(request("GET", "/bytes/" + FIVE_MIB, new byte[0]), recording);
        assertThat(r.body()).isEqualTo("made by the sink");
        assertThat(events).containsExactly("open 200 application/octet-stream", "finish " + FIVE_MIB);
    }

    private static <T> HttpResponse<T> exchange(HttpTransport t, Mode mode, HttpRequest r, BodyHandler<T> handler) {
        return mode == Mode.SYNC ? t.send(r, handler) : await(t.exchange(r, handler));
    }
}
