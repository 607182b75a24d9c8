package dev.vidgen.client.await;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vidgen.client.internal.SystemScheduler;
import dev.vidgen.client.testsupport.Scripts;
import dev.vidgen.fake.port.FakeTaskPort;
import dev.vidgen.fake.time.VirtualTime;
import dev.vidgen.client.testsupport.SimulatedTask;
import dev.vidgen.client.testsupport.Snapshots;
import dev.vidgen.domain.task.TaskId;
import dev.vidgen.domain.task.TaskState;
import dev.vidgen.domain.task.VideoTask;
import dev.vidgen.ports.TaskSubmissionPort;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Await with real threads: interrupt, and many waits sharing a few threads. */
class AwaitThreadsTest {

    private static final int WAITS = 10_000;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private static TaskId id(int i) {
        return TaskId.of(String.format("task-unified-1757165031-%08d", i));
    }

    @Test
    @Timeout(20)
    void interruptingAThreadBlockedInJoinCancelsTheWaitAndKeepsTheFlag() throws Exception {
        try (SystemScheduler scheduler = new SystemScheduler()) {
            AtomicInteger polls = new AtomicInteger();
            TaskSubmissionPort port = Scripts.answering(scheduler, (id, n, at, o) -> {
                polls.incrementAndGet();
                return CompletableFuture.completedFuture(Snapshots.of(id).status("processing").at(at).build());
            });
            CompletableFuture<VideoTask> wait = new TaskAwaiter(port, scheduler)
                    .await(id(1), AwaitOptions.builder().polling(PollingCadence.fixed(Duration.ofMillis(10))).build());
            AtomicReference<Throwable> thrown = new AtomicReference<>();
            AtomicBoolean flagKept = new AtomicBoolean();
            CountDownLatch blocked = new CountDownLatch(1);
            Thread waiter = new Thread(() -> {
                blocked.countDown();
                try {
                    TaskSubmissionPort.Futures.join(wait);
                } catch (RuntimeException e) {
                    thrown.set(e);
                    flagKept.set(Thread.currentThread().isInterrupted());
                }
            }, "await-interrupt-test");
            waiter.start();
            blocked.await();
            while (polls.get() < 3) {
                Thread.sleep(5);
            }

            waiter.interrupt();
            waiter.join(5_000);

            assertThat(waiter.isAlive()).isFalse();
            assertThat(thrown.get()).isInstanceOf(CancellationException.class);
            assertThat(flagKept).isTrue();
            assertThat(wait).isCancelled();
            // polling every 10 ms would add ~20 polls in 200 ms; a poll already running may finish
            Thread.sleep(50);
            int after = polls.get();
            Thread.sleep(200);
            assertThat(polls.get()).isEqualTo(after);
        }
    }

    @Test
    void tenThousandWaitsInVirtualTimeRunOnTheCallingThreadOnly() {
        VirtualTime time = new VirtualTime();
        Map<TaskId, SimulatedTask> tasks = new ConcurrentHashMap<>();
        for (int i = 0; i < WAITS; i++) {
            // run times spread over 1 to 5 minutes
            tasks.put(id(i), new SimulatedTask(id(i), time.now(), Duration.ofSeconds(i % 30),
                    Duration.ofSeconds(60 + i % 240), Duration.ofSeconds(90), true));
        }
        FakeTaskPort port = Scripts.simulated(time, tasks::get);
        TaskAwaiter awaiter = new TaskAwaiter(port, time);
        int threadsBefore = THREADS.getThreadCount();
        THREADS.resetPeakThreadCount();

        List<CompletableFuture<VideoTask>> waits = new ArrayList<>();
        for (int i = 0; i < WAITS; i++) {
            waits.add(awaiter.await(tasks.get(id(i)).submitted(), AwaitOptions.defaults()));
        }
        time.advanceUntil(() -> waits.stream().allMatch(CompletableFuture::isDone), Duration.ofMinutes(30));

        assertThat(waits).allSatisfy(w -> assertThat(w.join().status().state()).isEqualTo(TaskState.COMPLETED));
        assertThat(THREADS.getPeakThreadCount() - threadsBefore).isLessThan(20);
        assertThat(time.pendingTasks()).isZero();
        // the adaptive polling holds for every one of them: a 1-5 minute task takes a handful of polls
        Map<TaskId, Long> pollsPerTask = port.fetches().stream().collect(Collectors.groupingBy(FakeTaskPort.Fetch::id, Collectors.counting()));
        assertThat(pollsPerTask).hasSize(WAITS);
        assertThat(pollsPerTask.values()).allSatisfy(n -> assertThat(n).isBetween(3L, 30L));
    }

    @Test
    @Timeout(60)
    void tenThousandWaitsOnOneRealSchedulerUseABoundedNumberOfThreads() throws Exception {
        int threadsBefore = THREADS.getThreadCount();
        THREADS.resetPeakThreadCount();
        // the fake transport answers on two threads of its own, after 1 ms, as an async HTTP client would
        ExecutorService transport = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "fake-transport");
            t.setDaemon(true);
            return t;
        });
        try (SystemScheduler scheduler = new SystemScheduler()) {
            TaskSubmissionPort port = Scripts.answering(scheduler, (id, n, at, o) -> CompletableFuture.supplyAsync(
                    () -> n < 3
                            ? Snapshots.of(id).status("processing").progress(30 * n).at(at).build()
                            : Snapshots.of(id).status("completed").progress(100).result("https://cdn.example.com/" + id + ".mp4").at(at).build(),
                    CompletableFuture.delayedExecutor(1, TimeUnit.MILLISECONDS, transport)));
            TaskAwaiter awaiter = new TaskAwaiter(port, scheduler);
            AwaitOptions options = AwaitOptions.builder().polling(PollingCadence.fixed(Duration.ofMillis(20))).build();

            List<CompletableFuture<VideoTask>> waits = new ArrayList<>();
            for (int i = 0; i < WAITS; i++) {
                waits.add(awaiter.await(id(i), options));
            }
            CompletableFuture.allOf(waits.toArray(CompletableFuture[]::new)).get(50, TimeUnit.SECONDS);

            assertThat(waits).allSatisfy(w -> assertThat(w.join().results()).hasSize(1));
            int extra = THREADS.getPeakThreadCount() - threadsBefore;
            assertThat(extra).isLessThan(20);
            assertThat(Thread.getAllStackTraces().keySet()).filteredOn(t -> t.getName().equals(SystemScheduler.THREAD_NAME))
                    .isNotEmpty().allSatisfy(t -> assertThat(t.isDaemon()).isTrue());
        } finally {
            transport.shutdownNow();
        }
    }
}
