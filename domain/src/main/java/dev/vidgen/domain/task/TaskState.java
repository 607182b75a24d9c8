package dev.vidgen.domain.task;

/** The states of a task's lifecycle: {@code pending -> processing -> completed | failed}. */
public enum TaskState {
    PENDING(false),
    PROCESSING(false),
    COMPLETED(true),
    FAILED(true),
    /** Listed by an older version of the API page; terminal. */
    CANCELLED(true),
    /** A status this library does not know; the raw text is kept in {@link TaskStatus#raw()}. Not terminal. */
    UNKNOWN(false);

    private final boolean terminal;

    TaskState(boolean terminal) {
        this.terminal = terminal;
    }

    /** Whether a task in this state will never change again. */
    public boolean isTerminal() {
        return terminal;
    }
}
