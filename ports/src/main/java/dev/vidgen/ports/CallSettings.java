package dev.vidgen.ports;

import java.time.Duration;

/**
 * Per-call overrides. A {@code null} component means "use the client-wide default".
 *
 * <p>Precedence: a value set here wins over the client's default; the whole-call timeout bounds
 * every attempt and every backoff of the call, so an attempt never outlives it.
 *
 * @param attemptTimeout how long one HTTP attempt may wait for its answer
 * @param callTimeout    how long the whole call may take, retries and backoff included
 * @param syncUpstream   for task queries: ask the server to refresh the task from its upstream first
 */
public record CallSettings(Duration attemptTimeout, Duration callTimeout, boolean syncUpstream) {

    /** Client defaults for everything. */
    public static final CallSettings DEFAULTS = new CallSettings(null, null, false);

    /** These options with another attempt timeout. */
    public CallSettings withAttemptTimeout(Duration timeout) {
        return new CallSettings(timeout, callTimeout, syncUpstream);
    }

    /** These options with another whole-call timeout. */
    public CallSettings withCallTimeout(Duration timeout) {
        return new CallSettings(attemptTimeout, timeout, syncUpstream);
    }

    /** These options with {@code sync_upstream} on or off. */
    public CallSettings withSyncUpstream(boolean sync) {
        return new CallSettings(attemptTimeout, callTimeout, sync);
    }
}
