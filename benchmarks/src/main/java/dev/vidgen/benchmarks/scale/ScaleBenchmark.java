package dev.vidgen.benchmarks.scale;

import dev.vidgen.benchmarks.Args;
import dev.vidgen.benchmarks.BenchRequests;
import dev.vidgen.benchmarks.Figures;
import dev.vidgen.benchmarks.JavaProcesses;
import dev.vidgen.client.VideoClient;
import dev.vidgen.client.VideoClientBuilder;
import dev.vidgen.client.await.AwaitOptions;
import dev.vidgen.client.await.FixedPolling;
import dev.vidgen.domain.VideoRequest;
import dev.vidgen.domain.task.TaskId;
import dev.vidgen.domain.task.TaskState;
import dev.vidgen.domain.task.VideoTask;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * 10,000 concurrent waits on one {@link VideoClient} against the embedded fake API over real HTTP
 * on loopback. The fake runs in a child JVM ({@link ScaleFakeServer}) so that this JVM holds only
 * the client and the benchmark's bookkeeping: its thread count and heap are the client's.
 *
 * <p>Every task is submitted at once with {@code submitAndAwaitAsync} and the default wait options
 * (adaptive polling); tasks take 2 s to 30 s. Figures: the peak thread count above the count just
 * before the client was built (the JVM's own threads, and this benchmark's sampler thread, are in
 * the baseline), the largest heap left after a collection (what the waits hold: the figure
 * {@code scale_peak_heap_mib}) and the peak heap in use including garbage (sampled every 10 ms and
 * before every collection; it depends on how far the collector lets the heap grow), the wall time from the first submit to the last
 * completion, tasks lost (a wait that did not end with a completed task, or a completed task the
 * fake never created) and tasks submitted twice (tasks the fake created beyond the ids the client
 * got back). The run is bounded: after {@code --limit-seconds} unfinished waits are cancelled and
 * counted lost.
 *
 * <p>Options: {@code --tasks N} (10000), {@code --min-seconds S} (2) and {@code --max-seconds S}
 * (30), the tasks' run times, {@code --poll-seconds S} (0: the default adaptive polling; else
 * fixed polling every S seconds, which bounds the fake's load in the 100,000-task run), {@code --transport jdk|apache} (default: the builder's choice),
 * {@code --limit-seconds S} (240), {@code --figures P} (the figures' prefix, {@code scale}), and
 * {@code --histogram true}: a live-heap class histogram ({@link HeapHistogram}, a full GC each) just
 * after the client is built and again once every submit is answered; their difference over the
 * waits still in flight is {@code <prefix>_heap_per_wait_bytes}, an upper bound of what one wait
 * holds (the benchmark's own bookkeeping per task is in it).
 */
public final class ScaleBenchmark {

    private ScaleBenchmark() {
    }

    /** Runs the benchmark; figures on standard output. */
    public static void main(String[] argv) throws Exception {
        Args args = Args.parse(argv);
        int n = args.integer("tasks", 10_000);
        int minSeconds = args.integer("min-seconds", 2);
        int maxSeconds = args.integer("max-seconds", 30);
        String prefix = args.text("figures", "scale");
        boolean histogram = Boolean.parseBoolean(args.text("histogram", "false"));
        int pollSeconds = args.integer("poll-seconds", 0);
        String transport = args.text("transport", null);
        int limitSeconds = args.integer("limit-seconds", 240);

        Process fake = JavaProcesses.start(List.of(), ScaleFakeServer.class, "--tasks", String.valueOf(n),
                "--min-seconds", String.valueOf(minSeconds), "--max-seconds", String.valueOf(maxSeconds));
        try {
            BufferedReader fromFake = new BufferedReader(new InputStreamReader(fake.getInputStream(), StandardCharsets.UTF_8));
            PrintWriter toFake = new PrintWriter(fake.getOutputStream(), true, StandardCharsets.UTF_8);
            String[] ready = readReady(fromFake);
            run(n, transport, limitSeconds, ready[1], ready[2], fromFake, toFake, prefix, histogram, pollSeconds);
            toFake.println("quit");
            if (!fake.waitFor(30, TimeUnit.SECONDS)) {
                Figures.note("the fake API did not stop within 30 s; killing it");
            }
        } finally {
            fake.destroyForcibly();
        }
    }

    private static String[] readReady(BufferedReader fromFake) throws IOException {
        String line = fromFake.readLine();
        if (line == null || !line.startsWith("ready ")) {
            throw new IllegalStateException("the fake API did not start: " + line);
        }
        return line.split(" ");
    }

    private static void run(int n, String transport, int limitSeconds, String baseUrl, String key,
                            BufferedReader fromFake, PrintWriter toFake, String prefix, boolean histogram, int pollSeconds) throws Exception {
        HeapSampler sampler = HeapSampler.start();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        System.gc();
        Thread.sleep(200);
        int baseline = threads.getThreadCount();
        threads.resetPeakThreadCount();
        sampler.reset();

        Set<TaskId> submitted = ConcurrentHashMap.newKeySet();
        AtomicLong allSubmitted = new AtomicLong();
        AwaitOptions.Builder optionsBuilder = AwaitOptions.builder();
        if (pollSeconds > 0) {
            Duration every = Duration.ofSeconds(pollSeconds);
            optionsBuilder.polling(new FixedPolling(every)).maxInterval(every);
        }
        AwaitOptions options = optionsBuilder.timeout(Duration.ofSeconds(limitSeconds))
                .listener(event -> {
                    // the first event of a wait is the submit answer
                    if (submitted.add(event.task().id()) && submitted.size() == n) {
                        allSubmitted.set(System.nanoTime());
                    }
                }).build();
        VideoRequest request = BenchRequests.veo();
        long started = System.nanoTime();
        VideoClientBuilder builder = VideoClient.builder().baseUrl(baseUrl).apiKey(key);
        if (transport != null) {
            builder.transportName(transport);
        }
        List<CompletableFuture<VideoTask>> waits = new ArrayList<>(n);
        Map<String, Integer> failures = new TreeMap<>();
        int completed = 0;
        Set<TaskId> completedIds = new HashSet<>();
        long finished;
        try (VideoClient client = builder.build()) {
            HeapHistogram empty = histogram ? HeapHistogram.take() : null;
            for (int i = 0; i < n; i++) {
                waits.add(client.submitAndAwaitAsync(request, options));
            }
            CompletableFuture<Void> all = CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new));
            if (histogram) {
                perWait(prefix, empty, waits, all, allSubmitted, limitSeconds);
            }
            try {
                all.get(limitSeconds + 30L, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                Figures.note("not every wait ended within %d s; the rest are cancelled and counted lost", limitSeconds + 30);
            } catch (java.util.concurrent.ExecutionException e) {
                // some waits failed: counted below
            }
            finished = System.nanoTime();
            for (CompletableFuture<VideoTask> w : waits) {
                if (!w.isDone()) {
                    w.cancel(true);
                    failures.merge("unfinished", 1, Integer::sum);
                } else if (w.isCompletedExceptionally()) {
                    try {
                        w.join();
                    } catch (CompletionException | java.util.concurrent.CancellationException e) {
                        Throwable cause = e.getCause() == null ? e : e.getCause();
                        failures.merge(cause.getClass().getSimpleName(), 1, Integer::sum);
                    }
                } else {
                    VideoTask t = w.join();
                    if (t.status().state() == TaskState.COMPLETED && !t.results().isEmpty()) {
                        completed++;
                        completedIds.add(t.id());
                    } else {
                        failures.merge("ended " + t.status().raw(), 1, Integer::sum);
                    }
                }
            }
        }
        sampler.stop();
        int peakThreads = threads.getPeakThreadCount();

        toFake.println("ids");
        Set<TaskId> created = new HashSet<>();
        int createdLines = 0;
        String line;
        while ((line = fromFake.readLine()) != null && !line.equals("end")) {
            created.add(TaskId.of(line));
            createdLines++;
        }
        toFake.println("counts");
        String counts = fromFake.readLine();

        Set<TaskId> unknownToFake = new HashSet<>(completedIds);
        unknownToFake.removeAll(created);
        int lost = (n - completed) + unknownToFake.size();
        int duplicated = Math.max(0, createdLines - submitted.size());

        Figures.note("scale: %d waits, transport %s, fake %s", n, transport == null ? "(builder's choice)" : transport, counts);
        Figures.note("completed %d, failures %s, fake created %d tasks, client saw %d ids", completed, failures, createdLines, submitted.size());
        Figures.note("threads: baseline %d, peak %d; heap: peak used %.1f MiB, peak after GC %.1f MiB, %d collections",
                baseline, peakThreads, sampler.peakUsedMiB(), sampler.peakLiveMiB(), sampler.collections());
        Figures.note("threads at the peak, by name: %s", sampler.threadsAtPeak());
        Figures.print(prefix + "_extra_threads", peakThreads - baseline);
        // the heap the waits hold: what is left after a collection. Used heap including garbage
        // depends on the collector's sizing (G1 lets the young generation grow with the maximum heap).
        Figures.print(prefix + "_peak_heap_mib", sampler.peakLiveMiB(), 1);
        Figures.print(prefix + "_peak_used_heap_mib", sampler.peakUsedMiB(), 1);
        Figures.print(prefix + "_max_heap_mib", Runtime.getRuntime().maxMemory() / (1024.0 * 1024.0), 0);
        Figures.print(prefix + "_wall_s", (finished - started) / 1e9, 1);
        if (allSubmitted.get() != 0) {
            Figures.print(prefix + "_submit_phase_s", (allSubmitted.get() - started) / 1e9, 1);
        }
        Figures.print(prefix + "_lost_tasks", lost);
        Figures.print(prefix + "_duplicated_tasks", duplicated);
    }

    /** Waits (bounded) for every submit to be answered, then prints the heap per wait still in flight. */
    private static void perWait(String prefix, HeapHistogram empty, List<CompletableFuture<VideoTask>> waits,
                                CompletableFuture<Void> all, AtomicLong allSubmitted, int limitSeconds) throws Exception {
        long giveUp = System.nanoTime() + TimeUnit.SECONDS.toNanos(limitSeconds);
        while (allSubmitted.get() == 0 && !all.isDone() && System.nanoTime() < giveUp) {
            Thread.sleep(50);
        }
        HeapHistogram full = HeapHistogram.take();
        long waiting = waits.stream().filter(w -> !w.isDone()).count();
        if (waiting == 0) {
            Figures.note("histogram: no wait was in flight once every submit was answered");
            return;
        }
        Figures.note("histogram: %d waits in flight, live heap %.1f MiB against %.1f MiB before the first submit; per wait:",
                waiting, full.totalBytes() / 1048576.0, empty.totalBytes() / 1048576.0);
        full.growthPer(empty, waiting, 25).forEach(line -> Figures.note("  %s", line));
        Figures.print(prefix + "_waits_in_histogram", waiting);
        Figures.print(prefix + "_heap_per_wait_bytes", (double) (full.totalBytes() - empty.totalBytes()) / waiting, 0);
    }

    /** Samples the heap on one daemon thread (started before the baseline thread count is taken). */
    static final class HeapSampler implements Runnable {
        private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).toList();
        private final List<com.sun.management.GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans()
                .stream().filter(b -> b instanceof com.sun.management.GarbageCollectorMXBean)
                .map(b -> (com.sun.management.GarbageCollectorMXBean) b).toList();
        private final Set<String> heapPoolNames = new HashSet<>();
        private final Map<String, Long> lastGcIds = new ConcurrentHashMap<>();
        private final Thread thread = new Thread(this, "scale-heap-sampler");
        private volatile boolean running = true;
        private volatile long peakUsed;
        private volatile long peakLive;
        private volatile long collections;
        private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        private int peakThreads;
        private Map<String, Integer> threadsAtPeak = Map.of();

        static HeapSampler start() {
            HeapSampler s = new HeapSampler();
            s.heapPools.forEach(p -> s.heapPoolNames.add(p.getName()));
            s.thread.setDaemon(true);
            s.thread.start();
            return s;
        }

        synchronized void reset() {
            peakThreads = 0;
            peakUsed = 0;
            peakLive = 0;
            collections = 0;
            collectors.forEach(c -> lastGcIds.put(c.getName(), c.getLastGcInfo() == null ? -1 : c.getLastGcInfo().getId()));
        }

        @Override
        public void run() {
            while (running) {
                sample();
                try {
                    Thread.sleep(10);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        /** The live threads when their number was highest, grouped by name with digits dropped. */
        synchronized Map<String, Integer> threadsAtPeak() {
            return threadsAtPeak;
        }

        private synchronized void sample() {
            int count = threads.getThreadCount();
            if (count > peakThreads) {
                peakThreads = count;
                Map<String, Integer> byName = new TreeMap<>();
                for (var info : threads.getThreadInfo(threads.getAllThreadIds(), 0)) {
                    if (info != null) {
                        byName.merge(info.getThreadName().replaceAll("\\d+", "N"), 1, Integer::sum);
                    }
                }
                threadsAtPeak = byName;
            }
            long used = 0;
            for (MemoryPoolMXBean p : heapPools) {
                used += p.getUsage().getUsed();
            }
            peakUsed = Math.max(peakUsed, used);
            for (com.sun.management.GarbageCollectorMXBean c : collectors) {
                com.sun.management.GcInfo info = c.getLastGcInfo();
                if (info == null || lastGcIds.getOrDefault(c.getName(), -1L) == info.getId()) {
                    continue;
                }
                lastGcIds.put(c.getName(), info.getId());
                collections++;
                long before = 0;
                long after = 0;
                for (String pool : heapPoolNames) {
                    var b = info.getMemoryUsageBeforeGc().get(pool);
                    var a = info.getMemoryUsageAfterGc().get(pool);
                    before += b == null ? 0 : b.getUsed();
                    after += a == null ? 0 : a.getUsed();
                }
                peakUsed = Math.max(peakUsed, before); // the heap was this full when the collection began
                peakLive = Math.max(peakLive, after);
            }
        }

        void stop() throws InterruptedException {
            sample();
            running = false;
            thread.join(1000);
        }

        double peakUsedMiB() {
            return peakUsed / (1024.0 * 1024.0);
        }

        double peakLiveMiB() {
            return peakLive / (1024.0 * 1024.0);
        }

        long collections() {
            return collections;
        }
    }
}
