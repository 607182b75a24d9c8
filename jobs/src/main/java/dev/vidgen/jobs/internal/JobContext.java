package dev.vidgen.jobs.internal;

import dev.vidgen.client.VideoClient;
import dev.vidgen.client.await.AwaitOptions;
import dev.vidgen.client.protocol.RequestJson;
import dev.vidgen.jobs.Job;
import dev.vidgen.jobs.JobState;
import dev.vidgen.jobs.ResultStore;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What the steps share: the journal, the gate, the client, the result store, the clock (journal
 * times and the 24-hour expiry; scheduling runs in real time), the listeners, the polling options
 * and this instance's name.
 *
 * @param repository the journal
 * @param gate       limits and spacing of submits
 * @param client     the API client
 * @param requests   the request codec (the API's own JSON, so a journal outlives class changes)
 * @param store      where results go
 * @param clock      the time written to the journal and used for expiry
 * @param dispatch   the listeners
 * @param polling    the adaptive polling's options (min and max interval, strategy)
 * @param owner      this instance's name, recorded on the jobs it works
 * @param stopper    the first error that stops all submits (401, 402), once seen
 */
public record JobContext(JobRepository repository, Gate gate, VideoClient client, RequestJson requests,
                         ResultStore store, Clock clock, Dispatch dispatch, AwaitOptions polling, String owner,
                         AtomicReference<RuntimeException> stopper) {

    /** Now, by the context's clock. */
    public Instant now() {
        return clock.instant();
    }

    /**
     * Commits {@code next} if the job is still in {@code from}, then tells the listeners.
     *
     * @return whether it was committed
     */
    public boolean commit(Job next, JobState from, Instant nextAt) {
        boolean done = repository.transition(next, from, nextAt, owner);
        if (done && next.state() != from) {
            dispatch.transitioned(next, from);
        }
        return done;
    }
}
