package dev.vidgen.benchmarks.overhead;

import dev.vidgen.benchmarks.Args;
import dev.vidgen.benchmarks.Figures;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link OverheadBenchmark} and {@link ValidateEncodeBenchmark} in one JMH run and prints the
 * figures: {@code overhead_ratio_<transport>} is (client submit + client query) / (raw submit +
 * raw query), that is the client's time for one submit and one poll over the raw time;
 * per-operation ratios and the absolute times follow, and for reference each client against
 * hand-written code in the library's other style ({@link ReferenceBaselines}). Every benchmark
 * also reports the CPU time of its whole JVM per operation ({@link ProcessCpuProfiler}); its
 * ratio, {@code overhead_cpu_ratio_<transport>}, is the client's extra work, which wall time on a
 * busy machine can hide or exaggerate.
 *
 * <p>Options: {@code --forks N --warmup N --iterations N --seconds N} (JMH's forks, warm-up and
 * measurement iterations and their length; defaults 2, 10, 10, 1) and {@code --references false}
 * to leave out the reference baselines.
 *
 * <p>{@code --busy N} (or {@code --busy cores}) is the contention run: {@link BusySpinners} keep N
 * threads spinning in this (the JMH host) JVM for the whole run, beside the forked benchmark JVM,
 * so client and raw run under the same load; only {@link OverheadBenchmark} runs, and the figures
 * are named {@code overhead_ratio_busy_<transport>} and {@code overhead_cpu_ratio_busy_<transport>}
 * (the CPU time is the forked JVM's, so the spinners' own CPU is not in it). Needs {@code --forks} of 1 or more.
 */
public final class OverheadMain {

    private OverheadMain() {
    }

