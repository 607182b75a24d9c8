package dev.vidgen.jobs.internal;

import java.time.Duration;

/** Delays before a job is tried again after an error that changed nothing on the API. */
final class Backoff {

    private static final Duration MAX = Duration.ofSeconds(30);

    private Backoff() {
    }

    /** 500 ms doubled per earlier attempt, at most 30 s. */
    static Duration after(int attempts) {
        int shift = Math.max(0, Math.min(attempts - 1, 6));
        Duration d = Duration.ofMillis(500L << shift);
        return d.compareTo(MAX) > 0 ? MAX : d;
    }
}
