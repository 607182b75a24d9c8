package dev.vidgen.jobs.internal;

import dev.vidgen.jobs.Job;
import dev.vidgen.jobs.JobEvent;
import dev.vidgen.jobs.JobListener;
import dev.vidgen.jobs.JobState;

import java.util.List;

/** Tells every listener of a committed transition; a listener that throws does not stop the others or the job. */
public final class Dispatch {

    private final List<JobListener> listeners;

    /** Dispatch to {@code listeners}, in order. */
    public Dispatch(List<JobListener> listeners) {
        this.listeners = List.copyOf(listeners);
    }

    /** {@code job} went from {@code from} to its current state (already committed). */
    public void transitioned(Job job, JobState from) {
        JobEvent event = new JobEvent(job, from, job.state());
        for (JobListener l : listeners) {
            try {
                l.onTransition(event);
            } catch (RuntimeException ignored) {
                // the transition is committed; a listener's bug must not undo or repeat it
            }
        }
    }
}