    /** Runs the benchmarks; figures on standard output, JMH's log on standard error. */
    public static void main(String[] argv) throws RunnerException, InterruptedException {
        Args args = Args.parse(argv);
        int forks = args.integer("forks", 2);
        // the client's path (Hibernate Validator, Jackson, futures) needs about 5-8 s of warm-up on 2 busy cores
        int warmup = args.integer("warmup", 10);
        int iterations = args.integer("iterations", 10);
        int seconds = args.integer("seconds", 1);
        String busyText = args.text("busy", "0");
        int busy = busyText.equals("cores") ? Runtime.getRuntime().availableProcessors() : Integer.parseInt(busyText);
        if (busy > 0 && forks < 1) {
            throw new IllegalArgumentException("--busy needs --forks 1 or more: the spinners must be outside the measured JVM");
        }
        boolean references = busy == 0 && Boolean.parseBoolean(args.text("references", "true"));
        String busyTag = busy > 0 ? "busy_" : "";
        OptionsBuilder builder = new OptionsBuilder();
        builder.include(OverheadBenchmark.class.getName() + "\\.");
        if (busy == 0) {
            builder.include(ValidateEncodeBenchmark.class.getName() + "\\.");
        }
        if (references) {
            builder.include(ReferenceBaselines.class.getName() + "\\.");
        }
        Options options = builder
                .forks(forks)
                .warmupIterations(warmup).warmupTime(TimeValue.seconds(seconds))
                .measurementIterations(iterations).measurementTime(TimeValue.seconds(seconds))
                .threads(1)
                .addProfiler(ProcessCpuProfiler.class)
                .shouldFailOnError(true)
                .build();
        // JMH's progress goes to standard output; keep that for the figures
        java.io.PrintStream out = System.out;
        System.setOut(System.err);
        Collection<RunResult> results;
        BusySpinners spinners = BusySpinners.start(busy);
        try {
            results = new Runner(options).run();
        } finally {
            spinners.stop();
            System.setOut(out);
        }
        if (busy > 0) {
            Figures.print("overhead_busy_threads", busy);
            Figures.print("overhead_busy_spinner_cpu_share", spinners.cpuShare(), 2);
        }

        Map<String, Result<?>> scores = new HashMap<>();
        Map<String, RunResult> runs = new HashMap<>();
        for (RunResult r : results) {
            String method = r.getParams().getBenchmark().substring(r.getParams().getBenchmark().lastIndexOf('.') + 1);
            String transport = r.getParams().getParam("transport");
            if (transport == null) {
                transport = r.getParams().getParam("library");
            }
            scores.put(transport == null ? method : method + "/" + transport, r.getPrimaryResult());
            runs.put(transport == null ? method : method + "/" + transport, r);
        }
        for (String transport : new String[] {"jdk", "apache"}) {
            double clientSubmit = score(scores, "clientSubmit/" + transport);
            double clientQuery = score(scores, "clientQuery/" + transport);
            double rawSubmit = score(scores, "rawSubmit/" + transport);
            double rawQuery = score(scores, "rawQuery/" + transport);
            Figures.print("overhead_ratio_" + busyTag + transport, (clientSubmit + clientQuery) / (rawSubmit + rawQuery), 3);
            Figures.print("overhead_submit_ratio_" + busyTag + transport, clientSubmit / rawSubmit, 3);
            Figures.print("overhead_query_ratio_" + busyTag + transport, clientQuery / rawQuery, 3);
            double cpuClient = cpu(runs, "clientSubmit/" + transport) + cpu(runs, "clientQuery/" + transport);
            double cpuRaw = cpu(runs, "rawSubmit/" + transport) + cpu(runs, "rawQuery/" + transport);
            Figures.print("overhead_cpu_ratio_" + busyTag + transport, cpuClient / cpuRaw, 3);
            Figures.print("client_cpu_us_per_submit_and_query_" + busyTag + transport, cpuClient / 1000, 1);
            Figures.print("raw_cpu_us_per_submit_and_query_" + busyTag + transport, cpuRaw / 1000, 1);
            Figures.print("client_submit_us_" + busyTag + transport, clientSubmit, 1);
            Figures.print("raw_submit_us_" + busyTag + transport, rawSubmit, 1);
            Figures.print("client_query_us_" + busyTag + transport, clientQuery, 1);
            Figures.print("raw_query_us_" + busyTag + transport, rawQuery, 1);
            for (String op : new String[] {"clientSubmit", "rawSubmit", "clientQuery", "rawQuery"}) {
                Result<?> r = scores.get(op + "/" + transport);
                Figures.note("%-13s %-6s %10.2f ± %.2f %s", op, transport, r.getScore(), r.getScoreError(), r.getScoreUnit());
            }
        }
        if (busy == 0) {
            Figures.print("validate_encode_ns", score(scores, "validateAndEncode"), 0);
        }
        for (String[] ref : !references ? new String[0][] : new String[][] {{"jdk-async", "jdk", "jdk_vs_send_async"}, {"apache-classic", "apache", "apache_vs_classic"}}) {
            double submit = score(scores, "referenceSubmit/" + ref[0]);
            double query = score(scores, "referenceQuery/" + ref[0]);
            String tag = ref[0].replace('-', '_');
            Figures.print("reference_submit_us_" + tag, submit, 1);
            Figures.print("reference_query_us_" + tag, query, 1);
            Figures.print("overhead_ratio_" + ref[2], (score(scores, "clientSubmit/" + ref[1]) + score(scores, "clientQuery/" + ref[1]))
                    / (submit + query), 3);
            Figures.print("overhead_cpu_ratio_" + ref[2], (cpu(runs, "clientSubmit/" + ref[1]) + cpu(runs, "clientQuery/" + ref[1]))
                    / (cpu(runs, "referenceSubmit/" + ref[0]) + cpu(runs, "referenceQuery/" + ref[0])), 3);
        }
    }

    private static double cpu(Map<String, RunResult> runs, String key) {
        RunResult r = runs.get(key);
        Result<?> cpu = r == null ? null : r.getSecondaryResults().get(ProcessCpuProfiler.RESULT);
        if (cpu == null) {
            throw new IllegalStateException("no CPU time for " + key);
        }
        return cpu.getScore();
    }

    private static double score(Map<String, Result<?>> scores, String key) {
        Result<?> r = scores.get(key);
        if (r == null) {
            throw new IllegalStateException("JMH produced no result for " + key + "; got " + scores.keySet());
        }
        return r.getScore();
    }
}
