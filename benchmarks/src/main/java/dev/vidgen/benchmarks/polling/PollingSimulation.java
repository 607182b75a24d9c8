package dev.vidgen.benchmarks.polling;

import dev.vidgen.benchmarks.Args;
import dev.vidgen.benchmarks.Figures;
import dev.vidgen.client.await.AdaptivePolling;
import dev.vidgen.client.await.AwaitOptions;
import dev.vidgen.client.await.PollingStrategy;
import dev.vidgen.client.await.TaskAwaiter;
import dev.vidgen.domain.task.TaskId;
import dev.vidgen.domain.task.TaskState;
import dev.vidgen.testkit.time.VirtualTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Polling efficiency in virtual time: the real {@link TaskAwaiter} with the real strategies,
 * waiting for the same population of simulated tasks over a {@link SimulatedPort} on a
 * {@link VirtualTime}. Task durations are log-normal (median 90 s, 20 s at the 5th percentile, so
 * about 405 s at the 95th); creations are spread over ten minutes; estimates and progress follow
 * {@link SimulatedTask}. For each strategy: polls per task, and the detection lag (from completion
 * to the wait returning the completed task), mean and 95th percentile.
 *
 * <p>Strategies: vidgen's default ({@code AwaitOptions.defaults()}: adaptive, 1 s to 30 s), and
 * fixed 0.5 s, 6 s and 10 s; and two what-ifs with public settings only (a 15 s longest interval;
 * 30% of the ETA slept instead of 50%). Every wait has a 6-hour deadline so that no strategy times out.
 *
 * <p>Options: {@code --tasks N} (default 10000), {@code --seed S} (default 20250906).
 */
public final class PollingSimulation {

    /** The duration distribution of issue 7. */
    public static final LogNormal DURATIONS = LogNormal.ofMedianAndP5(90, 20);

    private static final Duration CREATION_SPREAD = Duration.ofMinutes(10);
    private static final Duration DEADLINE = Duration.ofHours(6);

    private PollingSimulation() {
    }

    /** What one strategy did for the whole population. */
    public record Outcome(String name, double pollsPerTask, double meanLagSeconds, double p95LagSeconds,
                          double maxLagSeconds, int incomplete) {
    }

    /** Runs the simulation; figures on standard output. */
    public static void main(String[] argv) {
        Args args = Args.parse(argv);
        int n = args.integer("tasks", 10_000);
        long seed = args.longValue("seed", 20250906L);
        List<SimulatedTask> tasks = population(n, seed);
        double meanDuration = tasks.stream().mapToDouble(t -> t.duration().toNanos() / 1e9).average().orElse(0);
        Figures.note("polling simulation: %d tasks, seed %d, mean duration %.1f s", n, seed, meanDuration);

        Map<String, AwaitOptions> strategies = new LinkedHashMap<>();
        strategies.put("adaptive", AwaitOptions.defaults());
        strategies.put("fixed0_5s", AwaitOptions.builder().polling(PollingStrategy.fixed(Duration.ofMillis(500))).build());
        strategies.put("fixed6s", AwaitOptions.builder().polling(PollingStrategy.fixed(Duration.ofSeconds(6))).build());
        strategies.put("fixed10s", AwaitOptions.builder().polling(PollingStrategy.fixed(Duration.ofSeconds(10))).build());
        // what-ifs with public settings only: a shorter longest interval, a smaller share of the ETA slept
        strategies.put("adaptive_max15s", AwaitOptions.builder().maxInterval(Duration.ofSeconds(15)).build());
        strategies.put("adaptive_eta0_3", AwaitOptions.builder().polling(new AdaptivePolling(0.3, 0.2, 0.1)).build());
        List<Outcome> outcomes = new ArrayList<>();
        for (Map.Entry<String, AwaitOptions> s : strategies.entrySet()) {
            long started = System.nanoTime();
            Outcome o = run(s.getKey(), s.getValue(), tasks, seed);
            outcomes.add(o);
            Figures.note("%-10s polls/task %7.2f  mean lag %6.2f s  p95 lag %6.2f s  max lag %6.2f s  (%d incomplete, %.1f s real)",
                    o.name(), o.pollsPerTask(), o.meanLagSeconds(), o.p95LagSeconds(), o.maxLagSeconds(), o.incomplete(),
                    (System.nanoTime() - started) / 1e9);
        }
        for (Outcome o : outcomes) {
            Figures.print("polls_per_task_" + o.name(), o.pollsPerTask(), 2);
            Figures.print("mean_lag_s_" + o.name(), o.meanLagSeconds(), 2);
            Figures.print("p95_lag_s_" + o.name(), o.p95LagSeconds(), 2);
            Figures.print("incomplete_tasks_" + o.name(), o.incomplete());
        }
    }

