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
 * per-operation ratios and the absolute times follow, and for reference the Apache client against
 * hand-written code on Apache's classic client ({@link ApacheClassicBaseline}).
 *
 * <p>Options: {@code --forks N --warmup N --iterations N --seconds N} (JMH's warm-up and
 * measurement iterations and their length).
 */
public final class OverheadMain {

    private OverheadMain() {
    }

    /** Runs the benchmarks; figures on standard output, JMH's log on standard error. */
    public static void main(String[] argv) throws RunnerException {
        Args args = Args.parse(argv);
        int forks = args.integer("forks", 2);
        int warmup = args.integer("warmup", 5);
        int iterations = args.integer("iterations", 10);
        int seconds = args.integer("seconds", 2);
        Options options = new OptionsBuilder()
                .include(OverheadBenchmark.class.getName() + "\\.")
                .include(ValidateEncodeBenchmark.class.getName() + "\\.")
                .include(ApacheClassicBaseline.class.getName() + "\\.")
                .forks(forks)
                .warmupIterations(warmup).warmupTime(TimeValue.seconds(seconds))
                .measurementIterations(iterations).measurementTime(TimeValue.seconds(seconds))
                .threads(1)
                .shouldFailOnError(true)
                .build();
        // JMH's progress goes to standard output; keep that for the figures
        java.io.PrintStream out = System.out;
        System.setOut(System.err);
        Collection<RunResult> results;
        try {
            results = new Runner(options).run();
        } finally {
            System.setOut(out);
        }

        Map<String, Result<?>> scores = new HashMap<>();
        for (RunResult r : results) {
            String method = r.getParams().getBenchmark().substring(r.getParams().getBenchmark().lastIndexOf('.') + 1);
            String transport = r.getParams().getParam("transport");
            scores.put(transport == null ? method : method + "/" + transport, r.getPrimaryResult());
        }
        for (String transport : new String[] {"jdk", "apache"}) {
            double clientSubmit = score(scores, "clientSubmit/" + transport);
            double clientQuery = score(scores, "clientQuery/" + transport);
            double rawSubmit = score(scores, "rawSubmit/" + transport);
            double rawQuery = score(scores, "rawQuery/" + transport);
            Figures.print("overhead_ratio_" + transport, (clientSubmit + clientQuery) / (rawSubmit + rawQuery), 3);
            Figures.print("overhead_submit_ratio_" + transport, clientSubmit / rawSubmit, 3);
            Figures.print("overhead_query_ratio_" + transport, clientQuery / rawQuery, 3);
            Figures.print("client_submit_us_" + transport, clientSubmit, 1);
            Figures.print("raw_submit_us_" + transport, rawSubmit, 1);
            Figures.print("client_query_us_" + transport, clientQuery, 1);
            Figures.print("raw_query_us_" + transport, rawQuery, 1);
            for (String op : new String[] {"clientSubmit", "rawSubmit", "clientQuery", "rawQuery"}) {
                Result<?> r = scores.get(op + "/" + transport);
                Figures.note("%-13s %-6s %10.2f ± %.2f %s", op, transport, r.getScore(), r.getScoreError(), r.getScoreUnit());
            }
        }
        Figures.print("validate_encode_ns", score(scores, "validateAndEncode"), 0);
        double classic = score(scores, "rawClassicSubmit") + score(scores, "rawClassicQuery");
        Figures.print("raw_classic_submit_us_apache", score(scores, "rawClassicSubmit"), 1);
        Figures.print("raw_classic_query_us_apache", score(scores, "rawClassicQuery"), 1);
        Figures.print("overhead_ratio_apache_vs_classic", (score(scores, "clientSubmit/apache") + score(scores, "clientQuery/apache")) / classic, 3);
    }

    private static double score(Map<String, Result<?>> scores, String key) {
        Result<?> r = scores.get(key);
        if (r == null) {
            throw new IllegalStateException("JMH produced no result for " + key + "; got " + scores.keySet());
        }
        return r.getScore();
    }
}
