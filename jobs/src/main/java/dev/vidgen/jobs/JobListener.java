package dev.vidgen.jobs;

/**
 * Hears every committed transition, on the worker thread that made it. It should return quickly;
 * an exception it throws is ignored (the transition is already committed).
 */
@FunctionalInterface
public interface JobListener {

    /** Called after {@code event}'s transition was committed. */
    void onTransition(JobEvent event);
}
