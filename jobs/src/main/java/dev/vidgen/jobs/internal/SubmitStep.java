package dev.vidgen.jobs.internal;

import dev.vidgen.client.error.ApiException;
import dev.vidgen.client.error.AuthenticationException;
import dev.vidgen.client.error.InsufficientQuotaException;
import dev.vidgen.client.error.RequestValidationException;
import dev.vidgen.client.error.VidgenException;
import dev.vidgen.domain.VideoRequest;
import dev.vidgen.domain.task.VideoTask;
import dev.vidgen.domain.validation.Violation;
import dev.vidgen.jobs.Job;
import dev.vidgen.jobs.JobState;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Submit-once: {@code submitting} is committed before the POST, the task id as soon as the answer
 * arrives. An error that certainly created no task puts the job back in the queue; any other
 * makes it in doubt, never submitted again automatically.
 */
public final class SubmitStep {

    private final JobContext ctx;
    private final PollStep poll;

    /** The step, handing running jobs to {@code poll}. */
    public SubmitStep(JobContext ctx, PollStep poll) {
        this.ctx = ctx;
        this.poll = poll;
    }

    /** Submits a queued job when the limits allow. */
    public Next run(Job queued) throws InterruptedException {
        if (ctx.stopper().get() != null) {
            return Next.after(Duration.ofSeconds(5)); // 401/402 seen: submitting more would fail the same way
        }
        VideoRequest request = ctx.requests().decode(ctx.repository().requestJson(queued.key()).orElseThrow()
                .getBytes(StandardCharsets.UTF_8));
        ctx.gate().awaitSlot();
        Instant now = ctx.now();
        Job submitting = JobChange.of(queued).state(JobState.SUBMITTING).attempted().submittedAt(now).at(now);
        Optional<Gate.Refusal> refusal;
        try {
            refusal = ctx.gate().claim(submitting, ctx.owner());
        } catch (IllegalStateException cancelledMeanwhile) {
            return Next.done();
        }
        if (refusal.isPresent()) {
            return Next.after(Gate.retryDelay(refusal.get()));
        }
        ctx.dispatch().transitioned(submitting, JobState.QUEUED);

        VideoTask task;
        try {
            task = ctx.client().submit(request);
        } catch (RequestValidationException e) {
            String rules = e.violations().stream().map(Violation::ruleId).collect(Collectors.joining(", "));
            return settle(submitting, JobState.FAILED, "validation", "the client refused the request (" + rules + "): " + e.getMessage());
        } catch (VidgenException e) {
            if (e.taskMayHaveBeenCreated()) {
                return settle(submitting, JobState.IN_DOUBT, "submit_outcome_unknown",
                        "the submit may have created a task (" + e.getMessage() + "); check the API, then resubmit if none exists");
            }
            if (e instanceof AuthenticationException || e instanceof InsufficientQuotaException) {
                ctx.stopper().compareAndSet(null, e);
            }
            Job back = JobChange.of(submitting).state(JobState.QUEUED).error(code(e), e.getMessage()).at(ctx.now());
            Duration delay = e instanceof ApiException api && api.retryAfter().isPresent()
                    ? api.retryAfter().get() : Backoff.after(back.attempts());
            ctx.commit(back, JobState.SUBMITTING, Instant.now().plus(delay));
            return Next.after(delay);
        } catch (RuntimeException e) {
            return settle(submitting, JobState.IN_DOUBT, "submit_outcome_unknown",
                    "the submit ended unexpectedly (" + e + "); a task may exist: check the API, then resubmit if none exists");
        }
        Instant answered = ctx.now();
        Job running = JobChange.of(submitting).state(JobState.RUNNING).taskId(task.id()).model(task.model())
                .progress(task.progress()).usage(task.usage()).error(null, null).at(answered);
        Duration delay = poll.delay(running, task);
        ctx.commit(running, JobState.SUBMITTING, Instant.now().plus(delay));
        return Next.after(delay);
    }

    private Next settle(Job submitting, JobState to, String code, String message) {
        ctx.commit(JobChange.of(submitting).state(to).error(code, message).at(ctx.now()), JobState.SUBMITTING, null);
        return Next.done();
    }

    /** A short code for a client error: its type without "Exception" ({@code RateLimit}). */
    static String code(RuntimeException e) {
        return e.getClass().getSimpleName().replace("Exception", "");
    }
}
