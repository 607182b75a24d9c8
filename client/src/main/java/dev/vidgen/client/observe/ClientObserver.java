package dev.vidgen.client.observe;

/**
 * Hears what a client does: every HTTP attempt, every task lifecycle event, and every client call
 * (as a span). Set one with {@code VideoClient.builder().observer(...)} or
 * {@code ClientConfig.builder().observer(...)}; the module {@code vidgen-micrometer} implements it
 * with Micrometer.
 *
 * <p>Every method has a no-op default, so an implementation overrides only what it needs. The
 * default observer is {@link #NOOP}: the client then builds no event at all. Methods are called on
 * the client's threads (the scheduler's, the transport's, a download's): return quickly and never
 * block. An exception thrown by an observer never breaks a call: the client catches it and logs the
 * first one (see {@link #safe(ClientObserver)}).
 *
 * <p>No event carries the API key or a prompt. Task ids and models come from the server's answers
 * and are untrusted text: an implementation that turns them into metric tags must bound them.
 */
public interface ClientObserver {

    /** The observer that does nothing; the client skips building events for it. */
    ClientObserver NOOP = new ClientObserver() {
        @Override
        public String toString() {
            return "ClientObserver.NOOP";
        }
    };

    /** One HTTP attempt ended (a retry is a new attempt, with {@link HttpAttempt#attempt()} above 1). */
    default void httpAttempt(HttpAttempt attempt) {
    }

    /** A task lifecycle event: submitted, polled, completed, failed, a wait started or ended, a download ended. */
    default void taskEvent(TaskEvent event) {
    }

    /**
     * A client call starts; the returned span is ended exactly once, when the call's future
     * completes. The default returns {@link CallSpan#NOOP}.
     */
    default CallSpan callStarted(ClientCall call) {
        return CallSpan.NOOP;
    }

    /**
     * {@code observer} guarded: whatever it throws is caught, the first failure is logged as a
     * warning (later ones at debug level), and the call goes on. {@link #NOOP} and an already
     * guarded observer are returned as they are; {@code null} means {@link #NOOP}.
     */
    static ClientObserver safe(ClientObserver observer) {
        if (observer == null || observer == NOOP || observer instanceof SafeObserver) {
            return observer == null ? NOOP : observer;
        }
        return new SafeObserver(observer);
    }
}
