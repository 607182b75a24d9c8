package dev.vidgen.benchmarks.polling;

import dev.vidgen.benchmarks.Args;
import dev.vidgen.benchmarks.Figures;
import dev.vidgen.client.await.AdaptivePolling;
import dev.vidgen.client.await.AwaitOptions;
import dev.vidgen.client.await.PollingCadence;
import dev.vidgen.client.await.TaskAwaiter;
import dev.vidgen.domain.task.TaskId;
import dev.vidgen.domain.task.TaskState;
import dev.vidgen.fake.time.VirtualTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
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
 * half of the ETA slept, the earlier default). Every wait has a 6-hour deadline so that no strategy times out.
 *
 * <p>Options: {@code --tasks N} (default 10000), {@code --seed S} (default 20250906),
 * {@code --progress uneven|linear|none} (default uneven, the model of issue 7; the other two are
 * for sensitivity: the same tasks with smooth progress, or with none at all), {@code --estimate
 * uniform|accurate|half|double|x2} (default uniform: the server's {@code estimated_time} is the
 * true duration times a factor uniform in [0.5, 1.5]; accurate: exactly the duration; half and
 * double: off by x2 one way for every task; x2: off by x2, either way at random), and
 * {@code --curve true}: instead of the strategies above, the whole curve of polls against lag:
 * fixed intervals from 1 s to 20 s and adaptive polling over a grid of its settings (share of
 * the ETA slept, longest interval), figures {@code curve_<name>_polls} and {@code curve_<name>_lag_s}.
 */
public final class PollingSimulation {

    /** The duration distribution of issue 7. */
    public static final LogNormal DURATIONS = LogNormal.ofMedianAndP5(90, 20);

    private static final Duration CREATION_SPREAD = Duration.ofMinutes(10);
    private static final Duration DEADLINE = Duration.ofHours(6);

    private PollingSimulation() {
    }

    /**
     * What one strategy did for the whole population.
     *
     * @param name            the strategy's name in the figures
     * @param pollsPerTask    task queries per task, the mean
     * @param meanLagSeconds  completion to detection, the mean
     * @param p95LagSeconds   completion to detection, the 95th percentile
     * @param maxLagSeconds   completion to detection, the largest
     * @param incomplete      waits that did not end with the completed task (0 expected)
     * @param lateShare       share of tasks whose last sleep before completion was chosen while the wait expected
     *                        the end later than it came (a late prediction)
     * @param lateMeanLag     the mean lag of those tasks
     * @param lateMeanSleep   the mean length of that last sleep
     * @param otherMeanLag    the mean lag of the other tasks
     */
    public record Outcome(String name, double pollsPerTask, double meanLagSeconds, double p95LagSeconds,
                          double maxLagSeconds, int incomplete, double lateShare, double lateMeanLag, double lateMeanSleep,
                          double otherMeanLag) {
    }

