package dev.vidgen.jobs;

import com.github.kagkarlsson.scheduler.Scheduler;
import com.github.kagkarlsson.scheduler.SchedulerName;
import dev.vidgen.client.VideoClient;
import dev.vidgen.client.await.AwaitOptions;
import dev.vidgen.client.protocol.RequestJson;
import dev.vidgen.jobs.internal.Dispatch;
import dev.vidgen.jobs.internal.Gate;
import dev.vidgen.jobs.internal.JobContext;
import dev.vidgen.jobs.internal.JobRepository;
import dev.vidgen.jobs.internal.JobWorker;
import dev.vidgen.jobs.internal.Schema;
import dev.vidgen.jobs.internal.Tables;

import java.lang.management.ManagementFactory;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;

/** Builds a {@link VideoJobs}. A client and a journal are required; everything else has a default. */
public final class VideoJobsBuilder {

    private VideoClient client;
    private Journal journal;
    private ResultStore store;
    private int maxInFlight = 8;
    private Long creditBudget;
    private Duration submitSpacing = Duration.ofMillis(100);
    private int workers = 4;
    private final List<JobListener> listeners = new ArrayList<>();
    private Clock clock = Clock.systemUTC();
    private AwaitOptions polling = AwaitOptions.defaults();
    private String instanceName;
    private Duration heartbeat;
    private int missedHeartbeats;
    private Duration pollingInterval = Duration.ofMillis(500);
    private Boolean applySchema;
    private Tables tables = Tables.defaults();

    VideoJobsBuilder() {
    }

    /** The client jobs are validated and submitted with (required; not closed by the service). */
    public VideoJobsBuilder client(VideoClient c) { this.client = c; return this; }

    /** The journal (required); the service closes it. */
    public VideoJobsBuilder journal(Journal j) { this.journal = j; return this; }

    /** Where results go (default: a {@link DirectoryResultStore} in the working directory). */
    public VideoJobsBuilder resultStore(ResultStore s) { this.store = s; return this; }

