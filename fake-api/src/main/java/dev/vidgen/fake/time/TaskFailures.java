package dev.vidgen.fake.time;

/**
 * The failures of the tasks one advance of {@link VirtualTime} ran: the first is rethrown when the
 * advance ends, the rest ride along as suppressed, so one broken callback neither stops the others
 * nor goes unnoticed.
 */
final class TaskFailures {

    private Throwable first;

    /** Remembers a task's failure. */
    void add(Throwable t) {
        if (first == null) {
            first = t;
        } else if (first != t) {
            first.addSuppressed(t);
        }
    }

    /** Throws the first failure, if any. */
    void rethrow() {
        if (first instanceof RuntimeException re) {
            throw re;
        }
        if (first instanceof Error err) {
            throw err;
        }
    }
}
