package dev.vidgen.fake.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vidgen.ports.time.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class VirtualTimeTest {

    private final VirtualTime time = new VirtualTime();
    private final Instant t0 = VirtualTime.DEFAULT_START;

    @Test
    void clockMovesOnlyWhenAdvanced() {
        assertThat(time.now()).isEqualTo(t0);
        time.advance(Duration.ofMinutes(10));
        assertThat(time.now()).isEqualTo(t0.plus(Duration.ofMinutes(10)));
        assertThat(time.clock().instant()).isEqualTo(time.now());
        assertThat(VirtualTime.startingAt(Instant.EPOCH).now()).isEqualTo(Instant.EPOCH);
    }

    @Test
    void dueTasksRunInOrderOfDueTimeThenSchedulingAndSeeTheirOwnTime() {
        List<String> log = new ArrayList<>();
        time.schedule(Duration.ofSeconds(3), () -> log.add("c@" + time.now().getEpochSecond()));
        time.schedule(Duration.ofSeconds(1), () -> log.add("a@" + time.now().getEpochSecond()));
        time.schedule(Duration.ofSeconds(1), () -> log.add("b@" + time.now().getEpochSecond()));
        time.schedule(Duration.ofSeconds(9), () -> log.add("late"));

        int ran = time.advance(Duration.ofSeconds(5));

        long s = t0.getEpochSecond();
        assertThat(log).containsExactly("a@" + (s + 1), "b@" + (s + 1), "c@" + (s + 3));
        assertThat(ran).isEqualTo(3);
        assertThat(time.pendingTasks()).isEqualTo(1);
        assertThat(time.nextTaskAt()).hasValue(t0.plusSeconds(9));
    }

    @Test
    void tasksScheduledDuringAnAdvanceRunIfDueInsideTheWindow() {
        List<Instant> polls = new ArrayList<>();
        Runnable[] poll = new Runnable[1];
        poll[0] = () -> {
            polls.add(time.now());
            time.schedule(Duration.ofSeconds(2), poll[0]); // polls every 2 s, like a wait loop
        };
        time.schedule(Duration.ZERO, poll[0]);

        time.advance(Duration.ofSeconds(7));

        assertThat(polls).containsExactly(t0, t0.plusSeconds(2), t0.plusSeconds(4), t0.plusSeconds(6));
        assertThat(time.nextTaskAt()).hasValue(t0.plusSeconds(8));
    }

    @Test
    void cancelledTasksDoNotRun() {
        AtomicBoolean ran = new AtomicBoolean();
        Scheduler.Cancellable c = time.schedule(Duration.ofSeconds(1), () -> ran.set(true));

        assertThat(c.cancel()).isTrue();
        assertThat(c.cancel()).isFalse();
        time.advance(Duration.ofSeconds(2));
        assertThat(ran).isFalse();
        assertThat(time.pendingTasks()).isZero();
    }

    @Test
    void cancelAfterRunningSaysFalse() {
        Scheduler.Cancellable c = time.schedule(Duration.ZERO, () -> { });
        time.runDueTasks();
        assertThat(c.cancel()).isFalse();
    }

    @Test
    void negativeDelayRunsAtOnceAndTimeNeverGoesBack() {
        AtomicBoolean ran = new AtomicBoolean();
        time.schedule(Duration.ofSeconds(-5), () -> ran.set(true));

        assertThat(time.runDueTasks()).isEqualTo(1);
        assertThat(ran).isTrue();
        assertThat(time.now()).isEqualTo(t0);
        assertThatThrownBy(() -> time.advance(Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> time.advanceTo(t0.minusSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aFailingTaskDoesNotStopTheOthersAndIsRethrownAtTheEnd() {
        AtomicInteger ran = new AtomicInteger();
        time.schedule(Duration.ofSeconds(1), () -> {
            throw new IllegalStateException("boom");
        });
        time.schedule(Duration.ofSeconds(2), ran::incrementAndGet);

        assertThatThrownBy(() -> time.advance(Duration.ofSeconds(3))).isInstanceOf(IllegalStateException.class).hasMessage("boom");
        assertThat(ran).hasValue(1);
        assertThat(time.now()).isEqualTo(t0.plusSeconds(3));
    }

    @Test
    void runUntilIdleJumpsFromTaskToTaskWithinTheLimit() {
        List<Instant> at = new ArrayList<>();
        time.schedule(Duration.ofMinutes(1), () -> at.add(time.now()));
        time.schedule(Duration.ofMinutes(9), () -> at.add(time.now()));
        time.schedule(Duration.ofHours(2), () -> at.add(time.now()));

        Duration moved = time.runUntilIdle(Duration.ofHours(1));

        assertThat(at).containsExactly(t0.plusSeconds(60), t0.plusSeconds(540));
        assertThat(moved).isEqualTo(Duration.ofMinutes(9));
        assertThat(time.pendingTasks()).isEqualTo(1);
    }

    @Test
    void advanceUntilStopsWhenTheConditionHolds() {
        AtomicInteger polls = new AtomicInteger();
        Runnable[] poll = new Runnable[1];
        poll[0] = () -> {
            polls.incrementAndGet();
            time.schedule(Duration.ofSeconds(30), poll[0]);
        };
        time.schedule(Duration.ofSeconds(30), poll[0]);

        Duration moved = time.advanceUntil(() -> polls.get() == 20, Duration.ofHours(1));

        assertThat(polls).hasValue(20);
        assertThat(moved).isEqualTo(Duration.ofMinutes(10));
        assertThat(time.now()).isEqualTo(t0.plus(Duration.ofMinutes(10))); // a ten-minute wait, instantly
    }

    @Test
    void advanceUntilGivesUpAtTheLimit() {
        time.schedule(Duration.ofHours(5), () -> { });

        assertThatThrownBy(() -> time.advanceUntil(() -> false, Duration.ofHours(1)))
                .isInstanceOfSatisfying(GaveUpException.class, e -> assertThat(e.reason()).isEqualTo(GaveUpException.Reason.LIMIT_REACHED))
                .hasMessageContaining("does not hold after PT1H").hasMessageContaining("1 task(s) pending");
        assertThat(time.now()).isEqualTo(t0.plus(Duration.ofHours(1)));
        assertThatThrownBy(() -> time.advanceUntil(() -> false, Duration.ofHours(1), Duration.ZERO))
                .isInstanceOf(GaveUpException.class);
    }

    @Test
    void advanceUntilWaitsForAnotherThreadToScheduleWorkBeforeGivingUp() throws Exception {
        ExecutorService worker = Executors.newSingleThreadExecutor();
        try {
            CountDownLatch checked = new CountDownLatch(1);
            AtomicBoolean done = new AtomicBoolean();
            // the worker schedules only once advanceUntil has seen nothing pending: the blocking-service pattern
            worker.execute(() -> {
                try {
                    checked.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                time.schedule(Duration.ofMinutes(3), () -> done.set(true));
            });

            Duration moved = time.advanceUntil(() -> {
                checked.countDown();
                return done.get();
            }, Duration.ofMinutes(30));

            assertThat(done).isTrue();
            assertThat(moved).isEqualTo(Duration.ofMinutes(3));
        } finally {
            worker.shutdownNow();
        }
    }

    @Test
    void advanceUntilSaysSoWhenNothingIsEverScheduled() {
        time.idleWait(Duration.ofMillis(50));

        assertThatThrownBy(() -> time.advanceUntil(() -> false, Duration.ofMinutes(30)))
                .isInstanceOfSatisfying(GaveUpException.class, e -> assertThat(e.reason()).isEqualTo(GaveUpException.Reason.NOTHING_SCHEDULED))
                .hasMessageContaining("nothing was scheduled for PT0.05S of real time")
                .hasMessageContaining("scheduler");
        assertThat(time.now()).isEqualTo(t0);
    }

    @Test
    void advanceUntilWithSettleWaitsForWorkFinishingOnAnotherThread() throws Exception {
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            AtomicInteger done = new AtomicInteger();
            // each step hands work to another thread, which schedules the next step when it finishes
            Runnable[] step = new Runnable[1];
            step[0] = () -> other.execute(() -> {
                sleep(20);
                if (done.incrementAndGet() < 3) {
                    time.schedule(Duration.ofSeconds(10), step[0]);
                }
            });
            time.schedule(Duration.ofSeconds(10), step[0]);
            // a timeout far later: without settling, the clock would jump straight to it
            AtomicBoolean timedOut = new AtomicBoolean();
            time.schedule(Duration.ofMinutes(10), () -> timedOut.set(true));

            time.advanceUntil(() -> done.get() == 3, Duration.ofHours(1), Duration.ofMillis(200));

            assertThat(done).hasValue(3);
            assertThat(timedOut).isFalse();
            assertThat(time.now()).isEqualTo(t0.plusSeconds(30));
        } finally {
            other.shutdownNow();
        }
    }

    @Test
    void schedulingFromManyThreadsLosesNothing() throws Exception {
        int threads = 4;
        int perThread = 500;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Integer> ran = Collections.synchronizedList(new ArrayList<>());
        try {
            for (int t = 0; t < threads; t++) {
                int base = t * perThread;
                pool.execute(() -> {
                    await(go);
                    for (int i = 0; i < perThread; i++) {
                        int n = base + i;
                        time.schedule(Duration.ofMillis(n % 97), () -> ran.add(n));
                    }
                });
            }
            go.countDown();
            // advance concurrently with the scheduling threads
            for (int i = 0; i < 50; i++) {
                time.advance(Duration.ofMillis(1));
            }
            pool.shutdown();
            assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
            time.advance(Duration.ofSeconds(1));
        } finally {
            pool.shutdownNow();
        }
        assertThat(ran).hasSize(threads * perThread).doesNotHaveDuplicates();
        assertThat(time.pendingTasks()).isZero();
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
