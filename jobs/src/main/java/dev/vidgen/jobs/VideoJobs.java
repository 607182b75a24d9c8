package dev.vidgen.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.task.helper.CustomTask;
import dev.vidgen.client.VideoClient;
import dev.vidgen.client.error.RequestValidationException;
import dev.vidgen.domain.VideoRequest;
import dev.vidgen.domain.validation.Violation;
import dev.vidgen.jobs.internal.JobChange;
import dev.vidgen.jobs.internal.JobContext;
import dev.vidgen.jobs.internal.JobRepository;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Durable video jobs: a paid task is remembered in a journal until its results are safely stored,
 * across crashes, restarts and several instances.
 *
 * <pre>{@code
 * try (VideoJobs jobs = VideoJobs.builder().client(client).journal(Journal.embedded(dir))
 *         .resultStore(new DirectoryResultStore(dir)).build()) {
 *     jobs.start();
 *     jobs.enqueue(JobKey.of("order-42"), request);   // persisted, returns at once
 * }
 * }</pre>
 *
 * <p>The journal's transitions are vidgen's: {@code submitting} is committed before the POST and the
 * task id as soon as the answer arrives, so a job found in {@code submitting} after a crash is
 * {@link JobState#IN_DOUBT in doubt} and never submitted again by itself ({@link #resubmit}).
 * Claiming, heartbeats and take-over of a dead instance's jobs are db-scheduler's. Thread-safe.
 */
public final class VideoJobs implements AutoCloseable {

    private final Journal journal;
    private final JobRepository repository;
    private final JobContext context;
    private final Scheduler scheduler;
    private final CustomTask<Void> task;
    private final Duration takeOverBound;
    private volatile boolean started;

    VideoJobs(Journal journal, JobContext context, Scheduler scheduler, CustomTask<Void> task, Duration takeOverBound) {
        this.journal = journal;
        this.repository = context.repository();
        this.context = context;
        this.scheduler = scheduler;
        this.task = task;
        this.takeOverBound = takeOverBound;
    }

    /** A builder. */
    public static VideoJobsBuilder builder() {
        return new VideoJobsBuilder();
    }

    /**
     * Starts working: every unsettled job of the journal is resumed (queued ones submitted, running
     * ones polled by task id, completed ones stored) and every in-doubt job is reported to the
     * listeners again ({@code from == to == IN_DOUBT}). Idempotent.
     */
    public synchronized VideoJobs start() {
        if (started) {
            return this;
        }
        started = true;
        for (JobKey key : repository.unsettledKeys()) {
            schedule(key); // a crash between insert and schedule leaves a job without an execution
        }
        for (Job j : repository.list(JobState.IN_DOUBT)) {
            context.dispatch().transitioned(j, JobState.IN_DOUBT);
        }
        scheduler.start();
        return this;
    }

    /**
     * Validates (the client's rules; nothing is persisted if invalid), persists and returns at once.
     * The same key is never submitted twice: enqueueing an existing key returns the existing job.
     *
     * @throws RequestValidationException the request breaks a rule
     * @throws JobConflictException       the key names a job with a different request
     */
    public Job enqueue(JobKey key, VideoRequest request) {
        List<Violation> violations = context.client().validate(request);
        if (!violations.isEmpty()) {
            throw new RequestValidationException(violations);
        }
        String json = new String(context.requests().encode(request), StandardCharsets.UTF_8);
        String sha = sha256(json);
        Instant now = context.now();
        Job job = new Job(key, JobState.QUEUED, request.modelId(), null, null, 0, 0, null, null, null, now, null, null,
                null, now, List.of(), List.of(), sha);
        if (!repository.insert(job, json)) {
            Job existing = repository.find(key).orElseThrow();
            if (!existing.requestSha256().equals(sha)) {
                throw new JobConflictException(key, "job '" + key + "' exists with a different request (" + existing.model()
                        + ", " + existing.state().label() + "); a key names one request: use another key");
            }
            return existing;
        }
        context.dispatch().transitioned(job, JobState.QUEUED);
        schedule(key);
        return job;
    }

    /** The job under {@code key}. */
    public Optional<Job> job(JobKey key) {
        return repository.find(key);
    }

    /** Every job, by key. */
    public List<Job> jobs() {
        return repository.list(null);
    }

    /** The jobs in {@code state}, by key. */
    public List<Job> jobs(JobState state) {
        return repository.list(state);
    }

    /** How many jobs are in each state (every state present). */
    public Map<JobState, Long> counts() {
        return repository.counts();
    }

    /**
     * Queues again a job that is in doubt, failed or expired, for a user who has checked that no task
     * exists (in doubt) or who wants a new one (a new task is paid for).
     *
     * @throws JobStateException the job is in another state
     */
    public Job resubmit(JobKey key) {
        Job job = repository.find(key).orElseThrow(() -> new JobStateException("no job '" + key + "'"));
        if (job.state() != JobState.IN_DOUBT && job.state() != JobState.FAILED && job.state() != JobState.EXPIRED) {
            throw new JobStateException("job '" + key + "' is " + job.state().label()
                    + "; only in-doubt, failed or expired jobs can be resubmitted");
        }
        Job queued = JobChange.of(job).state(JobState.QUEUED).taskId(null).resultUrls(List.of()).completedAt(null)
                .error(null, "resubmitted after " + job.state().label()).at(context.now());
        if (!context.commit(queued, job.state(), null)) {
            throw new JobStateException("job '" + key + "' changed meanwhile; look at it again");
        }
        schedule(key);
        return queued;
    }

    /**
     * Cancels a queued job (the API has no cancel endpoint, so a submitted job cannot be).
     *
     * @throws JobStateException the job is not queued
     */
    public Job cancel(JobKey key) {
        Job job = repository.find(key).orElseThrow(() -> new JobStateException("no job '" + key + "'"));
        Job cancelled = JobChange.of(job).state(JobState.CANCELLED).at(context.now());
        if (job.state() != JobState.QUEUED || !context.commit(cancelled, JobState.QUEUED, null)) {
            throw new JobStateException("job '" + key + "' is " + repository.find(key).map(j -> j.state().label()).orElse("gone")
                    + "; only queued jobs can be cancelled (the API cannot cancel a submitted task)");
        }
        return cancelled;
    }

    /** Deletes finished jobs (stored, failed, expired, cancelled; never in doubt) last changed more than {@code age} ago. */
    public int purge(Duration age) {
        return repository.purge(context.now().minus(age));
    }

    /**
     * Waits until every job in {@code keys} is settled ({@link JobState#isSettled()}), at most {@code timeout}.
     *
     * @return whether they all are
     */
    public boolean awaitSettled(Collection<JobKey> keys, Duration timeout) throws InterruptedException {
        Set<JobKey> wanted = Set.copyOf(keys);
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Set<JobKey> open = repository.list(null).stream().filter(j -> wanted.contains(j.key()) && !j.state().isSettled())
                    .map(Job::key).collect(Collectors.toSet());
            if (open.isEmpty()) {
                return true;
            }
            if (System.nanoTime() > deadline || stoppedBy().isPresent()) {
                return false;
            }
            Thread.sleep(100);
        }
    }

    /** The error that stopped all submits (401 or 402: every further submit would fail alike), once seen. */
    public Optional<RuntimeException> stoppedBy() {
        return Optional.ofNullable(context.stopper().get());
    }

    /** Whether the credit budget is spent (approximate: credits are known only after the API reported them). */
    public boolean budgetSpent() {
        return context.gate().budgetSpent();
    }

    /**
     * The longest a dead instance's job waits before another instance takes it over:
     * heartbeat interval × (missed heartbeats + 2) + polling interval (db-scheduler's dead-execution check).
     */
    public Duration takeOverBound() {
        return takeOverBound;
    }

    Journal journal() {
        return journal;
    }

    /** The client jobs are submitted with. */
    public VideoClient client() {
        return context.client();
    }

    /** Stops working (a step under way is let finish, up to 30 s) and closes the journal; the client is left open. */
    @Override
    public void close() {
        if (started) {
            scheduler.stop();
        }
        journal.close();
    }

    private void schedule(JobKey key) {
        scheduler.scheduleIfNotExists(task.instance(key.value()), Instant.now());
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required of every Java platform", e);
        }
    }
}
