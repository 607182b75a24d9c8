package dev.vidgen.jobs.internal;

import dev.vidgen.client.await.PollHistory;
import dev.vidgen.client.error.AuthenticationException;
import dev.vidgen.client.error.TaskNotFoundException;
import dev.vidgen.client.error.VidgenException;
import dev.vidgen.domain.task.TaskResult;
import dev.vidgen.domain.task.VideoTask;
import dev.vidgen.jobs.Job;
import dev.vidgen.jobs.JobState;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Polls a running job by its task id with the client's adaptive polling (the next poll time is
 * persisted, so a restart resumes the same schedule); a completed task goes to the store step at once.
 */
public final class PollStep {

    private final JobContext ctx;
    private StoreStep store;

    /** The step. */
    public PollStep(JobContext ctx) {
        this.ctx = ctx;
    }

    /** Where completed jobs go next. */
    public void storeWith(StoreStep step) {
        this.store = step;
    }

    /** Queries the task once and records what it says. */
    public Next run(Job running) {
        VideoTask task;
        try {
            task = ctx.client().get(running.taskId());
        } catch (TaskNotFoundException e) {
            ctx.commit(JobChange.of(running).polled().state(JobState.FAILED).error("task_not_found",
                    "the API does not know task " + running.taskId().value() + ": " + e.getMessage()).at(ctx.now()), JobState.RUNNING, null);
            return Next.done();
        } catch (VidgenException e) {
            if (e instanceof AuthenticationException) {
                ctx.stopper().compareAndSet(null, e);
            }
            Job again = JobChange.of(running).polled().error(SubmitStep.code(e), e.getMessage()).at(ctx.now());
            Duration delay = Backoff.after(Math.min(again.polls(), 4));
            ctx.commit(again, JobState.RUNNING, Instant.now().plus(delay));
            return Next.after(delay);
        }
        return observe(JobChange.of(running).polled().at(ctx.now()), task);
    }

    /** Records a snapshot of the task of a running job; returns what is left to do. */
    Next observe(Job running, VideoTask task) {
        Instant now = ctx.now();
        switch (task.status().state()) {
            case COMPLETED -> {
                if (task.results().isEmpty()) {
                    ctx.commit(JobChange.of(running).state(JobState.FAILED).usage(task.usage()).error("no_results",
                            "the task completed without a usable result: " + String.join("; ", task.resultProblems())).at(now),
                            JobState.RUNNING, null);
                    return Next.done();
                }
                Job completed = JobChange.of(running).state(JobState.COMPLETED).progress(100).usage(task.usage())
                        .model(task.model()).completedAt(now).error(null, null)
                        .resultUrls(task.results().stream().map(TaskResult::url).toList()).at(now);
                if (!ctx.commit(completed, JobState.RUNNING, null)) {
                    return Next.done();
                }
                return store.run(completed);
            }
            case FAILED, CANCELLED -> {
                String code = task.error() != null && task.error().code() != null ? task.error().code() : task.status().raw();
                String message = task.error() != null && task.error().message() != null ? task.error().message()
                        : "the task ended " + task.status().raw();
                ctx.commit(JobChange.of(running).state(JobState.FAILED).usage(task.usage()).error(code, message).at(now),
                        JobState.RUNNING, null);
                return Next.done();
            }
            default -> {
                Duration delay = delay(running, task);
                ctx.commit(JobChange.of(running).progress(task.progress()).usage(task.usage()).model(task.model())
                        .error(null, null).at(now), JobState.RUNNING, Instant.now().plus(delay));
                return Next.after(delay);
            }
        }
    }

    /** The adaptive delay before the next query, from the latest snapshot (as the client's {@code await} computes it). */
    Duration delay(Job job, VideoTask latest) {
        Instant now = ctx.now();
        Instant started = job.submittedAt() == null ? now : job.submittedAt();
        PollHistory history = new PollHistory(started.isAfter(now) ? now : started, now, job.polls(), null, null, null, null)
                .observe(latest, now);
        return ctx.polling().polling().nextDelay(history, ctx.polling().minInterval(), ctx.polling().maxInterval(),
                ThreadLocalRandom.current().nextDouble());
    }
}