    /** The task population: {@code n} tasks drawn with {@code seed}, created over ten minutes from {@link VirtualTime#DEFAULT_START}. */
    public static List<SimulatedTask> population(int n, long seed) {
        Random random = new Random(seed);
        List<SimulatedTask> tasks = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Instant created = VirtualTime.DEFAULT_START.plusNanos((long) (random.nextDouble() * CREATION_SPREAD.toNanos()));
            Duration duration = Duration.ofNanos((long) (DURATIONS.sample(random) * 1e9));
            tasks.add(SimulatedTask.draw(created, duration, random));
        }
        return tasks;
    }

    /** Waits for every task with {@code strategy} (and the default wait options otherwise) in a fresh virtual time. */
    public static Outcome run(String name, PollingStrategy strategy, List<SimulatedTask> tasks, long seed) {
        return run(name, AwaitOptions.builder().polling(strategy).build(), tasks, seed);
    }

    /** Waits for every task with {@code waitOptions} (deadline aside) in a fresh virtual time. */
    public static Outcome run(String name, AwaitOptions waitOptions, List<SimulatedTask> tasks, long seed) {
        VirtualTime time = new VirtualTime();
        SimulatedPort port = new SimulatedPort(time);
        Random jitter = new Random(seed ^ 0x5DEECE66DL);
        TaskAwaiter awaiter = new TaskAwaiter(port, time, e -> Optional.empty(), jitter::nextDouble);
        AwaitOptions options = waitOptions.toBuilder().timeout(DEADLINE).build();
        double[] lags = new double[tasks.size()];
        Arrays.fill(lags, Double.NaN);
        TaskId[] ids = new TaskId[tasks.size()];
        for (int i = 0; i < tasks.size(); i++) {
            int index = i;
            SimulatedTask task = tasks.get(i);
            ids[i] = TaskId.of(String.format("task-unified-%d-%08d", task.createdAt().getEpochSecond(), i));
            time.schedule(Duration.between(time.now(), task.createdAt()), () ->
                    awaiter.await(port.submitAnswer(ids[index], task), options).whenComplete((done, error) -> {
                        if (error == null && done.status().state() == TaskState.COMPLETED) {
                            lags[index] = Duration.between(task.completesAt(), time.now()).toNanos() / 1e9;
                        }
                    }));
        }
        time.runUntilIdle(DEADLINE.plus(CREATION_SPREAD).plusHours(1));

        long polls = 0;
        int incomplete = 0;
        List<Double> seen = new ArrayList<>(tasks.size());
        for (int i = 0; i < tasks.size(); i++) {
            polls += port.queries(ids[i]);
            if (Double.isNaN(lags[i])) {
                incomplete++;
            } else {
                seen.add(lags[i]);
            }
        }
        double[] sorted = seen.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double mean = Arrays.stream(sorted).average().orElse(Double.NaN);
        return new Outcome(name, (double) polls / tasks.size(), mean, percentile(sorted, 0.95),
                sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1], incomplete);
    }

    /** The nearest-rank percentile of sorted values. */
    static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
