package dev.vidgen.cli;

import dev.vidgen.client.VideoClient;
import dev.vidgen.jobs.Job;
import dev.vidgen.jobs.JobKey;
import dev.vidgen.jobs.JobState;
import dev.vidgen.jobs.JobStateException;
import dev.vidgen.jobs.VideoJobs;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.BiFunction;

/**
 * {@code vidgen jobs list|show|resubmit|cancel}: the journal of {@code batch}, without calling the
 * API. {@code resubmit} and {@code cancel} change the journal only; the next (or a running)
 * {@code batch} acts on them.
 */
@Command(name = "jobs", description = "Look at and change the jobs of a batch journal (no API call).",
        subcommands = {JobsCommand.ListJobs.class, JobsCommand.Show.class, JobsCommand.Resubmit.class, JobsCommand.Cancel.class})
final class JobsCommand implements Callable<Integer> {

    @ParentCommand
    VidgenCli root;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        root.err().println("error: jobs needs a subcommand: list, show, resubmit or cancel");
        spec.commandLine().usage(root.err());
        return ExitCode.USAGE;
    }

    /** Opens the journal as a service that is never started: the API is not called. */
    static <T> T withJobs(JournalOptions where, java.util.function.Function<VideoJobs, T> action) {
        // an offline client: the service needs the model catalog to read requests, never the network here
        try (VideoClient offline = VideoClient.builder().apiKey("sk-offline").baseUrl("http://127.0.0.1:9").build()) {
            var journal = where.open();
            VideoJobs jobs;
            try {
                jobs = VideoJobs.builder().client(offline).journal(journal).applySchema(true).build();
            } catch (RuntimeException e) {
                journal.close();
                throw new CliException(ExitCode.USAGE, "cannot use the journal: " + JournalOptions.maskPassword(String.valueOf(e.getMessage())), e);
            }
            try (jobs) {
                return action.apply(jobs);
            }
        }
    }

    /** What every subcommand has: the journal to open and the choice of printing the jobs as results.jsonl lines. */
    abstract static class OnJournal implements Callable<Integer> {
        @ParentCommand
        JobsCommand parent;
        @Mixin
        JournalOptions where;
        @Option(names = "--json", description = "results.jsonl lines")
        boolean json;

        /** Prints {@code jobs} on standard output as the options say. */
        void print(List<Job> jobs) {
            BatchReport.print(parent.root.out(), jobs, json);
        }
    }

    /** {@code jobs list}. */
    @Command(name = "list", description = "List the jobs (key, state, file or error).")
    static final class ListJobs extends OnJournal {
        @Option(names = "--state", paramLabel = "STATE", description = "Only jobs in STATE (queued, running, stored, in-doubt, ...)")
        String state;

        @Override
        public Integer call() {
            JobState s;
            try {
                s = state == null ? null : JobState.parse(state);
            } catch (IllegalArgumentException e) {
                throw CliException.usage(Printable.text(e.getMessage()));
            }
            print(withJobs(where, jobs -> s == null ? jobs.jobs() : jobs.jobs(s)));
            return ExitCode.OK;
        }
    }

    /** The subcommands that take keys. */
    abstract static class OnKeys extends OnJournal {
        @Parameters(paramLabel = "KEY", arity = "1..*", description = "Job keys")
        List<String> keys;

        abstract BiFunction<VideoJobs, JobKey, Job> action();

        @Override
        public Integer call() {
            List<String> errors = new ArrayList<>();
            List<Job> done = withJobs(where, jobs -> {
                List<Job> out = new ArrayList<>();
                for (String k : keys) {
                    try {
                        out.add(action().apply(jobs, new JobKey(k)));
                    } catch (JobStateException | IllegalArgumentException e) {
                        errors.add(e.getMessage());
                    }
                }
                return out;
            });
            print(done);
            errors.forEach(e -> parent.root.err().println("error: " + Printable.text(e)));
            return errors.isEmpty() ? ExitCode.OK : ExitCode.USAGE;
        }
    }

    /** {@code jobs show KEY...}. */
    @Command(name = "show", description = "Show jobs by key.")
    static final class Show extends OnKeys {
        @Override
        BiFunction<VideoJobs, JobKey, Job> action() {
            return (jobs, key) -> jobs.job(key).orElseThrow(() -> new JobStateException("no job '" + key + "'"));
        }
    }

    /** {@code jobs resubmit KEY...}. */
    @Command(name = "resubmit", description = "Queue again in-doubt, failed or expired jobs (the next batch run submits them).")
    static final class Resubmit extends OnKeys {
        @Override
        BiFunction<VideoJobs, JobKey, Job> action() {
            return VideoJobs::resubmit;
        }
    }

    /** {@code jobs cancel KEY...}. */
    @Command(name = "cancel", description = "Cancel queued jobs (a submitted task cannot be cancelled).")
    static final class Cancel extends OnKeys {
        @Override
        BiFunction<VideoJobs, JobKey, Job> action() {
            return VideoJobs::cancel;
        }
    }
}
