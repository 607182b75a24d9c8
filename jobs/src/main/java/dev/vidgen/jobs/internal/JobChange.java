package dev.vidgen.jobs.internal;

import dev.vidgen.domain.task.TaskId;
import dev.vidgen.domain.task.Usage;
import dev.vidgen.jobs.Job;
import dev.vidgen.jobs.JobState;
import dev.vidgen.jobs.StoredResult;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/** A changed copy of a {@link Job} (records have no withers): set what changes, then {@link #at}. */
public final class JobChange {

    private final Job j;
    private JobState state;
    private String model;
    private TaskId taskId;
    private Integer progress;
    private int attempts;
    private int polls;
    private String errorCode;
    private String lastError;
    private Usage usage;
    private Instant submittedAt;
    private Instant completedAt;
    private Instant storedAt;
    private List<URI> resultUrls;
    private List<StoredResult> results;

    private JobChange(Job j) {
        this.j = j;
        state = j.state();
        model = j.model();
        taskId = j.taskId();
        progress = j.progress();
        attempts = j.attempts();
        polls = j.polls();
        errorCode = j.errorCode();
        lastError = j.lastError();
        usage = j.usage();
        submittedAt = j.submittedAt();
        completedAt = j.completedAt();
        storedAt = j.storedAt();
        resultUrls = j.resultUrls();
        results = j.results();
    }

    /** A change of {@code job}. */
    public static JobChange of(Job job) {
        return new JobChange(job);
    }

    /** The new state. */
    public JobChange state(JobState s) { state = s; return this; }

    /** The model the API reported. */
    public JobChange model(String m) { if (m != null) { model = m; } return this; }

    /** The task id. */
    public JobChange taskId(TaskId id) { taskId = id; return this; }

    /** The progress. */
    public JobChange progress(Integer p) { if (p != null) { progress = p; } return this; }

    /** One more POST. */
    public JobChange attempted() { attempts++; return this; }

    /** One more task query. */
    public JobChange polled() { polls++; return this; }

    /** An error code and sentence ({@code null}s clear them). */
    public JobChange error(String code, String message) { errorCode = code; lastError = message; return this; }

    /** The usage, when reported. */
    public JobChange usage(Usage u) { if (u != null) { usage = u; } return this; }

    /** When the POST began. */
    public JobChange submittedAt(Instant t) { submittedAt = t; return this; }

    /** When the task was first seen completed. */
    public JobChange completedAt(Instant t) { completedAt = t; return this; }

    /** When the results were stored. */
    public JobChange storedAt(Instant t) { storedAt = t; return this; }

    /** The result URLs. */
    public JobChange resultUrls(List<URI> urls) { resultUrls = urls; return this; }

    /** The stored results. */
    public JobChange results(List<StoredResult> r) { results = r; return this; }

    /** The changed job, updated at {@code now}. */
    public Job at(Instant now) {
        return new Job(j.key(), state, model, taskId, progress, attempts, polls, errorCode, lastError, usage,
                j.enqueuedAt(), submittedAt, completedAt, storedAt, now, resultUrls, results, j.requestSha256());
    }
}
