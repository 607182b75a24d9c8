package dev.vidgen.benchmarks.coldstart;

import dev.vidgen.benchmarks.Args;
import dev.vidgen.benchmarks.CannedServer;
import dev.vidgen.benchmarks.Figures;
import dev.vidgen.benchmarks.JavaProcesses;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Cold start: from JVM start to the first submit answered, each in a fresh JVM
 * ({@link ColdStartChild}, started from this JVM's class path), timed from just before the
 * process is started to the moment its {@code answered} line arrives. The server is a
 * {@link CannedServer} in this JVM. Variants run round-robin, after one untimed round that warms
 * the OS's file cache, so that drift on the machine falls on every variant alike.
 *
 * <p>Figures: the median per variant in ms, and the ratio of each client variant to raw HTTP on
 * the same library; {@code cold_start_ratio_builder} is the builder on its default transport
 * (Apache HttpClient 5, priority 200) over raw Apache HttpClient 5. Each child also reports its
 * CPU time up to the answer (user + system of all its threads, from {@code /proc/self/stat}, in
 * 10 ms ticks): {@code cold_start_cpu_ms_*} and {@code cold_start_cpu_ratio_builder}, which a
 * loaded machine distorts much less than wall time.
 *
 * <p>Options: {@code --rounds N} (default 15); {@code --trace N} (default 0) first runs the builder
 * in timed steps N times per transport ({@code cold_start_trace_*} figures, see {@link ColdStartChild}).
 */
public final class ColdStartBenchmark {

    private static final List<String> VARIANTS = List.of("raw-jdk", "raw-apache", "builder-jdk", "builder-apache",
            "guice-jdk", "guice-apache");

    private ColdStartBenchmark() {
    }

    /** Runs the rounds; figures on standard output. */
    public static void main(String[] argv) throws Exception {
        Args args = Args.parse(argv);
        int rounds = args.integer("rounds", 15);
        int traces = args.integer("trace", 0);
        Map<String, List<Double>> millis = new LinkedHashMap<>();
        Map<String, List<Double>> cpu = new LinkedHashMap<>();
        VARIANTS.forEach(v -> millis.put(v, new ArrayList<>()));
        VARIANTS.forEach(v -> cpu.put(v, new ArrayList<>()));
        try (CannedServer server = CannedServer.start()) {
            if (traces > 0) {
                trace(server, traces);
            }
            for (int round = 0; round <= rounds; round++) {
                for (String variant : VARIANTS) {
                    double[] ms = once(variant, server, new ArrayList<>());
                    if (round > 0) {
                        millis.get(variant).add(ms[0]);
                        cpu.get(variant).add(ms[1]);
                    }
                }
            }
        }
        Map<String, Double> medians = new LinkedHashMap<>();
        millis.forEach((variant, list) -> {
            double[] sorted = list.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double median = median(list);
            medians.put(variant, median);
            Figures.note("%-15s median %6.0f ms  min %6.0f  max %6.0f  (%d runs)", variant, median, sorted[0],
                    sorted[sorted.length - 1], sorted.length);
        });
        for (String v : VARIANTS) {
            Figures.print("cold_start_ms_" + v.replace('-', '_'), medians.get(v), 0);
        }
        for (String lib : new String[] {"jdk", "apache"}) {
            Figures.print("cold_start_ratio_builder_" + lib, medians.get("builder-" + lib) / medians.get("raw-" + lib), 3);
            Figures.print("cold_start_ratio_guice_" + lib, medians.get("guice-" + lib) / medians.get("raw-" + lib), 3);
        }
        Figures.print("cold_start_ratio_builder", medians.get("builder-apache") / medians.get("raw-apache"), 3);
        for (String v : VARIANTS) {
            Figures.print("cold_start_cpu_ms_" + v.replace('-', '_'), median(cpu.get(v)), 0);
        }
        Figures.print("cold_start_cpu_ratio_builder", median(cpu.get("builder-apache")) / median(cpu.get("raw-apache")), 3);
    }

    /** Runs the builder in timed steps {@code times} times per transport; prints each step's median (from JVM start, ms). */
    private static void trace(CannedServer server, int times) throws Exception {
        for (String transport : new String[] {"apache", "jdk"}) {
            Map<String, List<Double>> phases = new LinkedHashMap<>();
            for (int i = 0; i < times; i++) {
                List<String> lines = new ArrayList<>();
                once("trace-builder-" + transport, server, lines);
                for (String l : lines) {
                    String[] parts = l.split(" ");
                    phases.computeIfAbsent(parts[1], k -> new ArrayList<>()).add(Double.parseDouble(parts[2]));
                }
            }
            StringBuilder b = new StringBuilder("builder on " + transport + ", median ms from process start:");
            phases.forEach((phase, ms) -> {
                double median = median(ms);
                b.append(' ').append(phase).append('=').append(Math.round(median));
                Figures.print("cold_start_trace_" + transport + "_" + phase.replace('-', '_') + "_ms", median, 0);
            });
            Figures.note("%s", b);
        }
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }

    /** One child; {@code phases} receives its {@code phase} lines; returns the wall and CPU milliseconds to its answer. */
    private static double[] once(String variant, CannedServer server, List<String> phases) throws Exception {
        long start = System.nanoTime();
        Process child = JavaProcesses.start(List.of(), ColdStartChild.class, variant, server.baseUrl().toString(),
                String.valueOf(System.currentTimeMillis()));
        String line;
        String cpuLine;
        long end;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            while ((line = out.readLine()) != null && line.startsWith("phase ")) {
                phases.add(line);
            }
            end = System.nanoTime();
            cpuLine = out.readLine();
        }
        if (!child.waitFor(60, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            throw new IllegalStateException(variant + " did not exit within 60 s");
        }
        if (line == null || !line.equals("answered " + CannedServer.TASK_ID) || child.exitValue() != 0) {
            throw new IllegalStateException(variant + " failed: exit " + child.exitValue() + ", said " + line
                    + " (expected the canned task id; see its standard error above)");
        }
        if (cpuLine == null || !cpuLine.startsWith("cpu_ms ")) {
            throw new IllegalStateException(variant + " did not report its CPU time: " + cpuLine);
        }
        return new double[] {(end - start) / 1e6, Double.parseDouble(cpuLine.substring(7))};
    }
}
