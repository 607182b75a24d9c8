package dev.vidgen.fake.time;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Why {@link VirtualTime#advanceUntil(BooleanSupplier, Duration)} gave up without its condition
 * holding: never a silent {@code false}, so a test cannot go on as if the work had finished.
 */
public final class GaveUpException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** The two ways to give up. */
    public enum Reason {
        /** The clock reached the limit given. */
        LIMIT_REACHED,
        /** Nothing was scheduled for the idle wait ({@link VirtualTime#idleWait(Duration)}) of real time. */
        NOTHING_SCHEDULED
    }

    private final Reason reason;

    GaveUpException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** Why it gave up. */
    public Reason reason() {
        return reason;
    }
}
