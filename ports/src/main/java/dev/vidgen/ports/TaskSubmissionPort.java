package dev.vidgen.ports;

import dev.vidgen.domain.VideoRequest;
import dev.vidgen.domain.task.TaskId;
import dev.vidgen.domain.task.VideoTask;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Submits video generations and fetches tasks. The client core talks only to this port: the
 * foxapi wire protocol implements it over an HTTP transport, and the testkit's fake implements it
 * in memory.
 *
 * <p>Implementations are thread-safe. Failures are unchecked exceptions (the client's
 * {@code VidgenException} hierarchy); the async forms complete exceptionally with them.
 * Implementations do not validate requests: the client has done so before calling.
 */
public interface TaskSubmissionPort {

    /** Submits a request and returns the new task as the server first described it. */
    CompletableFuture<VideoTask> submitAsync(VideoRequest request, CallSettings options);

    /** Fetches a task's current state. */
    CompletableFuture<VideoTask> fetchAsync(TaskId id, CallSettings options);

    /** Helpers for callers that block on the async forms. */
    final class Futures {
        private Futures() {
        }

        /**
         * Waits for a future, unwrapping its failure so the caller sees the original unchecked
         * exception. An interrupt cancels the future, keeps the thread's interrupt flag and throws
         * {@link java.util.concurrent.CancellationException}.
         */
        public static <T> T join(CompletableFuture<T> future) {
            try {
                return future.get();
            } catch (InterruptedException e) {
                future.cancel(true);
                Thread.currentThread().interrupt();
                java.util.concurrent.CancellationException ce = new java.util.concurrent.CancellationException("interrupted while waiting");
                ce.initCause(e);
                throw ce;
            } catch (java.util.concurrent.ExecutionException e) {
                throw unwrap(e.getCause());
            }
        }

        private static RuntimeException unwrap(Throwable cause) {
            while (cause instanceof CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            if (cause instanceof RuntimeException re) {
                return re;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            return new CompletionException(cause);
        }
    }
}
