package dev.vidgen.reliability;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vidgen.client.VideoClient;
import dev.vidgen.client.await.AwaitOptions;
import dev.vidgen.client.error.AwaitTimeoutException;
import dev.vidgen.client.error.TaskFailedException;
import dev.vidgen.client.error.VidgenException;
import dev.vidgen.client.retry.RetryPolicy;
import dev.vidgen.domain.VideoRequest;
import dev.vidgen.domain.task.TaskId;
import dev.vidgen.domain.task.TaskState;
import dev.vidgen.domain.task.VideoTask;
import dev.vidgen.domain.veo.VeoModel;
import dev.vidgen.domain.veo.VeoReferenceRequest;
import dev.vidgen.reliability.support.TcpConnections;
import dev.vidgen.reliability.support.Threads;
import dev.vidgen.fake.Lifecycle;
import dev.vidgen.fake.server.FakeVideoApi;
import dev.vidgen.fake.server.Fault;
import dev.vidgen.fake.server.RandomFaults;
import dev.vidgen.fake.server.RecordedRequest;
import dev.vidgen.fake.server.Route;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * The fault soak: {@value #TASKS} tasks per transport against the embedded fake API, with about
 * 18% of submits and of task queries going wrong at random (429 with {@code Retry-After}, 500,
 * 502, 503, answers delayed past the attempt timeout, TCP resets, cut-off JSON; some 500s and
 * resets hit after the fake created the task). Every submit carries a unique prompt, so each task
 * the fake created can be traced back to the submit that made it.
 *
 * <p>Asserted, per transport: every submit and every await ends within its deadline, in a result
 * or a typed {@link VidgenException}; a submit the client reported as successful created exactly
 * one task, with the id the client returned; a submit that failed with
 * {@code taskMayHaveBeenCreated() == false} created none, one that failed with {@code true} at
 * most one; no prompt ever created two tasks; after {@code close()} no connection to the fake is
 * left open at either end and no thread the client started is alive. The figures go to standard
 * output and to {@code target/soak-report.txt}.
 */
class FaultSoakTest {

    static final int TASKS = 1_000;
    static final int CONCURRENCY = 48;
    static final Duration TASK_DURATION = Duration.ofMillis(400);
    static final Duration ATTEMPT_TIMEOUT = Duration.ofMillis(500);
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(3);
    static final Duration FAULT_DELAY = Duration.ofMillis(800);
    static final Duration AWAIT_TIMEOUT = Duration.ofSeconds(10);
    /**
     * How long close() may take to end every connection and thread. The waits end as soon as all
     * are gone; the bound is wide because JDK 17's client ends its selector thread and idle
     * connections only after a garbage collection and its selector's next wake-up, which on a
     * starved machine (load 25-40 on 2 cores, seen here) took more than 10 s.
     */
    static final Duration CLOSE_BOUND = Duration.ofSeconds(60);
    static final Duration STUCK_AWAIT_TIMEOUT = Duration.ofSeconds(2);
    static final Duration MIN_INTERVAL = Duration.ofMillis(100);
    static final Duration MAX_INTERVAL = Duration.ofMillis(250);
    /** Scheduling slack on a loaded 2-core machine, on top of each documented bound. */
    static final Duration GRACE = Duration.ofMillis(1_500);
    static final RetryPolicy RETRY = RetryPolicy.builder().maxAttempts(4).initialBackoff(Duration.ofMillis(50)).maxBackoff(Duration.ofMillis(400)).multiplier(2.0).jitter(0.2).build();
    static final String KEY = "sk-soak-3b7e19c4d2a8f650";
    static final long SEED = 20_250_917L;

    private static final Map<String, String> REPORT = new LinkedHashMap<>();

    /** What a task of the soak is scripted to do. */
    enum Kind {
        /** Completes after {@link #TASK_DURATION}. */
        NORMAL,
        /** Fails with {@code generation_failed}. */
        FAILS,
        /** Never ends: its short await must time out. */
        STUCK
    }

    @Test
    void soakOnTheJdkTransport() throws Exception {
        soak("jdk");
    }

    @Test
    void soakOnTheApacheTransport() throws Exception {
        soak("apache");
    }

    @AfterAll
    static void writeReport() throws IOException {
        StringBuilder text = new StringBuilder("vidgen fault soak, " + java.time.Instant.now() + "\n");
        REPORT.values().forEach(text::append);
        Path target = Path.of("target", "soak-report.txt");
        Files.createDirectories(target.getParent());
        Files.writeString(target, text, StandardCharsets.UTF_8);
    }

    static RandomFaults faults() {
        return RandomFaults.seeded(SEED)
                .rate(Route.SUBMIT, Fault.rateLimited(Duration.ofSeconds(1)), 0.03)
                .rate(Route.SUBMIT, Fault.status(500), 0.02)
                .rate(Route.SUBMIT, Fault.status(500).afterProcessing(), 0.015)
                .rate(Route.SUBMIT, Fault.status(502), 0.02)
                .rate(Route.SUBMIT, Fault.status(503), 0.025)
                .rate(Route.SUBMIT, Fault.delay(FAULT_DELAY), 0.02)
                .rate(Route.SUBMIT, Fault.reset(), 0.015)
                .rate(Route.SUBMIT, Fault.reset().afterProcessing(), 0.01)
                .rate(Route.SUBMIT, Fault.malformedJson(), 0.025)
                .rate(Route.QUERY, Fault.rateLimited(Duration.ofSeconds(1)), 0.025)
                .rate(Route.QUERY, Fault.status(500), 0.03)
                .rate(Route.QUERY, Fault.status(502), 0.025)
                .rate(Route.QUERY, Fault.status(503), 0.03)
                .rate(Route.QUERY, Fault.delay(FAULT_DELAY), 0.025)
                .rate(Route.QUERY, Fault.reset(), 0.025)
                .rate(Route.QUERY, Fault.malformedJson(), 0.02);
    }

    private void soak(String transport) throws Exception {
        List<Task> tasks = new ArrayList<>();
        for (int i = 0; i < TASKS; i++) {
            tasks.add(new Task(i, i % 20 == 7 ? Kind.FAILS : i % 25 == 11 ? Kind.STUCK : Kind.NORMAL));
        }
        List<String> problems = new ArrayList<>();
        StringBuilder figures = new StringBuilder();

        try (FakeVideoApi api = FakeVideoApi.builder().apiKeys(KEY).seed(SEED).threads(4).taskDuration(TASK_DURATION).start()) {
            Set<String> threadsBefore = Threads.snapshot();
            Predicate<String> notTheClients = name -> name.startsWith("vidgen-fake-api-") || name.equals("soak-connection-sampler") || name.startsWith("HTTP-Dispatcher")
                    || name.startsWith("ForkJoinPool.commonPool-") || name.equals("Attach Listener");
            VideoClient client = VideoClient.builder()
                    .baseUrl(api.baseUrl())
                    .apiKey(KEY)
                    .transportName(transport)
                    .retryPolicy(RETRY)
                    .attemptTimeout(ATTEMPT_TIMEOUT)
                    .callTimeout(CALL_TIMEOUT)
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();
            int openWhileRunning;
            Set<String> clientThreads;
            long elapsedMillis;
            try {
                warmUp(client, api);
                api.lifecycleWhen(r -> r.prompt().endsWith("#" + Kind.FAILS),
                        Lifecycle.builder().pending().processing(50).failedAfter("generation_failed", TASK_DURATION));
                api.lifecycleWhen(r -> r.prompt().endsWith("#" + Kind.STUCK), Lifecycle.builder().pending().processing(40).runsForever());
                api.faults().random(faults());
                long started = System.nanoTime();
                // the most connections seen during the run: at its end every pooled connection may already
                // have been closed (a timed-out exchange closes its connection), so one look then can see none
                AtomicInteger mostOpen = new AtomicInteger();
                AtomicBoolean running = new AtomicBoolean(true);
                Thread sampler = new Thread(() -> {
                    while (running.get() && TcpConnections.available()) {
                        mostOpen.accumulateAndGet(TcpConnections.open(api.port()), Math::max);
                        try {
                            Thread.sleep(50);
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                }, "soak-connection-sampler");
                sampler.setDaemon(true);
                sampler.start();
                try {
                    run(client, tasks, problems);
                } finally {
                    running.set(false);
                    sampler.join(5_000);
                }
                elapsedMillis = (System.nanoTime() - started) / 1_000_000;
                openWhileRunning = Math.max(mostOpen.get(), TcpConnections.open(api.port()));
                clientThreads = Threads.leftOver(threadsBefore, notTheClients, Duration.ZERO);
            } finally {
                client.close();
            }

            // ---- no connection and no thread left behind ----
            String connections;
            if (TcpConnections.available()) {
                assertThat(openWhileRunning).as("open connections seen while running (else this check proves nothing)").isPositive();
                int left = waitForNoConnections(api.port(), CLOSE_BOUND);
                connections = openWhileRunning + " open at most while running, " + left + " left after " + TcpConnections.byState(api.port());
                if (left != 0) {
                    problems.add("connections to the fake still open " + CLOSE_BOUND.toSeconds() + " s after close(): " + TcpConnections.byState(api.port()));
                }
            } else {
                connections = "not measured (no /proc/net/tcp on this system)";
            }
            assertThat(clientThreads).as("threads the client started (else this check proves nothing)").isNotEmpty();
            Set<String> threadsLeft = Threads.leftOver(threadsBefore, notTheClients, CLOSE_BOUND);
            if (!threadsLeft.isEmpty()) {
                problems.add("threads still alive " + CLOSE_BOUND.toSeconds() + " s after close(): " + threadsLeft);
            }

            check(api, tasks, problems, figures);
            figures.insert(0, "\n== transport " + transport + ": " + TASKS + " tasks, " + CONCURRENCY + " at a time, "
                    + elapsedMillis + " ms ==\n");
            figures.append("connections: ").append(connections).append('\n');
            figures.append("client threads: ").append(clientThreads.size()).append(" while running, ")
                    .append(threadsLeft.size()).append(" left after close()\n");
            figures.append("problems: ").append(problems.size()).append('\n');
        }
        REPORT.put(transport, figures.toString());
        System.out.print(figures);
        assertThat(problems).as("soak on the %s transport", transport).isEmpty();
    }

    /**
     * Without faults, a few tasks first: a cold JVM (class loading, JIT, the first connections)
     * answers the first burst of submits slower than the soak's 500 ms attempt timeout, which
     * would count start-up as faults. Then the fake forgets them.
     */
    private static void warmUp(VideoClient client, FakeVideoApi api) throws InterruptedException {
        List<Task> warm = new ArrayList<>();
        for (int i = 0; i < 2 * CONCURRENCY; i++) {
            warm.add(new Task(-1 - i, Kind.NORMAL));
        }
        List<String> ignored = new ArrayList<>();
        run(client, warm, ignored);
        api.reset();
    }

    private static void run(VideoClient client, List<Task> tasks, List<String> problems) throws InterruptedException {
        Semaphore permits = new Semaphore(CONCURRENCY);
        for (Task t : tasks) {
            if (!permits.tryAcquire(60, TimeUnit.SECONDS)) {
                problems.add("no task finished for 60 s: the soak is stuck");
                break;
            }
            t.submitStart = System.nanoTime();
            client.submitAsync(t.request()).whenComplete((task, error) -> {
                t.submitEnd = System.nanoTime();
                if (error != null) {
                    t.submitError = unwrap(error);
                    t.finish(permits);
                    return;
                }
                t.submitted = task;
                t.awaitStart = System.nanoTime();
                CompletableFuture<VideoTask> waiting;
                try {
                    waiting = client.awaitAsync(task.id(), t.awaitOptions());
                } catch (RuntimeException e) {
                    t.awaitError = e;
                    t.finish(permits);
                    return;
                }
                waiting.whenComplete((done, failure) -> {
                    t.awaitEnd = System.nanoTime();
                    if (failure != null) {
                        t.awaitError = unwrap(failure);
                    } else {
                        t.done = done;
                    }
                    t.finish(permits);
                });
            });
        }
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        for (Task t : tasks) {
            if (!t.finished.await(Math.max(0, end - System.nanoTime()), TimeUnit.NANOSECONDS)) {
                problems.add("task " + t.index + " never ended (submitted: " + t.submitted + ")");
            }
        }
    }

    private static void check(FakeVideoApi api, List<Task> tasks, List<String> problems, StringBuilder figures) {
        List<TaskId> created = api.createdTaskIds();
        List<VideoRequest> createdRequests = api.submittedRequests();
        Map<String, List<TaskId>> createdByPrompt = new HashMap<>();
        for (int i = 0; i < created.size(); i++) {
            createdByPrompt.computeIfAbsent(createdRequests.get(i).prompt(), p -> new ArrayList<>()).add(created.get(i));
        }

        Map<String, Integer> submitOutcomes = new TreeMap<>();
        Map<String, Integer> awaitOutcomes = new TreeMap<>();
        Set<TaskId> returnedIds = new HashSet<>();
        int lost = 0;
        int duplicated = 0;
        int orphans = 0;
        long maxSubmitMillis = 0;
        long maxAwaitOverrunMillis = Long.MIN_VALUE;

        for (Task t : tasks) {
            if (t.finished.getCount() > 0) {
                lost++;
                continue; // already reported as never ended
            }
            List<TaskId> mine = createdByPrompt.getOrDefault(t.prompt(), List.of());
            if (mine.size() > 1) {
                duplicated += mine.size() - 1;
                problems.add("task " + t.index + ": one submit created " + mine.size() + " tasks " + mine);
            }
            long submitMillis = (t.submitEnd - t.submitStart) / 1_000_000;
            maxSubmitMillis = Math.max(maxSubmitMillis, submitMillis);
            if (submitMillis > CALL_TIMEOUT.plus(GRACE).toMillis()) {
                problems.add("task " + t.index + ": submit took " + submitMillis + " ms, past the call timeout " + CALL_TIMEOUT);
            }
            if (t.submitError != null) {
                boolean typed = t.submitError instanceof VidgenException;
                boolean mayExist = typed && ((VidgenException) t.submitError).taskMayHaveBeenCreated();
                submitOutcomes.merge(describe(t.submitError) + (mayExist ? " (task may exist)" : " (no task)"), 1, Integer::sum);
                if (!typed) {
                    problems.add("task " + t.index + ": submit failed with an untyped " + t.submitError);
                } else if (!mayExist && !mine.isEmpty()) {
                    problems.add("task " + t.index + ": submit failed saying no task was created, but the fake created " + mine
                            + " (" + t.submitError + ")");
                }
                orphans += mine.size();
                continue;
            }
            submitOutcomes.merge("ok", 1, Integer::sum);
            TaskId id = t.submitted.id();
            if (!returnedIds.add(id)) {
                duplicated++;
                problems.add("task " + t.index + ": id " + id + " was returned for two submits");
            }
            if (mine.size() != 1 || !mine.get(0).equals(id)) {
                lost++;
                problems.add("task " + t.index + ": the client returned " + id + " but the fake created " + mine + " for it");
            }
            long awaitMillis = (t.awaitEnd - t.awaitStart) / 1_000_000;
            long bound = t.awaitOptions().timeout().plus(MIN_INTERVAL).toMillis();
            maxAwaitOverrunMillis = Math.max(maxAwaitOverrunMillis, awaitMillis - t.awaitOptions().timeout().toMillis());
            if (awaitMillis > bound + GRACE.toMillis()) {
                problems.add("task " + t.index + ": await took " + awaitMillis + " ms, past its deadline " + t.awaitOptions().timeout()
                        + " plus one poll interval");
            }
            if (t.awaitError != null) {
                awaitOutcomes.merge(t.kind + " -> " + describe(t.awaitError), 1, Integer::sum);
                if (!(t.awaitError instanceof VidgenException)) {
                    problems.add("task " + t.index + ": await failed with an untyped " + t.awaitError);
                } else if (t.kind == Kind.FAILS && t.awaitError instanceof TaskFailedException tfe
                        && !"generation_failed".equals(tfe.errorCode())) {
                    problems.add("task " + t.index + ": failed with " + tfe.errorCode() + ", scripted generation_failed");
                } else if (t.awaitError instanceof AwaitTimeoutException ate && !ate.taskId().equals(id)) {
                    problems.add("task " + t.index + ": timeout names " + ate.taskId() + ", not " + id);
                }
                continue;
            }
            VideoTask done = t.done;
            awaitOutcomes.merge(t.kind + " -> " + done.status().raw() + (done.results().isEmpty() ? " without results" : ""),
                    1, Integer::sum);
            if (!done.id().equals(id) || done.status().state() != TaskState.COMPLETED || t.kind != Kind.NORMAL) {
                problems.add("task " + t.index + " (" + t.kind + "): await returned " + done.id() + " " + done.status());
            }
        }

        // the same in sum: the fake created one task per success, plus at most one per failure that said one may exist
        int mayExist = (int) tasks.stream().filter(t -> t.submitError instanceof VidgenException v && v.taskMayHaveBeenCreated()).count();
        if (created.size() < returnedIds.size() || created.size() > returnedIds.size() + mayExist) {
            problems.add("the fake created " + created.size() + " tasks for " + returnedIds.size() + " successful submits and "
                    + mayExist + " that may have created one");
        }

        Map<String, Integer> faults = new TreeMap<>();
        List<RecordedRequest> recorded = api.requests();
        int total = api.counters().values().stream().mapToInt(Integer::intValue).sum();
        for (RecordedRequest r : recorded) {
            if (r.fault() != null) {
                faults.merge(r.route() + " " + r.fault(), 1, Integer::sum);
            }
        }
        if (recorded.size() != total) {
            problems.add("the fake recorded " + recorded.size() + " of " + total + " requests: fault figures would be partial; make the soak smaller");
        }
        int faulted = faults.values().stream().mapToInt(Integer::intValue).sum();

        figures.append("requests: ").append(api.counters()).append(", ").append(faulted).append(" faulted (")
                .append(String.format(java.util.Locale.ROOT, "%.1f%%", 100.0 * faulted / Math.max(1, total))).append(")\n");
        figures.append("faults injected:\n");
        faults.forEach((k, v) -> figures.append("  ").append(k).append(": ").append(v).append('\n'));
        figures.append("submit outcomes:\n");
        submitOutcomes.forEach((k, v) -> figures.append("  ").append(k).append(": ").append(v).append('\n'));
        figures.append("await outcomes (scripted kind -> outcome):\n");
        awaitOutcomes.forEach((k, v) -> figures.append("  ").append(k).append(": ").append(v).append('\n'));
        figures.append("tasks created by the fake: ").append(created.size()).append(" (").append(returnedIds.size())
                .append(" for successful submits, ").append(orphans).append(" for failed submits that said a task may exist)\n");
        figures.append("lost: ").append(lost).append(", duplicated: ").append(duplicated).append('\n');
        figures.append("slowest submit: ").append(maxSubmitMillis).append(" ms (call timeout ").append(CALL_TIMEOUT.toMillis())
                .append(" ms); latest await end: ").append(maxAwaitOverrunMillis).append(" ms after its deadline\n");
    }

    private static int waitForNoConnections(int port, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        int open;
        while ((open = TcpConnections.open(port)) > 0 && System.nanoTime() < end) {
            System.gc(); // the JDK 17 HTTP client closes its idle connections only once it is unreachable
            Thread.sleep(100);
        }
        return open;
    }

    private static String describe(Throwable e) {
        String name = e.getClass().getSimpleName();
        if (e instanceof dev.vidgen.client.error.ApiException api) {
            return name + " " + api.httpStatus();
        }
        if (e instanceof dev.vidgen.client.error.TransportIoException && e.getCause() instanceof dev.vidgen.ports.http.TransportException te) {
            return name + " " + te.kind();
        }
        return name;
    }

    private static Throwable unwrap(Throwable t) {
        while (t instanceof CompletionException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    /** One task of the soak and what happened to it. */
    static final class Task {
        final int index;
        final Kind kind;
        final CountDownLatch finished = new CountDownLatch(1);
        volatile long submitStart;
        volatile long submitEnd;
        volatile VideoTask submitted;
        volatile Throwable submitError;
        volatile long awaitStart;
        volatile long awaitEnd;
        volatile VideoTask done;
        volatile Throwable awaitError;

        Task(int index, Kind kind) {
            this.index = index;
            this.kind = kind;
        }

        String prompt() {
            return "soak task " + index + " #" + kind;
        }

        VideoRequest request() {
            return VeoReferenceRequest.builder(VeoModel.FAST).prompt(prompt())
                    .referenceImage("https://example.com/soak/" + index + ".png").build();
        }

        AwaitOptions awaitOptions() {
            return AwaitOptions.builder().timeout(kind == Kind.STUCK ? STUCK_AWAIT_TIMEOUT : AWAIT_TIMEOUT)
                    .minInterval(MIN_INTERVAL).maxInterval(MAX_INTERVAL).build();
        }

        void finish(Semaphore permits) {
            finished.countDown();
            permits.release();
        }
    }
}
