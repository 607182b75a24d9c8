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
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * For reference only: the same raw exchanges on Apache HttpClient 5's classic (blocking) client,
 * which most hand-written code uses. The headline ratio compares the adapter with the async client
 * it is built on ({@link OverheadBenchmark}); this shows what the async style itself costs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ApacheClassicBaseline {

    private CannedServer server;
    private RawExchange raw;

    /** Starts the server and the classic client. */
    @Setup(Level.Trial)
    public void setUp() {
        server = CannedServer.start();
        raw = RawExchange.forTransport("apache-classic", server.baseUrl(), BenchRequests.VEO_JSON);
    }

    /** Closes what setUp opened. */
    @TearDown(Level.Trial)
    public void tearDown() {
        raw.close();
        server.close();
    }

    /** POST of the pre-built JSON string. */
    @Benchmark
    public byte[] rawClassicSubmit() {
        return raw.submit();
    }

    /** GET of the task. */
    @Benchmark
    public byte[] rawClassicQuery() {
        return raw.query(CannedServer.TASK_ID);
    }
}
