package dev.vidgen.benchmarks.overhead;

import dev.vidgen.benchmarks.Args;
import dev.vidgen.benchmarks.BenchRequests;
import dev.vidgen.benchmarks.CannedServer;
import dev.vidgen.benchmarks.Figures;
import dev.vidgen.benchmarks.RawExchange;
import dev.vidgen.client.VideoClient;
import dev.vidgen.domain.VideoRequest;
import dev.vidgen.domain.task.TaskId;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A diagnostic for the overhead figures: where the CPU of one submit plus one task query goes,
 * thread by thread (names with digits dropped), through {@link VideoClient} and by hand
 * ({@link RawExchange}) on one transport against the {@link CannedServer}. Client and raw run in
 * alternating blocks after a warm-up, so drift on a busy machine falls on both alike.
 *
 * <p>Options: {@code --transport jdk|apache} (default apache), {@code --ops N} per block
 * (default 2000), {@code --blocks N} measured (default 6) after {@code --warmup-blocks N} (default 5).
 */
public final class ThreadCpuBreakdown {

    private ThreadCpuBreakdown() {
    }

    /** Prints the table (standard error) and the totals as figures. */
    public static void main(String[] argv) {
        Args args = Args.parse(argv);
        String transport = args.text("transport", "apache");
        int ops = args.integer("ops", 2000);
        int blocks = args.integer("blocks", 6);
        int warmupBlocks = args.integer("warmup-blocks", 5);
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        try (CannedServer server = CannedServer.start();
             VideoClient client = VideoClient.builder().baseUrl(server.baseUrl()).apiKey(BenchRequests.API_KEY)
                     .transportName(transport).build();
             RawExchange raw = RawExchange.forTransport(transport, server.baseUrl(), BenchRequests.VEO_JSON)) {
            VideoRequest request = BenchRequests.veo();
            TaskId id = TaskId.of(CannedServer.TASK_ID);
            Runnable viaClient = () -> {
                client.submit(request);
                client.get(id);
            };
            Runnable byHand = () -> {
                raw.submit();
                raw.query(CannedServer.TASK_ID);
            };
            Map<String, Long> clientCpu = new TreeMap<>();
            Map<String, Long> rawCpu = new TreeMap<>();
            long[] wall = new long[2];
            for (int block = -warmupBlocks; block < blocks; block++) {
                boolean measured = block >= 0;
                wall[0] += measure(mx, viaClient, ops, measured ? clientCpu : new HashMap<>()) * (measured ? 1 : 0);
                wall[1] += measure(mx, byHand, ops, measured ? rawCpu : new HashMap<>()) * (measured ? 1 : 0);
            }
            double n = (double) ops * blocks;
            TreeSet<String> names = new TreeSet<>(clientCpu.keySet());
            names.addAll(rawCpu.keySet());
            Figures.note("CPU per submit + query on %s, µs (threads named with digits dropped; under 1 µs left out):", transport);
            Figures.note("  %-42s %10s %10s", "thread", "client", "raw");
            long clientTotal = 0;
            long rawTotal = 0;
            for (String name : names) {
                long c = clientCpu.getOrDefault(name, 0L);
                long r = rawCpu.getOrDefault(name, 0L);
                clientTotal += c;
                rawTotal += r;
                if (c / n >= 1000 || r / n >= 1000) {
                    Figures.note("  %-42s %10.1f %10.1f", name, c / n / 1000, r / n / 1000);
                }
            }
            Figures.note("  %-42s %10.1f %10.1f", "all threads", clientTotal / n / 1000, rawTotal / n / 1000);
            Figures.note("  %-42s %10.1f %10.1f", "wall time", wall[0] / n / 1000, wall[1] / n / 1000);
            Figures.print("breakdown_cpu_us_client_" + transport, clientTotal / n / 1000, 1);
            Figures.print("breakdown_cpu_us_raw_" + transport, rawTotal / n / 1000, 1);
            Figures.print("breakdown_wall_us_client_" + transport, wall[0] / n / 1000, 1);
            Figures.print("breakdown_wall_us_raw_" + transport, wall[1] / n / 1000, 1);
        }
    }

    /** Runs {@code op} {@code ops} times; adds each thread group's CPU to {@code cpu}; returns the wall time in ns. */
    private static long measure(ThreadMXBean mx, Runnable op, int ops, Map<String, Long> cpu) {
        Map<Long, Long> before = new HashMap<>();
        for (long t : mx.getAllThreadIds()) {
            before.put(t, mx.getThreadCpuTime(t));
        }
        long start = System.nanoTime();
        for (int i = 0; i < ops; i++) {
            op.run();
        }
        long wall = System.nanoTime() - start;
        for (ThreadInfo info : mx.getThreadInfo(mx.getAllThreadIds(), 0)) {
            if (info == null) {
                continue;
            }
            long now = mx.getThreadCpuTime(info.getThreadId());
            long delta = now - before.getOrDefault(info.getThreadId(), 0L);
            if (now >= 0 && delta > 0) {
                cpu.merge(info.getThreadName().replaceAll("\\d+", "N"), delta, Long::sum);
            }
        }
        return wall;
    }
}
