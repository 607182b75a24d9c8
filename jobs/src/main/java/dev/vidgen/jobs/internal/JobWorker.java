package dev.vidgen.jobs.internal;

import com.github.kagkarlsson.scheduler.task.CompletionHandler;
import com.github.kagkarlsson.scheduler.task.DeadExecutionHandler;
import com.github.kagkarlsson.scheduler.task.FailureHandler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import dev.vidgen.jobs.Job;
import dev.vidgen.jobs.JobKey;
import dev.vidgen.jobs.JobState;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The glue to db-scheduler: one execution per unsettled job ({@value #TASK_NAME}, instance id = the
 * job key). db-scheduler claims it, heartbeats it and revives it when its instance dies; each run
 * does the job's next step and reschedules it (the next poll) or removes it (settled).
 */
public final class JobWorker {

    /** db-scheduler's task name for vidgen jobs. */
    public static final String TASK_NAME = "vidgen-job";

    private final JobContext ctx;
    private final SubmitStep submit;
    private final PollStep poll;
    private final StoreStep store;
    private final CustomTask<Void> task;

    /** The worker and its db-scheduler task. */
    public JobWorker(JobContext ctx) {
        this.ctx = ctx;
        this.poll = new PollStep(ctx);
        this.store = new StoreStep(ctx);
        this.poll.storeWith(store);
        this.submit = new SubmitStep(ctx, poll);
        this.task = Tasks.custom(TASK_NAME, Void.class)
                .onFailure(new FailureHandler.OnFailureRetryLater<>(Duration.ofSeconds(2)))
                .onDeadExecution(new DeadExecutionHandler.ReviveDeadExecution<>())
                .execute((instance, context) -> completion(step(new JobKey(instance.getId()))));
    }

    /** The db-scheduler task to register. */
    public CustomTask<Void> task() {
        return task;
    }

    private static CompletionHandler<Void> completion(Next next) {
        if (next.isDone()) {
            return (complete, ops) -> ops.remove();
        }
        return (complete, ops) -> ops.reschedule(complete, Instant.now().plus(next.delay()));
    }

    /** Does the next step of the job under {@code key}. */
    Next step(JobKey key) {
        Optional<Job> found = ctx.repository().find(key);
        if (found.isEmpty()) {
            return Next.done(); // purged
        }
        Job job = found.get();
        try {
            return switch (job.state()) {
                case QUEUED -> submit.run(job);
                case SUBMITTING -> inDoubt(job);
                case RUNNING -> poll.run(job);
                case COMPLETED -> store.run(job);
                default -> Next.done();
            };
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Next.after(Duration.ZERO); // shutting down: the job stays where it is, committed
        }
    }

    /**
     * A job found in {@code submitting} at the start of a step: the run that committed it (this
     * instance before a crash, or a dead one) never recorded the answer, so a task may exist.
     */
    private Next inDoubt(Job job) {
        ctx.commit(JobChange.of(job).state(JobState.IN_DOUBT).error("submit_outcome_unknown",
                "the instance that sent its POST at " + job.submittedAt() + " stopped before the answer was committed; "
                        + "a task may exist on the API: check it, then resubmit if none was created").at(ctx.now()),
                JobState.SUBMITTING, null);
        return Next.done();
    }
}