    /** Runs the simulation; figures on standard output. */
    public static void main(String[] argv) {
        Args args = Args.parse(argv);
        int n = args.integer("tasks", 10_000);
        long seed = args.longValue("seed", 20250906L);
        String progress = args.text("progress", "uneven");
        List<SimulatedTask> tasks = switch (progress) {
            case "uneven" -> population(n, seed);
            case "linear" -> population(n, seed).stream().map(SimulatedTask::withLinearProgress).toList();
            case "none" -> population(n, seed).stream().map(SimulatedTask::withoutProgress).toList();
            default -> throw new IllegalArgumentException("--progress must be uneven, linear or none, got '" + progress + "'");
        };
        String estimate = args.text("estimate", "uniform");
        tasks = withEstimates(tasks, estimate, seed);
        boolean curve = Boolean.parseBoolean(args.text("curve", "false"));
        double meanDuration = tasks.stream().mapToDouble(t -> t.duration().toNanos() / 1e9).average().orElse(0);
        Figures.note("polling simulation: %d tasks, seed %d, %s progress, %s estimates, mean duration %.1f s", n, seed, progress,
                estimate, meanDuration);
        if (curve) {
            curve(tasks, seed);
            return;
        }

        Map<String, AwaitOptions> strategies = new LinkedHashMap<>();
        strategies.put("adaptive", AwaitOptions.defaults());
        strategies.put("fixed0_5s", AwaitOptions.builder().polling(PollingCadence.fixed(Duration.ofMillis(500))).build());
        strategies.put("fixed6s", AwaitOptions.builder().polling(PollingCadence.fixed(Duration.ofSeconds(6))).build());
        strategies.put("fixed10s", AwaitOptions.builder().polling(PollingCadence.fixed(Duration.ofSeconds(10))).build());
        // what-ifs with public settings only: a shorter longest interval; half the ETA slept
        strategies.put("adaptive_max15s", AwaitOptions.builder().maxInterval(Duration.ofSeconds(15)).build());
        strategies.put("adaptive_eta0_5", AwaitOptions.builder().polling(new AdaptivePolling(0.5, 0.2, 0.1)).build());
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
            if (o.name().startsWith("adaptive")) {
                Figures.note("%-16s %4.1f%% of tasks completed while the wait expected them later: their mean lag %.2f s "
                        + "(last sleep %.2f s on average); the other tasks' mean lag %.2f s", o.name(), 100 * o.lateShare(),
                        o.lateMeanLag(), o.lateMeanSleep(), o.otherMeanLag());
            }
        }
        for (Outcome o : outcomes) {
            Figures.print("polls_per_task_" + o.name(), o.pollsPerTask(), 2);
            Figures.print("mean_lag_s_" + o.name(), o.meanLagSeconds(), 2);
            Figures.print("p95_lag_s_" + o.name(), o.p95LagSeconds(), 2);
            Figures.print("incomplete_tasks_" + o.name(), o.incomplete());
        }
    }

    /** The tasks with the server's estimates of {@code model} (see the class comment); "uniform" keeps them. */
    static List<SimulatedTask> withEstimates(List<SimulatedTask> tasks, String model, long seed) {
        Random random = new Random(seed ^ 0x2545F4914F6CDD1DL);
        java.util.function.DoubleSupplier factor = switch (model) {
            case "uniform" -> null;
            case "accurate" -> () -> 1.0;
            case "half" -> () -> 0.5;
            case "double" -> () -> 2.0;
            case "x2" -> () -> random.nextBoolean() ? 0.5 : 2.0;
            default -> throw new IllegalArgumentException("--estimate must be uniform, accurate, half, double or x2, got '" + model + "'");
        };
        if (factor == null) {
            return tasks;
        }
        return tasks.stream().map(t -> t.withEstimate(Duration.ofSeconds(
                Math.max(1, Math.round(t.duration().toNanos() / 1e9 * factor.getAsDouble()))))).toList();
    }

    /** Polls against mean lag: fixed intervals, and adaptive polling over a grid of its two main settings. */
    private static void curve(List<SimulatedTask> tasks, long seed) {
        Map<String, AwaitOptions> points = new LinkedHashMap<>();
        for (int s : new int[] {1, 2, 3, 4, 6, 8, 10, 15, 20}) {
            points.put("fixed" + s + "s", AwaitOptions.builder().polling(PollingCadence.fixed(Duration.ofSeconds(s))).build());
        }
        points.put("adaptive_default", AwaitOptions.defaults());
        for (double eta : new double[] {0.3, 0.6, 0.9}) {
            for (int max : new int[] {3, 5, 8, 15, 30}) {
                points.put(String.format(java.util.Locale.ROOT, "adaptive_eta%.2f_max%ds", eta, max), AwaitOptions.builder()
                        .polling(new AdaptivePolling(eta, 0.2, 0.1)).maxInterval(Duration.ofSeconds(max)).build());
            }
        }
        for (Map.Entry<String, AwaitOptions> p : points.entrySet()) {
            Outcome o = run(p.getKey(), p.getValue(), tasks, seed);
            Figures.note("%-26s polls/task %7.2f  mean lag %6.2f s  p95 lag %6.2f s", o.name(), o.pollsPerTask(), o.meanLagSeconds(),
                    o.p95LagSeconds());
            Figures.print("curve_" + o.name() + "_polls", o.pollsPerTask(), 2);
            Figures.print("curve_" + o.name() + "_lag_s", o.meanLagSeconds(), 2);
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
    public static Outcome run(String name, PollingCadence strategy, List<SimulatedTask> tasks, long seed) {
        return run(name, AwaitOptions.builder().polling(strategy).build(), tasks, seed);
    }

    /** Waits for every task with {@code waitOptions} (deadline aside) in a fresh virtual time. */
    public static Outcome run(String name, AwaitOptions waitOptions, List<SimulatedTask> tasks, long seed) {
        VirtualTime time = new VirtualTime();
        SimulatedPort port = new SimulatedPort(time);
        Random jitter = new Random(seed ^ 0x5DEECE66DL);
        TaskAwaiter awaiter = new TaskAwaiter(port, time, e -> Optional.empty(), jitter::nextDouble);
        double[] lags = new double[tasks.size()];
        Arrays.fill(lags, Double.NaN);
        TaskId[] ids = new TaskId[tasks.size()];
        Map<TaskId, Integer> indexes = new HashMap<>();
        // records, without changing it, the strategy's last decision before each task completed
        double[] lastSleep = new double[tasks.size()];
        boolean[] lastExpectedLater = new boolean[tasks.size()];
        PollingCadence strategy = waitOptions.polling();
        PollingCadence recorded = (history, min, max, random) -> {
            Duration delay = strategy.nextDelay(history, min, max, random);
            Integer index = history.latest() == null ? null : indexes.get(history.latest().id());
            if (index != null && !tasks.get(index).completedAt(history.now())) {
                Instant expected = history.expectedEnd();
                lastSleep[index] = delay.toNanos() / 1e9;
                lastExpectedLater[index] = expected != null && expected.isAfter(tasks.get(index).completesAt());
            }
            return delay;
        };
        AwaitOptions options = waitOptions.toBuilder().timeout(DEADLINE).polling(recorded).build();
        for (int i = 0; i < tasks.size(); i++) {
            int index = i;
            SimulatedTask task = tasks.get(i);
            ids[i] = TaskId.of(String.format("task-unified-%d-%08d", task.createdAt().getEpochSecond(), i));
            indexes.put(ids[i], i);
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
        int late = 0;
        double lateLag = 0;
        double lateSleep = 0;
        double otherLag = 0;
        List<Double> seen = new ArrayList<>(tasks.size());
        for (int i = 0; i < tasks.size(); i++) {
            polls += port.queries(ids[i]);
            if (Double.isNaN(lags[i])) {
                incomplete++;
                continue;
            }
            seen.add(lags[i]);
            if (lastExpectedLater[i]) {
                late++;
                lateLag += lags[i];
                lateSleep += lastSleep[i];
            } else {
                otherLag += lags[i];
            }
        }
        double[] sorted = seen.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double mean = Arrays.stream(sorted).average().orElse(Double.NaN);
        int others = sorted.length - late;
        return new Outcome(name, (double) polls / tasks.size(), mean, percentile(sorted, 0.95),
                sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1], incomplete,
                sorted.length == 0 ? Double.NaN : (double) late / sorted.length, late == 0 ? Double.NaN : lateLag / late,
                late == 0 ? Double.NaN : lateSleep / late, others == 0 ? Double.NaN : otherLag / others);
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
