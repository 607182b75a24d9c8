package dev.vidgen.jobs;

import java.util.Objects;

/**
 * A committed transition of a job. When a service starts, each job already in doubt is reported
 * again with {@code from == to == IN_DOUBT}, so the application hears of it after a restart.
 *
 * @param job  the job after the transition
 * @param from the state before
 * @param to   the state after ({@code job.state()})
 */
public record JobEvent(Job job, JobState from, JobState to) {

    /** Checks the fields. */
    public JobEvent {
        Objects.requireNonNull(job, "job");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
    }
}
