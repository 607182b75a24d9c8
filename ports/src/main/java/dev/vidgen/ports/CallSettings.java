package dev.vidgen.ports;

import java.time.Duration;

/**
 * The per-call settings a task port is given. Not what users touch: the client maps its own
 * {@code CallOptions} to this. A {@code null} timeout means "use the port's default".
 *
 * <p>Precedence: a value set here wins over the port's default; the whole-call timeout bounds
 * every attempt and every backoff of the call, so an attempt never outlives it.
 *
 * @param attemptTimeout how long one HTTP attempt may wait for its answer
 * @param callTimeout    how long the whole call may take, retries and backoff included
 * @param syncUpstream   for task queries: ask the server to refresh the task from its upstream first
 */
public record CallSettings(Duration attemptTimeout, Duration callTimeout, boolean syncUpstream) {

    /** Port defaults for everything. */
    public static final CallSettings DEFAULTS = new CallSettings(null, null, false);
}
