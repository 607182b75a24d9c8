package dev.vidgen.client.observe;

import java.time.Duration;
import java.util.Objects;

/**
 * One HTTP attempt that ended, as {@link ClientObserver#httpAttempt(HttpAttempt)} hears it.
 *
 * @param operation   what the attempt was for
 * @param attempt     its number within the call: 1 for the first, 2 for the first retry, ...
 * @param maxAttempts the most attempts the call may make
 * @param status      the HTTP status of the answer, {@code 0} when there was none (a transport error)
 * @param outcome     how it ended
 * @param duration    how long it took
 */
public record HttpAttempt(HttpOperation operation, int attempt, int maxAttempts, int status, Outcome outcome, Duration duration) {

    /** Checks the values. */
    public HttpAttempt {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(duration, "duration");
        if (attempt < 1) {
            throw new IllegalArgumentException("attempt must be at least 1, got " + attempt);
        }
    }

    /** Whether this attempt was a retry (not the call's first). */
    public boolean retry() {
        return attempt > 1;
    }

    /** How an attempt ended. */
    public enum Outcome {
        /** A 2xx answer that could be used. */
        SUCCESS,
        /** A 3xx answer. */
        REDIRECTION,
        /** A 4xx answer. */
        CLIENT_ERROR,
        /** A 5xx answer. */
        SERVER_ERROR,
        /** A 2xx answer whose body could not be used (cut short, not JSON, about another task). */
        MALFORMED,
        /** No answer: the connection could not be made, broke, or timed out. */
        IO_ERROR,
        /** Anything else (a status outside 200-599, a failure in the client). */
        UNKNOWN;

        /** The outcome of an answer with this status that the client could ({@code usable}) or could not use. */
        public static Outcome ofStatus(int status, boolean usable) {
            if (status >= 200 && status <= 299) {
                return usable ? SUCCESS : MALFORMED;
            }
            if (status >= 300 && status <= 399) {
                return REDIRECTION;
            }
            if (status >= 400 && status <= 499) {
                return CLIENT_ERROR;
            }
            return status >= 500 && status <= 599 ? SERVER_ERROR : UNKNOWN;
        }
    }
}
