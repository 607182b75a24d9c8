package dev.vidgen.benchmarks.overhead;

import dev.vidgen.benchmarks.BenchRequests;
import dev.vidgen.benchmarks.CannedServer;
import dev.vidgen.benchmarks.RawExchange;
import dev.vidgen.client.VideoClient;
import dev.vidgen.domain.VideoRequest;
import dev.vidgen.domain.task.TaskId;
import dev.vidgen.domain.task.VideoTask;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * A submit and a task query through {@link VideoClient} on one transport, against the same two
 * exchanges written by hand on the same HTTP library ({@link RawExchange}), all against one
 * {@link CannedServer} on loopback in the benchmark's own JVM. The client's share is validation,
 * encoding, decoding, the retry/timeout machinery and the transport adapter; the network, the
 * server and the HTTP library cost the same on both sides.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class OverheadBenchmark {

    /** The transport under test, by its provider name. */
    @Param({"jdk", "apache"})
    public String transport;

    private CannedServer server;
    private VideoClient client;
    private RawExchange raw;
    private VideoRequest request;
    private TaskId taskId;

    /** Starts the server, the client and the raw exchange, and checks that both sides really talk to the server. */
    @Setup(Level.Trial)
    public void setUp() {
        server = CannedServer.start();
        client = VideoClient.builder().baseUrl(server.baseUrl()).apiKey(BenchRequests.API_KEY).transportName(transport).build();
        raw = RawExchange.forTransport(transport, server.baseUrl(), BenchRequests.VEO_JSON);
        request = BenchRequests.veo();
        taskId = TaskId.of(CannedServer.TASK_ID);
        long before = server.posts() + server.gets();
        if (!clientSubmit().id().equals(taskId) || !clientQuery().isTerminal() || raw.submit().length == 0
                || raw.query(CannedServer.TASK_ID).length == 0 || server.posts() + server.gets() != before + 4) {
            throw new IllegalStateException("the benchmark's exchanges did not reach the canned server as expected");
        }
    }

    /** Closes what setUp opened. */
    @TearDown(Level.Trial)
    public void tearDown() {
        client.close();
        raw.close();
        server.close();
    }

    /** Validate, encode, POST, decode: {@code VideoClient.submit}. */
    @Benchmark
    public VideoTask clientSubmit() {
        return client.submit(request);
    }

    /** GET and decode: {@code VideoClient.get}. */
    @Benchmark
    public VideoTask clientQuery() {
        return client.get(taskId);
    }

    /** POST of a pre-built JSON string, body returned unparsed. */
    @Benchmark
    public byte[] rawSubmit() {
        return raw.submit();
    }

    /** GET, body returned unparsed. */
    @Benchmark
    public byte[] rawQuery() {
        return raw.query(CannedServer.TASK_ID);
    }
}
