package dev.vidgen.client.await;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vidgen.client.error.AwaitTimeoutException;
import dev.vidgen.client.error.RateLimitException;
import dev.vidgen.client.error.ServiceUnavailableException;
import dev.vidgen.client.error.TaskFailedException;
import dev.vidgen.client.error.TaskNotFoundException;
import dev.vidgen.client.error.TransportIoException;
import dev.vidgen.client.testsupport.Scripts;
import dev.vidgen.fake.port.FakeTaskPort;
import dev.vidgen.fake.time.VirtualTime;
import dev.vidgen.client.testsupport.SimulatedTask;
import dev.vidgen.client.testsupport.Snapshots;
import dev.vidgen.domain.task.TaskId;
import dev.vidgen.domain.task.TaskState;
import dev.vidgen.domain.task.VideoTask;
import dev.vidgen.ports.TaskSubmissionPort;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class TaskAwaiterTest {

    private static final TaskId ID = TaskId.of("task-unified-1757165031-uyujaw3d");
    private static final double NO_JITTER = 0.5;

    private final VirtualTime time = new VirtualTime();
    private final Instant t0 = time.now();

    private TaskAwaiter awaiter(TaskSubmissionPort port) {
        return new TaskAwaiter(port, time, e -> Optional.empty(), () -> NO_JITTER);
    }

    private Snapshots snap(String status) {
        return Snapshots.of(ID).status(status).createdAt(t0).at(t0);
    }

    private static Throwable failureOf(CompletableFuture<?> f) {
        assertThat(f).isCompletedExceptionally();
        try {
            f.join();
            throw new AssertionError("not failed");
        } catch (java.util.concurrent.CompletionException e) {
            return e.getCause();
        }
    }

    private static List<Duration> gaps(List<FakeTaskPort.Fetch> fetches, Instant start) {
        List<Duration> gaps = new ArrayList<>();
        Instant prev = start;
        for (FakeTaskPort.Fetch f : fetches) {
            gaps.add(Duration.between(prev, f.at()));
            prev = f.at();
        }
        return gaps;
    }

    // --- no busy polling ---------------------------------------------------------------------

    @Test
    void tenMinuteTaskWithEstimateIsPolledNeitherTooOftenNorTooRarely() {
        // real jitter, many runs: the bounds must hold for any random draw
        for (int run = 0; run < 50; run++) {
            VirtualTime clock = new VirtualTime();
            Instant start = clock.now();
            SimulatedTask task = new SimulatedTask(ID, start, Duration.ofSeconds(20), Duration.ofMinutes(10), Duration.ofMinutes(10), true);
            FakeTaskPort port = Scripts.simulated(clock, id -> task);

            CompletableFuture<VideoTask> f = new TaskAwaiter(port, clock).await(task.submitted(), AwaitOptions.defaults());
            AtomicReference<Instant> doneAt = new AtomicReference<>();
            f.whenComplete((v, e) -> doneAt.set(clock.now()));
            clock.advanceUntil(f::isDone, Duration.ofMinutes(30));

            assertThat(f).isCompleted();
            assertThat(f.join().results()).hasSize(1);
            List<FakeTaskPort.Fetch> fetches = port.fetches();
            // 600 s at most 30 s apart needs at least 20 polls; a task reporting progress sleeps at most 15% of
            // its age (more polls early), and closing in on the end adds a handful: 37-41 in these runs, not hundreds
            assertThat(fetches).hasSizeBetween(20, 45);
            assertThat(gaps(fetches, start)).allSatisfy(g -> assertThat(g).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(30)));
            // and the end is noticed soon: within 1% of the run time (percent is a whole number, so the ETA
            // may be up to 1% late, and half of it is slept), not a max interval (30 s) late
            assertThat(Duration.between(task.endsAt(), doneAt.get())).isLessThanOrEqualTo(Duration.ofSeconds(6));
        }
    }

    @Test
    void tenMinuteTaskWithoutEstimateOrPercentIsPolledWithGrowingIntervals() {
        SimulatedTask task = new SimulatedTask(ID, t0, Duration.ZERO, Duration.ofMinutes(10), null, false);
        FakeTaskPort port = Scripts.simulated(time, id -> task);

        CompletableFuture<VideoTask> f = new TaskAwaiter(port, time).await(ID, AwaitOptions.defaults());
        time.advanceUntil(f::isDone, Duration.ofMinutes(30));

        assertThat(f).isCompleted();
        List<Duration> gaps = gaps(port.fetches(), t0);
        assertThat(port.fetches()).hasSizeBetween(20, 60);
        assertThat(gaps.get(0)).isZero(); // nothing known: look at once
        assertThat(gaps.subList(1, gaps.size())).allSatisfy(g -> assertThat(g).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(30)));
        assertThat(gaps.get(gaps.size() - 1)).isGreaterThan(gaps.get(2));
    }

    @Test
    void firstPollIsTimedFromTheEstimatedTime() {
        VideoTask submitted = snap("pending").progress(0).estimatedSeconds(45).build();
        FakeTaskPort port = Scripts.scripted(time, snap("completed").progress(100).result("https://cdn.example.com/a.mp4").build());

        CompletableFuture<VideoTask> f = awaiter(port).await(submitted, AwaitOptions.defaults());
        time.advance(Duration.ofMillis(26_900));
        assertThat(port.fetchCount()).isZero();
        time.advance(Duration.ofMillis(100));

        // 60% of the 45 s estimate
        assertThat(port.fetches()).singleElement().satisfies(fetch -> assertThat(fetch.at()).isEqualTo(t0.plusMillis(27_000)));
        assertThat(f).isCompleted();
    }

    @Test
    void awaitByIdPollsAtOnceWithSyncUpstream() {
        FakeTaskPort port = Scripts.scripted(time, snap("completed").result("https://cdn.example.com/a.mp4").build());

        CompletableFuture<VideoTask> f = awaiter(port).await(ID, AwaitOptions.defaults());
        time.advance(Duration.ZERO);

        assertThat(f).isCompleted();
        assertThat(port.fetches()).singleElement().satisfies(fetch -> {
            assertThat(fetch.at()).isEqualTo(t0);
            assertThat(fetch.options().syncUpstream()).isTrue();
            assertThat(fetch.options().callTimeout()).isEqualTo(Duration.ofMinutes(30));
        });
    }

    // --- terminal states -------------------------------------------------------------------

    @Test
    void completedEndsTheWaitWithTheTask() {
        FakeTaskPort port = Scripts.scripted(time,
                snap("processing").progress(50).build(),
                snap("completed").progress(100).result("https://cdn.example.com/a.mp4").build());

        CompletableFuture<VideoTask> f = awaiter(port).await(ID, AwaitOptions.defaults());
        time.advanceUntil(f::isDone, Duration.ofMinutes(5));

        assertThat(f.join().status().state()).isEqualTo(TaskState.COMPLETED);
        assertThat(f.join().firstResultUrl()).hasValueSatisfying(u -> assertThat(u).hasToString("https://cdn.example.com/a.mp4"));
        assertThat(port.fetchCount()).isEqualTo(2);
    }

    @Test
    void failedEndsTheWaitWithTaskFailedAndItsCode() {
        FakeTaskPort port = Scripts.scripted(time,
                snap("processing").progress(10).build(),
                snap("failed").error("generation_failed", "content policy").build());

        CompletableFuture<VideoTask> f = awaiter(port).await(ID, AwaitOptions.defaults());
        time.advanceUntil(f::isDone, Duration.ofMinutes(5));

        Throwable e = failureOf(f);
        assertThat(e).isInstanceOf(TaskFailedException.class).hasMessageContaining("generation_failed");
        assertThat(((TaskFailedException) e).errorCode()).isEqualTo("generation_failed");
        assertThat(((TaskFailedException) e).task().id()).isEqualTo(ID);
        time.advance(Duration.ofMinutes(10));
        assertThat(port.fetchCount()).isEqualTo(2);
    }

    @Test
    void cancelledEndsTheWaitWithTaskFailed() {
        FakeTaskPort port = Scripts.scripted(time, snap("cancelled").build());

        CompletableFuture<VideoTask> f = awaiter(port).await(ID, AwaitOptions.defaults());
        time.advanceUntil(f::isDone, Duration.ofMinutes(5));

        assertThat(failureOf(f)).isInstanceOf(TaskFailedException.class).hasMessageContaining("ended cancelled");
    }

    @Test
    void aTerminalSnapshotInHandEndsTheWaitWithoutAPoll() {
        FakeTaskPort port = Scripts.scripted(time, snap("processing").build());
        VideoTask done = snap("completed").result("https://cdn.example.com/a.mp4").build();

        CompletableFuture<VideoTask> f = awaiter(port).await(done, AwaitOptions.defaults());
        time.advance(Duration.ZERO);

        assertThat(f.join()).isEqualTo(done);
        assertThat(port.fetchCount()).isZero();
    }

    @Test
    void unknownStatusKeepsTheWaitGoingUntilCompleted() {
        FakeTaskPort port = Scripts.scripted(time,
                snap("queued_upstream").build(),
                snap("queued_upstream").build(),
                snap("completed").result("https://cdn.example.com/a.mp4").build());
        List<String> statuses = new CopyOnWriteArrayList<>();

        CompletableFuture<VideoTask> f = awaiter(port).await(ID, AwaitOptions.builder()
                .listener(e -> statuses.add(e.status().raw())).build());
        time.advanceUntil(f::isDone, Duration.ofMinutes(5));

        assertThat(f.join().status().state()).isEqualTo(TaskState.COMPLETED);
        assertThat(port.fetchCount()).isEqualTo(3);
        assertThat(statuses).first().isEqualTo("queued_upstream");
        assertThat(statuses).last().isEqualTo("completed");
    }

    // --- deadline ----------------------------------------------------------------------------

    @Test
    void deadlineEndsTheWaitWithTheLastSnapshotAndALastPollAtTheDeadline() {
        FakeTaskPort port = Scripts.scripted(time, snap("processing").progress(30).build(), snap("processing").progress(31).build());
        AtomicReference<Instant> doneAt = new AtomicReference<>();
        Duration timeout = Duration.ofSeconds(100);

        CompletableFuture<VideoTask> f = awaiter(port).await(ID, AwaitOptions.builder().timeout(timeout).build());
        f.whenComplete((v, e) -> doneAt.set(time.now()));
        time.advance(Duration.ofHours(1));

        Throwable e = failureOf(f);
        assertThat(e).isInstanceOf(AwaitTimeoutException.class);
        AwaitTimeoutException timeoutError = (AwaitTimeoutException) e;
        assertThat(timeoutError.taskId()).isEqualTo(ID);
        assertThat(timeoutError.lastSnapshot().progress()).isEqualTo(31);
        assertThat(timeoutError.getMessage()).contains(ID.value()).contains("processing");
        List<FakeTaskPort.Fetch> fetches = port.fetches();
        assertThat(fetches).allSatisfy(fetch -> assertThat(fetch.at()).isBeforeOrEqualTo(t0.plus(timeout)));
        assertThat(fetches.get(fetches.size() - 1).at()).isEqualTo(t0.plus(timeout));
        assertThat(doneAt.get()).isEqualTo(t0.plus(timeout));
        assertThat(time.pendingTasks()).isZero();
    }

    @Test
    void theLastPollAtTheDeadlineMayStillSeeTheTaskComplete() {
        VideoTask running = snap("processing").build();
        FakeTaskPort port = Scripts.answering(time, (id, n, at, o) -> CompletableFuture.completedFuture(
                at.equals(t0.plusSeconds(10)) ? snap("completed").result("https://cdn.example.com/a.mp4").at(at).build() : running));

        CompletableFuture<VideoTask> f = awaiter(port).await(ID, AwaitOptions.builder().timeout(Duration.ofSeconds(10))
                .polling(PollingCadence.fixed(Duration.ofSeconds(6))).build());
        time.advance(Duration.ofMinutes(1));

        assertThat(port.fetches()).extracting(FakeTaskPort.Fetch::at).containsExactly(t0, t0.plusSeconds(6), t0.plusSeconds(10));
        assertThat(f.join().status().state()).isEqualTo(TaskState.COMPLETED);
    }

    @Test
    void pollsNearTheDeadlineGetOnlyTheTimeLeft() {
        FakeTaskPort port = Scripts.scripted(time, snap("processing").build());

        awaiter(port).await(ID, AwaitOptions.builder().timeout(Duration.ofSeconds(20))
                .polling(PollingCadence.fixed(Duration.ofSeconds(15))).build());
        time.advance(Duration.ofMinutes(1));

        assertThat(port.fetches()).extracting(fetch -> fetch.options().callTimeout())
                .containsExactly(Duration.ofSeconds(20), Duration.ofSeconds(5), Duration.ofSeconds(1));
    }

    // --- cancel and interrupt ----------------------------------------------------------------

    @Test
    void cancellingTheFutureStopsPolling() {
        FakeTaskPort port = Scripts.scripted(time, snap("processing").build());
        CompletableFuture<VideoTask> f = awaiter(port).await(ID, AwaitOptions.defaults());
        time.advance(Duration.ofSeconds(30));
        int before = port.fetchCount();
        assertThat(before).isGreaterThan(1);

        assertThat(f.cancel(true)).isTrue();
        time.advance(Duration.ofMinutes(30));

        assertThat(port.fetchCount()).isEqualTo(before);
        assertThat(time.pendingTasks()).isZero();
    }

    @Test
    void cancellingTheFutureCancelsTheFetchInFlight() {
        FakeTaskPort port = Scripts.scripted(time, Scripts.NEVER);
        CompletableFuture<VideoTask> f = awaiter(port).await(ID, AwaitOptions.defaults());
        time.advance(Duration.ZERO);
        CompletableFuture<VideoTask> inFlight = port.fetches().get(0).future();
        assertThat(inFlight).isNotDone();

        f.cancel(true);

        assertThat(inFlight).isCancelled();
        time.advance(Duration.ofMinutes(30));
        assertThat(port.fetchCount()).isEqualTo(1);
    }

    // --- empty results -----------------------------------------------------------------------

    @Test
    void completedWithoutResultsIsQueriedAgainWithoutSyncUpstream() {
        FakeTaskPort port = Scripts.scripted(time,
                snap("processing").progress(90).build(),
                snap("completed").progress(100).build(),
                snap("completed").progress(100).build(),
                snap("completed").progress(100).result("https://cdn.example.com/a.mp4").build());

        CompletableFuture<VideoTask> f = awaiter(port).await(ID, AwaitOptions.defaults());
        time.advanceUntil(f::isDone, Duration.ofMinutes(5));

        assertThat(f.join().results()).hasSize(1);
        List<FakeTaskPort.Fetch> fetches = port.fetches();
        assertThat(fetches).extracting(fetch -> fetch.options().syncUpstream()).containsExactly(true, true, false, false);
        assertThat(gaps(fetches, t0).subList(2, 4)).containsOnly(Duration.ofSeconds(1));
    }

    @Test
    void completedWithoutResultsIsReturnedAfterTheBoundedRequeries() {
        FakeTaskPort port = Scripts.scripted(time, snap("completed").build());

        CompletableFuture<VideoTask> f = awaiter(port).await(ID, AwaitOptions.builder().emptyResultRetries(2).build());
        time.advance(Duration.ofMinutes(5));

        assertThat(f.join().status().state()).isEqualTo(TaskState.COMPLETED);
        assertThat(f.join().results()).isEmpty();
        assertThat(port.fetchCount()).isEqualTo(3);
    }

    // --- listener ----------------------------------------------------------------------------

    @Test
    void listenerHearsEveryChangeWithElapsedTimeAndPolls() {
        SimulatedTask task = new SimulatedTask(ID, t0, Duration.ofSeconds(10), Duration.ofSeconds(100), Duration.ofSeconds(90), true);
        FakeTaskPort port = Scripts.simulated(time, id -> task);
        List<ProgressEvent> events = new CopyOnWriteArrayList<>();
        List<Instant> eventTimes = new CopyOnWriteArrayList<>();

        CompletableFuture<VideoTask> f = awaiter(port).await(task.submitted(), AwaitOptions.builder().listener(e -> {
            events.add(e);
            eventTimes.add(time.now());
        }).build());
        time.advanceUntil(f::isDone, Duration.ofMinutes(5));

        assertThat(f).isCompleted();
        assertThat(events.get(0).status().raw()).isEqualTo("pending");
        assertThat(events.get(0).polls()).isZero();
        assertThat(events.get(0).eta()).isEqualTo(Duration.ofSeconds(90));
        assertThat(events).extracting(e -> e.status().raw()).containsSubsequence("pending", "processing", "completed");
        assertThat(events.get(events.size() - 1).percent()).isEqualTo(100);
        assertThat(events.get(events.size() - 1).eta()).isZero();
        assertThat(events.get(events.size() - 1).polls()).isEqualTo(port.fetchCount());
        // percent never goes back, polls never go back, elapsed is the virtual time since the start
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).percent()).isGreaterThanOrEqualTo(events.get(i - 1).percent());
            assertThat(events.get(i).polls()).isGreaterThan(events.get(i - 1).polls());
            assertThat(events.get(i).elapsed()).isEqualTo(Duration.between(t0, eventTimes.get(i)));
        }
        // processing events carry a progress-based ETA
        assertThat(events).filteredOn(e -> e.status().raw().equals("processing") && e.percent() > 0)
                .isNotEmpty().allSatisfy(e -> assertThat(e.eta()).isNotNull());
    }

    @Test
    void listenerIsNotCalledAgainWhenNothingChanged() {
        FakeTaskPort port = Scripts.scripted(time, snap("pending").build());
        List<ProgressEvent> events = new CopyOnWriteArrayList<>();

        CompletableFuture<VideoTask> f = awaiter(port).await(ID, AwaitOptions.builder().timeout(Duration.ofSeconds(60))
                .polling(PollingCadence.fixed(Duration.ofSeconds(5))).listener(events::add).build());
        time.advance(Duration.ofMinutes(2));

        assertThat(f).isCompletedExceptionally();
        assertThat(port.fetchCount()).isEqualTo(13);
        assertThat(events).hasSize(1);
    }

    @Test
    void aThrowingListenerIsIgnored() {
        FakeTaskPort port = Scripts.scripted(time,
                snap("processing").progress(50).build(),
                snap("completed").progress(100).result("https://cdn.example.com/a.mp4").build());
        List<Integer> calls = new CopyOnWriteArrayList<>();

        CompletableFuture<VideoTask> f = awaiter(port).await(ID, AwaitOptions.builder().listener(e -> {
            calls.add(e.polls());
            throw new IllegalStateException("listener bug");
        }).build());
        time.advanceUntil(f::isDone, Duration.ofMinutes(5));

        assertThat(f.join().status().state()).isEqualTo(TaskState.COMPLETED);
        assertThat(calls).containsExactly(1, 2);
    }

    // --- failed polls ------------------------------------------------------------------------

    @Test
    void transientPollErrorsKeepTheWaitAlive() {
        FakeTaskPort port = Scripts.scripted(time,
                snap("processing").build(),
                new ServiceUnavailableException(503, "service_unavailable_error", null, "no channel", "{}", false),
                new TransportIoException("connection reset", null, false),
                new RateLimitException(429, "rate_limit_error", null, "slow down", "{}", false),
                snap("completed").result("https://cdn.example.com/a.mp4").build());

        CompletableFuture<VideoTask> f = awaiter(port).await(ID, AwaitOptions.defaults());
        time.advanceUntil(f::isDone, Duration.ofMinutes(5));

        assertThat(f.join().status().state()).isEqualTo(TaskState.COMPLETED);
        assertThat(port.fetchCount()).isEqualTo(5);
    }

    @Test
    void taskNotFoundEndsTheWaitAtOnce() {
        TaskNotFoundException notFound = new TaskNotFoundException(404, "not_found", null, "no such task", "{}", false);
        FakeTaskPort port = Scripts.scripted(time, snap("processing").build(), notFound);

        CompletableFuture<VideoTask> f = awaiter(port).await(ID, AwaitOptions.defaults());
        time.advance(Duration.ofMinutes(10));

        assertThat(failureOf(f)).isSameAs(notFound);
        assertThat(port.fetchCount()).isEqualTo(2);
    }

    @Test
    void transientErrorsUntilTheDeadlineEndInTimeoutCarryingTheLastError() {
        TransportIoException io = new TransportIoException("connect refused", null, false);
        FakeTaskPort port = Scripts.scripted(time, snap("processing").progress(40).build(), io);

        CompletableFuture<VideoTask> f = awaiter(port).await(ID, AwaitOptions.builder().timeout(Duration.ofSeconds(90)).build());
        time.advance(Duration.ofMinutes(10));

        Throwable e = failureOf(f);
        assertThat(e).isInstanceOf(AwaitTimeoutException.class);
        assertThat(((AwaitTimeoutException) e).lastSnapshot().progress()).isEqualTo(40);
        assertThat(e.getSuppressed()).containsExactly(io);
        assertThat(port.fetches()).last().satisfies(fetch -> assertThat(fetch.at()).isEqualTo(t0.plusSeconds(90)));
    }

    @Test
    void retryAfterFromTheServerIsWaitedAtLeast() {
        RateLimitException limited = new RateLimitException(429, "rate_limit_error", null, "slow down", "{}", false);
        FakeTaskPort port = Scripts.scripted(time, limited, snap("completed").result("https://cdn.example.com/a.mp4").build());
        TaskAwaiter awaiter = new TaskAwaiter(port, time,
                e -> e == limited ? Optional.of(Duration.ofSeconds(40)) : Optional.empty(), () -> NO_JITTER);

        CompletableFuture<VideoTask> f = awaiter.await(ID, AwaitOptions.defaults());
        time.advanceUntil(f::isDone, Duration.ofMinutes(5));

        assertThat(f).isCompleted();
        assertThat(port.fetches()).extracting(FakeTaskPort.Fetch::at).containsExactly(t0, t0.plusSeconds(40));
    }

    @Test
    void retryAfterIsReadFromTheApiExceptionByDefault() {
        RateLimitException limited = new RateLimitException(429, "rate_limit_error", null, "slow down", "{}", false, Duration.ofSeconds(25));
        FakeTaskPort port = Scripts.scripted(time, limited, snap("completed").result("https://cdn.example.com/a.mp4").build());

        CompletableFuture<VideoTask> f = new TaskAwaiter(port, time).await(ID, AwaitOptions.defaults());
        time.advanceUntil(f::isDone, Duration.ofMinutes(5));

        assertThat(f).isCompleted();
        assertThat(port.fetches()).extracting(FakeTaskPort.Fetch::at).containsExactly(t0, t0.plusSeconds(25));
    }

    @Test
    void retryAfterPastTheDeadlineEndsTheWaitWithoutPollingAgain() {
        RateLimitException limited = new RateLimitException(429, "rate_limit_error", null, "slow down", "{}", false);
        FakeTaskPort port = Scripts.scripted(time, limited);
        TaskAwaiter awaiter = new TaskAwaiter(port, time, e -> Optional.of(Duration.ofMinutes(5)), () -> NO_JITTER);

        CompletableFuture<VideoTask> f = awaiter.await(ID, AwaitOptions.builder().timeout(Duration.ofMinutes(1)).build());
        time.advance(Duration.ofMinutes(10));

        Throwable e = failureOf(f);
        assertThat(e).isInstanceOf(AwaitTimeoutException.class);
        assertThat(e.getSuppressed()).containsExactly(limited);
        assertThat(((AwaitTimeoutException) e).lastSnapshot()).isNull();
        assertThat(port.fetchCount()).isEqualTo(1);
    }

    @Test
    void aClosedSchedulerEndsTheWaitInsteadOfHangingIt() {
        FakeTaskPort port = Scripts.scripted(time, snap("processing").build());
        dev.vidgen.ports.time.Scheduler closed = new dev.vidgen.ports.time.Scheduler() {
            @Override
            public Instant now() {
                return t0;
            }

            @Override
            public Cancellable schedule(Duration delay, Runnable task) {
                throw new IllegalStateException("the vidgen scheduler is closed");
            }
        };

        CompletableFuture<VideoTask> f = new TaskAwaiter(port, closed).await(ID, AwaitOptions.defaults());

        assertThatThrownBy(f::get).isInstanceOf(ExecutionException.class).hasRootCauseMessage("the vidgen scheduler is closed");
    }

    @Test
    void errorsWaitingCannotCureAreClassified() {
        assertThat(TaskAwaiter.keepsWaitAlive(new RateLimitException(429, null, null, null, null, false))).isTrue();
        assertThat(TaskAwaiter.keepsWaitAlive(new dev.vidgen.client.error.ServerException(502, null, null, null, null, false))).isTrue();
        assertThat(TaskAwaiter.keepsWaitAlive(new dev.vidgen.ports.http.TransportException(
                dev.vidgen.ports.http.TransportException.Kind.TIMEOUT, "timeout", null))).isTrue();
        assertThat(TaskAwaiter.keepsWaitAlive(new dev.vidgen.client.error.AuthenticationException(401, null, null, null, null, false))).isFalse();
        assertThat(TaskAwaiter.keepsWaitAlive(new TaskNotFoundException(404, null, null, null, null, false))).isFalse();
        // a garbled answer to one poll (truncated by a proxy, say) does not end a paid wait; the deadline bounds it
        assertThat(TaskAwaiter.keepsWaitAlive(new dev.vidgen.client.error.MalformedResponseException("bad", null, false))).isTrue();
        assertThat(TaskAwaiter.keepsWaitAlive(new CancellationException())).isFalse();
    }

    // --- terminal is terminal, expiry from the earliest evidence (issues 11.9, 12.3, 12.8, 12.9) ---

    private VideoTask withProblems(VideoTask t, String... problems) {
        return new VideoTask(t.id(), t.model(), t.status(), t.progress(), t.estimatedTime(), t.results(), t.error(), t.usage(),
                t.createdAt(), t.observedAt(), null, List.of(problems));
    }

    @Test
    void resultsExpireFromTheFirstSnapshotThatSawCompletedCarriedThroughRequeries() {
        FakeTaskPort port = Scripts.scripted(time,
                snap("processing").build(),
                snap("completed").build(),
                snap("completed").build(),
                snap("completed").result("https://cdn.example.com/a.mp4").build());

        CompletableFuture<VideoTask> f = awaiter(port).await(ID, AwaitOptions.defaults());
        time.advanceUntil(f::isDone, Duration.ofMinutes(5));

        VideoTask done = f.join();
        Instant firstCompleted = port.fetches().get(1).at();
        assertThat(done.observedAt()).isAfter(firstCompleted);
        assertThat(done.completedBy()).isEqualTo(firstCompleted);
        assertThat(done.resultsExpireAt()).contains(firstCompleted.plus(VideoTask.RESULT_LIFETIME));
    }

    @Test
    void aCompletedTaskWithNoUsableResultFailsAtOnceAfterTheBoundedRequery() {
        VideoTask bad = withProblems(snap("completed").build(), "result 0: the url is null");
        FakeTaskPort port = Scripts.scripted(time, bad);

        CompletableFuture<VideoTask> f = awaiter(port).await(ID, AwaitOptions.defaults());
        time.advanceUntil(f::isDone, Duration.ofMinutes(30));

        Throwable e = failureOf(f);
        assertThat(e).isInstanceOf(dev.vidgen.client.error.UnusableResultException.class).hasMessageContaining("result 0: the url is null");
        assertThat(port.fetchCount()).isEqualTo(1 + AwaitOptions.defaults().emptyResultRetries());
        assertThat(Duration.between(t0, time.now())).isLessThan(Duration.ofMinutes(1));
    }

    @Test
    void aCompletedTaskWithSomeUsableResultsReturnsThemAndNamesTheOthers() {
        VideoTask mixed = withProblems(snap("completed").result("https://cdn.example.com/a.mp4").build(), "result 1: the url is empty");
        FakeTaskPort port = Scripts.scripted(time, mixed);

        CompletableFuture<VideoTask> f = awaiter(port).await(ID, AwaitOptions.defaults());
        time.advanceUntil(f::isDone, Duration.ofMinutes(1));

        assertThat(f.join().results()).hasSize(1);
        assertThat(f.join().resultProblems()).containsExactly("result 1: the url is empty");
        assertThat(port.fetchCount()).isEqualTo(1);
    }

    @Test
    void aFailedTaskWithBadResultEntriesIsAFailedTask() {
        VideoTask failed = withProblems(snap("failed").error("boom", "no").build(), "result 0: the url is null");
        FakeTaskPort port = Scripts.scripted(time, failed);

        CompletableFuture<VideoTask> f = awaiter(port).await(ID, AwaitOptions.defaults());
        time.advanceUntil(f::isDone, Duration.ofMinutes(1));

        assertThat(failureOf(f)).isInstanceOf(TaskFailedException.class);
        assertThat(port.fetchCount()).isEqualTo(1);
    }

    @Test
    void aRetryAfterBeyondTheDeadlineSaysSo() {
        RateLimitException limited = new RateLimitException(429, "rate_limit_error", null, "slow down", "{}", false, Duration.ofSeconds(3600));
        FakeTaskPort port = Scripts.scripted(time, limited);

        CompletableFuture<VideoTask> f = new TaskAwaiter(port, time).await(ID, AwaitOptions.builder().timeout(Duration.ofSeconds(20)).build());
        time.advance(Duration.ofMinutes(1));

        AwaitTimeoutException e = (AwaitTimeoutException) failureOf(f);
        assertThat(e.retryAfterBeyondDeadline()).contains(Duration.ofSeconds(3600));
        assertThat(e.getMessage()).contains("the server asked to wait 3600 s", "3580 s beyond the wait's deadline");
    }

    @Test
    void aWellFormedButWrongAnswerEndsTheWait() {
        var wrong = new dev.vidgen.client.error.MalformedResponseException("answer for another task", null, false, false);
        FakeTaskPort port = Scripts.scripted(time, snap("processing").build(), wrong);

        CompletableFuture<VideoTask> f = awaiter(port).await(ID, AwaitOptions.defaults());
        time.advance(Duration.ofMinutes(10));

        assertThat(failureOf(f)).isSameAs(wrong);
        assertThat(port.fetchCount()).isEqualTo(2);
    }

    @Test
    void aHugeTimeoutDoesNotOverflow() {
        FakeTaskPort port = Scripts.scripted(time, snap("processing").build(), snap("completed").result("https://cdn.example.com/a.mp4").build());

        CompletableFuture<VideoTask> f = awaiter(port).await(ID, AwaitOptions.builder().timeout(Duration.ofHours(99_999_999_999_999L)).build());
        time.advanceUntil(f::isDone, Duration.ofMinutes(5));

        assertThat(f.join().status().state()).isEqualTo(TaskState.COMPLETED);
    }
}
