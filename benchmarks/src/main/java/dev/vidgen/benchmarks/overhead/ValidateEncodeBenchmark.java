package dev.vidgen.benchmarks.overhead;

import dev.vidgen.benchmarks.BenchRequests;
import dev.vidgen.client.VideoClient;
import dev.vidgen.client.protocol.FoxApiCodec;
import dev.vidgen.domain.VideoRequest;
import dev.vidgen.fake.port.FakeTaskPort;
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
 * The CPU a submit costs before any I/O: every rule of the request's family checked by
 * {@link VideoClient#validate} (Hibernate Validator, capability rules, model registration), then
 * the body encoded by {@link FoxApiCodec#encodeRequest}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ValidateEncodeBenchmark {

    private VideoClient client;
    private FoxApiCodec codec;
    private VideoRequest request;

    /** A client on the fake task port (no transport), and the codec a real client would use. */
    @Setup(Level.Trial)
    public void setUp() {
        client = VideoClient.builder().taskPort(new FakeTaskPort()).build();
        codec = new FoxApiCodec(client.models());
        request = BenchRequests.veo();
        validateAndEncode();
    }

    /** Closes the client. */
    @TearDown(Level.Trial)
    public void tearDown() {
        client.close();
    }

    /** Validation plus encoding of one request. */
    @Benchmark
    public byte[] validateAndEncode() {
        if (!client.validate(request).isEmpty()) {
            throw new IllegalStateException("the benchmark request breaks a rule: " + client.validate(request));
        }
        return codec.encodeRequest(request);
    }
}
