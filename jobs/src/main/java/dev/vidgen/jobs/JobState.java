package dev.vidgen.jobs;

import java.util.Locale;

/** Where a job is; every change is committed to the journal before the next action. */
public enum JobState {
    /** Persisted, not yet submitted (also after an error that certainly created no task). */
    QUEUED,
    /** Committed just before the POST; found here after a crash, the outcome is unknown. */
    SUBMITTING,
    /** The API created a task; its id is in the journal and it is being polled. */
    RUNNING,
    /** The task completed; its results are not stored yet. */
    COMPLETED,
    /** Every result is in the result store (path, bytes, sha-256 recorded). */
    STORED,
    /** The task failed (its error code is recorded), or its answer was unusable. */
    FAILED,
    /** A submit may or may not have created a task; never submitted again automatically. */
    IN_DOUBT,
    /** The results could no longer be fetched (24 hours after completion, or a 403/404/410). */
    EXPIRED,
    /** Cancelled while queued (the API has no cancel endpoint, so only queued jobs can be). */
    CANCELLED;

    /** Whether vidgen will do nothing more with the job by itself. */
    public boolean isSettled() {
        return this == STORED || this == FAILED || this == IN_DOUBT || this == EXPIRED || this == CANCELLED;
    }

    /** Whether the job counts against the in-flight limit (submitting or running). */
    public boolean isInFlight() {
        return this == SUBMITTING || this == RUNNING;
    }

    /** The name users see and type: lower case with a hyphen ({@code in-doubt}). */
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** Parses {@link #label()} or the constant's name, case-insensitively. */
    public static JobState parse(String text) {
        String normal = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
        for (JobState s : values()) {
            if (s.name().equals(normal)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown job state '" + text + "'; allowed: queued, submitting, running, "
                + "completed, stored, failed, in-doubt, expired, cancelled");
    }
}
