package dev.vidgen.cli;

import dev.vidgen.jobs.Job;
import dev.vidgen.jobs.JobConflictException;
import dev.vidgen.jobs.JobKey;
import dev.vidgen.jobs.JobState;
import dev.vidgen.jobs.Journal;
import dev.vidgen.jobs.DirectoryResultStore;
import dev.vidgen.jobs.VideoJobs;
import dev.vidgen.jobs.VideoJobsBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;

/** {@code vidgen batch FILE}: a durable batch of jobs; running it again resumes it. */
@Command(name = "batch", description = {
    "Run a batch of jobs from a JSON Lines file, durably: each job is submitted once, its results stored in --out.",
    "Running the same command again resumes: stored jobs are skipped, running ones awaited, in-doubt ones listed."
})
final class BatchCommand implements Callable<Integer> {

    @ParentCommand
    VidgenCli root;

    @Parameters(paramLabel = "FILE|-", description = "JSON Lines: a request body, or {\"key\": ..., \"request\": {...}}, per line")
    String file;

    @Mixin
    JournalOptions where;

    @Option(names = "--concurrency", paramLabel = "N", description = "Worker threads (default 4)")
    int concurrency = 4;

    @Option(names = "--max-in-flight", paramLabel = "N", description = "Jobs submitting or running at once, across every instance (default 8)")
    int maxInFlight = 8;

    @Option(names = "--max-credits", paramLabel = "N", description = "Stop submitting once the credits reported reach N (approximate)")
    Long maxCredits;

    @Option(names = "--timeout", paramLabel = "DURATION", converter = Durations.class,
            description = "Stop waiting after DURATION (exit 5; the next run resumes)")
    Duration timeout;

    @Option(names = "--resubmit-in-doubt", description = "Submit again the jobs in doubt (check the API first: each may exist)")
    boolean resubmitInDoubt;

    @Option(names = "--json", description = "Print results.jsonl lines on stdout")
    boolean json;

    @Mixin
    ApiOptions api;

    @Override
    public Integer call() throws InterruptedException {
        if (concurrency < 1 || maxInFlight < 1 || (maxCredits != null && maxCredits < 0)) {
            throw CliException.usage("--concurrency and --max-in-flight must be >= 1, --max-credits >= 0");
        }
        BatchFile batch = BatchFile.parse(new String(BatchInput.read(file, root.context().in()), StandardCharsets.UTF_8));
        if (!batch.problems().isEmpty()) {
            root.err().println("error: " + batch.problems().size() + " problem(s) in " + Printable.text(file) + "; nothing was submitted");
            batch.problems().forEach(p -> root.err().println("  " + Printable.text(p.describe())));
            return ExitCode.INVALID_REQUEST;
        }
        Set<JobKey> keys = new LinkedHashSet<>();
        batch.entries().forEach(e -> keys.add(e.key()));
        try (Session session = Session.open(root, api)) {
            Journal journal = where.open();
            VideoJobsBuilder b = VideoJobs.builder().client(session.client()).journal(journal)
                    .resultStore(new DirectoryResultStore(where.outDir())).workers(concurrency).maxInFlight(maxInFlight)
                    .applySchema(true);
            if (maxCredits != null) {
                b.creditBudget(maxCredits);
            }
            VideoJobs jobs;
            try {
                jobs = b.build();
            } catch (RuntimeException e) {
                journal.close();
                throw new CliException(ExitCode.USAGE, "cannot use the journal: " + JournalOptions.maskPassword(String.valueOf(e.getMessage())), e);
            }
            try (jobs) {
                return run(jobs, batch, keys);
            }
        }
    }

    private int run(VideoJobs jobs, BatchFile batch, Set<JobKey> keys) throws InterruptedException {
        for (BatchFile.Entry e : batch.entries()) {
            try {
                Job j = jobs.enqueue(e.key(), e.request());
                if (j.state() == JobState.IN_DOUBT) {
                    if (resubmitInDoubt) {
                        jobs.resubmit(j.key());
                    } else {
                        root.err().println("in doubt: " + Printable.text(j.key().value()) + " (line " + e.line() + "): "
                                + Printable.text(String.valueOf(j.lastError())) + "; not resubmitted (--resubmit-in-doubt)");
                    }
                }
            } catch (JobConflictException c) {
                throw new CliException(ExitCode.INVALID_REQUEST, "line " + e.line() + ": " + Printable.text(c.getMessage()));
            }
        }
        jobs.start();
        BatchProgress progress = new BatchProgress(root.err(), root.context().terminal(), keys);
        int settledAtStart = (int) jobs.jobs().stream().filter(j -> keys.contains(j.key()) && j.state().isSettled()).count();
        long deadline = timeout == null ? Long.MAX_VALUE : System.nanoTime() + timeout.toNanos();
        boolean settled;
        while (true) {
            List<Job> all = jobs.jobs();
            progress.show(all, settledAtStart);
            settled = all.stream().filter(j -> keys.contains(j.key())).allMatch(j -> j.state().isSettled());
            boolean budgetStuck = jobs.budgetSpent() && all.stream().noneMatch(j -> keys.contains(j.key()) && j.state().isInFlight()
                    || keys.contains(j.key()) && j.state() == JobState.COMPLETED);
            if (settled || budgetStuck || jobs.stoppedBy().isPresent() || System.nanoTime() > deadline) {
                break;
            }
            Thread.sleep(200);
        }
        progress.finish();
        List<Job> mine = jobs.jobs().stream().filter(j -> keys.contains(j.key())).toList();
        BatchReport.write(where.outDir(), mine);
        BatchReport.print(root.out(), mine, json);
        return exitCode(jobs, mine, settled);
    }

    private int exitCode(VideoJobs jobs, List<Job> mine, boolean settled) {
        if (jobs.stoppedBy().isPresent()) {
            throw new CliException(ExitCode.API_ERROR, "the batch stopped: " + jobs.stoppedBy().get().getMessage()
                    + "; no task was created by the refused submits", jobs.stoppedBy().get());
        }
        Map<JobState, Long> n = new java.util.EnumMap<>(JobState.class);
        mine.forEach(j -> n.merge(j.state(), 1L, Long::sum));
        if (n.getOrDefault(JobState.IN_DOUBT, 0L) > 0) {
            return ExitCode.IN_DOUBT;
        }
        if (!settled && n.getOrDefault(JobState.QUEUED, 0L) > 0 && jobs.budgetSpent()) {
            root.err().println("note: the credit budget (--max-credits) is spent; " + n.get(JobState.QUEUED) + " job(s) were not submitted");
            return ExitCode.TASK_FAILED;
        }
        if (!settled) {
            root.err().println("note: --timeout reached with jobs still running; run the same command again to resume them");
            return ExitCode.TIMEOUT;
        }
        boolean anyFailed = mine.stream().anyMatch(j -> j.state() != JobState.STORED);
        return anyFailed ? ExitCode.TASK_FAILED : ExitCode.OK;
    }
}