    /** The most jobs submitting or running at once, across every instance sharing the journal (default 8). */
    public VideoJobsBuilder maxInFlight(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("maxInFlight must be >= 1, got " + n);
        }
        this.maxInFlight = n;
        return this;
    }

    /**
     * Stops submitting new jobs once the credits the API reported for this journal's jobs reach
     * {@code credits}. Approximate: a task's credits are known only after the API first answered for
     * it, so the jobs in flight when the budget is reached may exceed it.
     */
    public VideoJobsBuilder creditBudget(long credits) {
        if (credits < 0) {
            throw new IllegalArgumentException("creditBudget must be >= 0, got " + credits);
        }
        this.creditBudget = credits;
        return this;
    }

    /** The least time between two submits of this instance, so a burst does not meet a wall of 429s (default 100 ms). */
    public VideoJobsBuilder submitSpacing(Duration d) { this.submitSpacing = Objects.requireNonNull(d); return this; }

    /** Worker threads of this instance (default 4). */
    public VideoJobsBuilder workers(int n) {
        if (n < 1) {
            throw new IllegalArgumentException("workers must be >= 1, got " + n);
        }
        this.workers = n;
        return this;
    }

    /** Adds a listener of every transition. */
    public VideoJobsBuilder listener(JobListener l) { this.listeners.add(Objects.requireNonNull(l)); return this; }

    /** The clock of journal times and of the 24-hour result expiry (default: the system's, UTC). */
    public VideoJobsBuilder clock(Clock c) { this.clock = Objects.requireNonNull(c); return this; }

    /** The polling's min and max interval and strategy (default {@link AwaitOptions#defaults()}; its timeout is unused). */
    public VideoJobsBuilder polling(AwaitOptions o) { this.polling = Objects.requireNonNull(o); return this; }

    /** This instance's name in the journal, at most 50 characters (default: host name and process id). */
    public VideoJobsBuilder instanceName(String name) {
        if (name.isBlank() || name.length() > 50) {
            throw new IllegalArgumentException("instanceName must be 1 to 50 characters");
        }
        this.instanceName = name;
        return this;
    }

    /**
     * How often a working instance says it is alive, and after how many missed beats it is taken
     * for dead and its jobs taken over (default: 1 s and 4 for the embedded journal, whose one
     * process restarts; 2 s and 5 for a shared one).
     */
    public VideoJobsBuilder heartbeat(Duration interval, int missed) {
        if (missed < 4) { // db-scheduler's minimum
            throw new IllegalArgumentException("missed heartbeats must be >= 4, got " + missed);
        }
        this.heartbeat = Objects.requireNonNull(interval);
        this.missedHeartbeats = missed;
        return this;
    }

    /** How often an idle instance looks for due work in the journal (default 500 ms). */
    public VideoJobsBuilder pollingInterval(Duration d) { this.pollingInterval = Objects.requireNonNull(d); return this; }

    /**
     * Whether vidgen may create the journal's tables when they are missing (default: yes for the
     * embedded journal; no for a shared one, whose schema the application's migrations own:
     * {@code db/vidgen/postgresql/V1__jobs.sql} in the jar).
     */
    public VideoJobsBuilder applySchema(boolean allow) { this.applySchema = allow; return this; }

    /**
     * The prefix of the journal's table, index and key names (default {@code vidgen_}): {@code <prefix>jobs},
     * {@code <prefix>jobs_gate} and {@code <prefix>scheduled_tasks}, so that vidgen's tables sit beside the
     * application's, or two services share one schema without meeting. Lower-case letters, digits and
     * {@code _}, starting with a letter, at most 43 characters (the longest derived name then fits PostgreSQL's 63).
     * The shipped DDL uses {@code vidgen_}; to run it by hand under another prefix, replace each {@code vidgen_} with it.
     *
     * @throws IllegalArgumentException naming {@code tablePrefix}, the rule and the value, when {@code prefix} breaks the rule or is null
     */
    public VideoJobsBuilder tablePrefix(String prefix) {
        this.tables = Tables.withPrefix(prefix);
        return this;
    }

    /**
     * Builds the service (the schema is checked or applied now); call {@link VideoJobs#start()} to work.
     *
     * @throws IllegalStateException when the journal has no tables and may not create them
     */
    public VideoJobs build() {
        Objects.requireNonNull(client, "client is required");
        Objects.requireNonNull(journal, "journal is required");
        try {
            Schema.ensure(journal.dataSource(), journal.dialect(), tables, applySchema != null ? applySchema : journal.isEmbedded());
        } catch (SQLException e) {
            throw new IllegalStateException(e.getMessage(), e);
        }
        Duration beat = heartbeat != null ? heartbeat : Duration.ofSeconds(journal.isEmbedded() ? 1 : 2);
        int missed = heartbeat != null ? missedHeartbeats : journal.isEmbedded() ? 4 : 5;
        String name = instanceName != null ? instanceName : defaultName();
        JobRepository repository = new JobRepository(journal.dataSource(), tables);
        JobContext ctx = new JobContext(repository, new Gate(journal.dataSource(), tables, maxInFlight, creditBudget, submitSpacing),
                client, new RequestJson(client.models()), store != null ? store : new DirectoryResultStore(java.nio.file.Path.of("")),
                clock, new Dispatch(listeners), polling, name, new AtomicReference<>());
        JobWorker worker = new JobWorker(ctx);
        Scheduler scheduler = Scheduler.create(journal.dataSource(), worker.task())
                .tableName(tables.scheduledTasks())
                .schedulerName(new SchedulerName.Fixed(name))
                .threads(workers)
                .pollingInterval(pollingInterval)
                .heartbeatInterval(beat)
                .missedHeartbeatsLimit(missed)
                .enableImmediateExecution()
                .shutdownMaxWait(Duration.ofSeconds(30))
                .build();
        Duration bound = beat.multipliedBy(missed + 2L).plus(pollingInterval);
        return new VideoJobs(journal, ctx, scheduler, worker.task(), bound);
    }

    private static String defaultName() {
        String runtime = ManagementFactory.getRuntimeMXBean().getName(); // pid@host
        return runtime.length() > 50 ? runtime.substring(0, 50) : runtime;
    }
}
