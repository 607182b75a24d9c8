package dev.vidgen.cli;

import java.time.Duration;

/**
 * The end of a command's time budget ({@code --timeout}): every call the command makes gets the
 * time that is left, so that the budget bounds the whole command, not each call.
 */
final class Deadline {

    private final Duration budget;
    private final String option;
    private final long endNanos;

    private Deadline(Duration budget, String option) {
        this.budget = budget;
        this.option = option;
        this.endNanos = System.nanoTime() + budget.toNanos();
    }

    /**
     * A deadline {@code budget} from now.
     *
     * @param option how the user set it, for messages: {@code --timeout} or {@code the default --timeout}
     */
    static Deadline in(Duration budget, String option) {
        return new Deadline(budget, option);
    }

    /** The budget of a command that waits: {@code timeout} when the user gave {@code --timeout}, else the default wait. */
    static Deadline forWait(Duration timeout) {
        return timeout != null ? in(timeout, "--timeout") : in(WaitOptions.DEFAULT_WAIT, "the default --timeout");
    }

    /** The time left, zero once passed. */
    Duration remaining() {
        long left = endNanos - System.nanoTime();
        return left <= 0 ? Duration.ZERO : Duration.ofNanos(left);
    }

    /** The time left, but at least one millisecond: what a call is given (a zero timeout means none to some APIs). */
    Duration remainingForCall() {
        Duration left = remaining();
        return left.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : left;
    }

    /** The whole budget. */
    Duration budget() {
        return budget;
    }

    /** For messages: {@code 15s (--timeout)}. */
    String describe() {
        return Durations.format(budget) + " (" + option + ")";
    }
}
