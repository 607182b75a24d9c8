package dev.vidgen.client.observe;

import dev.vidgen.domain.task.TaskId;

/** The span of one client call, as returned by {@link ClientObserver#callStarted(ClientCall)}. */
public interface CallSpan {

    /** The span that records nothing. */
    CallSpan NOOP = new CallSpan() {
        @Override
        public void identify(TaskId id, String model) {
        }

        @Override
        public void end(Throwable error) {
        }

        @Override
        public String toString() {
            return "CallSpan.NOOP";
        }
    };

    /**
     * The call learnt which task it is about (a submit's answer, a wait's first snapshot); either
     * argument may be {@code null} when still unknown.
     */
    void identify(TaskId id, String model);

    /** The call ended: {@code error} is its failure, {@code null} when it succeeded. Called once. */
    void end(Throwable error);
}
