package dev.vidgen.cli;

import dev.vidgen.jobs.Job;
import dev.vidgen.jobs.JobKey;
import dev.vidgen.jobs.JobState;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The batch's progress on stderr: a live line redrawn in place on a terminal, else one line per
 * change ({@code batch: 12/50 stored, 3 running, 1 failed, 0 in doubt, eta 4m10s}).
 */
final class BatchProgress {

    private final PrintWriter err;
    private final boolean terminal;
    private final Set<JobKey> keys;
    private final long startNanos = System.nanoTime();
    private String last = "";

    BatchProgress(PrintWriter err, boolean terminal, Set<JobKey> keys) {
        this.err = err;
        this.terminal = terminal;
        this.keys = keys;
    }

    /** Prints the line for {@code jobs} when it changed. */
    synchronized void show(List<Job> jobs, int settledAtStart) {
        Map<JobState, Integer> n = new EnumMap<>(JobState.class);
        int settled = 0;
        for (Job j : jobs) {
            if (keys.contains(j.key())) {
                n.merge(j.state(), 1, Integer::sum);
                settled += j.state().isSettled() ? 1 : 0;
            }
        }
        int running = n.getOrDefault(JobState.SUBMITTING, 0) + n.getOrDefault(JobState.RUNNING, 0) + n.getOrDefault(JobState.COMPLETED, 0);
        int failed = n.getOrDefault(JobState.FAILED, 0) + n.getOrDefault(JobState.EXPIRED, 0);
        String line = "batch: " + n.getOrDefault(JobState.STORED, 0) + "/" + keys.size() + " stored, " + running + " running, "
                + failed + " failed, " + n.getOrDefault(JobState.IN_DOUBT, 0) + " in doubt"
                + eta(settled - settledAtStart, keys.size() - settled);
        if (line.equals(last)) {
            return;
        }
        int pad = Math.max(0, last.length() - line.length());
        last = line;
        if (terminal) {
            err.print("\r" + line + " ".repeat(pad)); // no escape sequences: spaces erase a longer previous line
        } else {
            err.println(line);
        }
        err.flush();
    }

    /** Ends the live line. */
    synchronized void finish() {
        if (terminal && !last.isEmpty()) {
            err.println();
            err.flush();
        }
    }

    private String eta(int doneHere, int left) {
        if (left == 0) {
            return ", done";
        }
        if (doneHere <= 0) {
            return "";
        }
        long elapsed = System.nanoTime() - startNanos;
        return ", eta " + Durations.format(Duration.ofNanos(elapsed / doneHere * left).withNanos(0));
    }
}
