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
 * (Apache HttpClient 5, priority 200) over raw Apache HttpClient 5.
 *
 * <p>Options: {@code --rounds N} (default 15).
 */
public final class ColdStartBenchmark {

    private static final List<String> VARIANTS = List.of("raw-jdk", "raw-apache", "builder-jdk", "builder-apache",
            "guice-jdk", "guice-apache");

    private ColdStartBenchmark() {
    }

    /** Runs the rounds; figures on standard output. */
    public static void main(String[] argv) throws Exception {
        int rounds = Args.parse(argv).integer("rounds", 15);
        Map<String, List<Double>> millis = new LinkedHashMap<>();
        VARIANTS.forEach(v -> millis.put(v, new ArrayList<>()));
        try (CannedServer server = CannedServer.start()) {
            for (int round = 0; round <= rounds; round++) {
                for (String variant : VARIANTS) {
                    double ms = once(variant, server);
                    if (round > 0) {
                        millis.get(variant).add(ms);
                    }
                }
            }
        }
        Map<String, Double> medians = new LinkedHashMap<>();
        millis.forEach((variant, list) -> {
            double[] sorted = list.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            double median = sorted.length % 2 == 1 ? sorted[sorted.length / 2]
                    : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
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
    }

    private static double once(String variant, CannedServer server) throws Exception {
        long start = System.nanoTime();
        Process child = JavaProcesses.start(List.of(), ColdStartChild.class, variant, server.baseUrl().toString());
        String line;
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            line = out.readLine();
        }
        long end = System.nanoTime();
        if (!child.waitFor(60, TimeUnit.SECONDS)) {
            child.destroyForcibly();
            throw new IllegalStateException(variant + " did not exit within 60 s");
        }
        if (line == null || !line.equals("answered " + CannedServer.TASK_ID) || child.exitValue() != 0) {
            throw new IllegalStateException(variant + " failed: exit " + child.exitValue() + ", said " + line
                    + " (expected the canned task id; see its standard error above)");
        }
        return (end - start) / 1e6;
    }
}
