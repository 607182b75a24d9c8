package dev.vidgen.client.testsupport;

import dev.vidgen.domain.VideoRequest;
import dev.vidgen.domain.task.TaskId;
import dev.vidgen.domain.task.VideoTask;
import dev.vidgen.ports.CallSettings;
import dev.vidgen.ports.TaskSubmissionPort;
import dev.vidgen.ports.time.Scheduler;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link TaskSubmissionPort} answering fetches from a script, recording every fetch (id, time,
 * options, future). Only fetches are supported.
 */
public final class FakeTaskPort implements TaskSubmissionPort {

    /** One fetch as the port saw it. */
    public record Fetch(TaskId id, int number, Instant at, CallSettings options, CompletableFuture<VideoTask> future) {
    }

    /** Answers the {@code number}-th (from 1) fetch of a task. */
    @FunctionalInterface
    public interface Responder {
        CompletableFuture<VideoTask> answer(TaskId id, int number, Instant at, CallSettings options);
    }

    private final Scheduler clock;
    private final Responder responder;
    private final List<Fetch> fetches = new ArrayList<>();
    private final Map<TaskId, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final AtomicInteger total = new AtomicInteger();

    public FakeTaskPort(Scheduler clock, Responder responder) {
        this.clock = clock;
        this.responder = responder;
    }

    /**
     * Answers a task's fetches in turn from {@code answers} (the last one repeats): a
     * {@link VideoTask} is returned (its observedAt set to now), a {@link RuntimeException} fails
     * the fetch, {@link #NEVER} leaves it pending forever.
     */
    public static FakeTaskPort scripted(Scheduler clock, Object... answers) {
        return new FakeTaskPort(clock, (id, n, at, options) -> {
            Object a = answers[Math.min(n, answers.length) - 1];
            return toFuture(a, at);
        });
    }

    /** Answers with the state of a simulated task at the time of the fetch. */
    public static FakeTaskPort simulated(Scheduler clock, java.util.function.Function<TaskId, SimulatedTask> tasks) {
        return new FakeTaskPort(clock, (id, n, at, options) -> CompletableFuture.completedFuture(tasks.apply(id).at(at)));
    }

    /** A marker answer: the fetch never completes. */
    public static final Object NEVER = new Object() {
        @Override
        public String toString() {
            return "NEVER";
        }
    };

    static CompletableFuture<VideoTask> toFuture(Object a, Instant at) {
        if (a == NEVER) {
            return new CompletableFuture<>();
        }
        if (a instanceof RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
        VideoTask t = (VideoTask) a;
        return CompletableFuture.completedFuture(new VideoTask(t.id(), t.model(), t.status(), t.progress(), t.estimatedTime(),
                t.results(), t.error(), t.usage(), t.createdAt(), at, null, t.resultProblems()));
    }

    @Override
    public CompletableFuture<VideoTask> submitAsync(VideoRequest request, CallSettings options) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("the fake port only fetches"));
    }

    @Override
    public CompletableFuture<VideoTask> fetchAsync(TaskId id, CallSettings options) {
        int n = counts.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
        total.incrementAndGet();
        Instant at = clock.now();
        CompletableFuture<VideoTask> f = responder.answer(id, n, at, options);
        synchronized (fetches) {
            fetches.add(new Fetch(id, n, at, options, f));
        }
        return f;
    }

    /** Every fetch so far, in order. */
    public List<Fetch> fetches() {
        synchronized (fetches) {
            return List.copyOf(fetches);
        }
    }

    /** The fetches of one task. */
    public List<Fetch> fetchesOf(TaskId id) {
        return fetches().stream().filter(f -> f.id().equals(id)).toList();
    }

    /** How many fetches in all. */
    public int fetchCount() {
        return total.get();
    }
}
