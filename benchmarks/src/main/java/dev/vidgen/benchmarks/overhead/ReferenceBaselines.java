package dev.vidgen.benchmarks.overhead;

import dev.vidgen.benchmarks.BenchRequests;
import dev.vidgen.benchmarks.CannedServer;
import dev.vidgen.benchmarks.RawExchange;
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
 * For reference only: the same raw exchanges in the library's other style. The headline ratios
 * ({@link OverheadBenchmark}) compare each adapter with hand-written code in the style most code
 * uses ({@code HttpClient.send} on the JDK; Apache's async client, which the adapter is built on);
 * these show what the style itself costs: the JDK client's {@code sendAsync} (which the JDK adapter
 * must use for its async API) and Apache's classic blocking client.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ReferenceBaselines {

    /** The raw exchange's name in {@link RawExchange#forTransport}. */
    @Param({"jdk-async", "apache-classic"})
    public String library;

    private CannedServer server;
    private RawExchange raw;

    /** Starts the server and the raw client. */
    @Setup(Level.Trial)
    public void setUp() {
        server = CannedServer.start();
        raw = RawExchange.forTransport(library, server.baseUrl(), BenchRequests.VEO_JSON);
    }

    /** Closes what setUp opened. */
    @TearDown(Level.Trial)
    public void tearDown() {
        raw.close();
        server.close();
    }

    /** POST of the pre-built JSON string. */
    @Benchmark
    public byte[] referenceSubmit() {
        return raw.submit();
    }

    /** GET of the task. */
    @Benchmark
    public byte[] referenceQuery() {
        return raw.query(CannedServer.TASK_ID);
    }
}
