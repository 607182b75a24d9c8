package dev.vidgen.client.testsupport;

import dev.vidgen.domain.task.TaskId;
import dev.vidgen.domain.task.VideoTask;
import dev.vidgen.fake.port.FakeTaskPort;
import dev.vidgen.ports.time.Scheduler;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Fetch answers for the shared {@link FakeTaskPort} (which records every fetch): the awaiter's
 * tests need exact snapshots, failures and answers that never come, in virtual time.
 */
public final class Scripts {

    /** A marker answer: the fetch never completes. */
    public static final Object NEVER = new Object() {
        @Override
        public String toString() {
            return "NEVER";
        }
    };

    private Scripts() {
    }

    /** A port on {@code clock} whose fetches {@code responder} answers. */
    public static FakeTaskPort answering(Scheduler clock, FakeTaskPort.FetchResponder responder) {
        return FakeTaskPort.builder().clock(clock).answerFetches(responder).build();
    }

    /**
     * Answers a task's fetches in turn from {@code answers} (the last one repeats): a
     * {@link VideoTask} is returned (its observedAt set to now), a {@link RuntimeException} fails
     * the fetch, {@link #NEVER} leaves it pending forever.
     */
    public static FakeTaskPort scripted(Scheduler clock, Object... answers) {
        return answering(clock, (id, n, at, options) -> toFuture(answers[Math.min(n, answers.length) - 1], at));
    }

    /** Answers with the state of a simulated task at the time of the fetch. */
    public static FakeTaskPort simulated(Scheduler clock, Function<TaskId, SimulatedTask> tasks) {
        return answering(clock, (id, n, at, options) -> CompletableFuture.completedFuture(tasks.apply(id).at(at)));
    }

    private static CompletableFuture<VideoTask> toFuture(Object a, Instant at) {
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
}
