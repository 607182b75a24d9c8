package dev.vidgen.benchmarks.overhead;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A JMH profiler reporting the CPU time of the whole benchmark JVM (every thread: the caller, the
 * HTTP library's and the client's threads, the server's, the GC's) per operation, as
 * {@value #RESULT}. Unlike wall time it hardly moves when other processes compete for the cores,
 * so it shows the client's extra work even on a busy machine.
 */
public final class ProcessCpuProfiler implements InternalProfiler {

    /** The secondary result's label. */
    public static final String RESULT = "cpu.ns/op";

    private final com.sun.management.OperatingSystemMXBean os =
            (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private long startCpu;

    @Override
    public String getDescription() {
        return "process CPU time per operation";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        startCpu = os.getProcessCpuTime();
    }

    @Override
    public Collection<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                       IterationResult result) {
        long cpu = os.getProcessCpuTime() - startCpu;
        long ops = result.getMetadata() == null ? 0 : result.getMetadata().getMeasuredOps();
        double perOp = ops == 0 ? Double.NaN : (double) cpu / ops;
        return List.of(new ScalarResult(RESULT, perOp, "ns/op", AggregationPolicy.AVG));
    }
}
