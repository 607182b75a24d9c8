package dev.vidgen.client.observe;

import dev.vidgen.client.error.TaskFailedException;
import dev.vidgen.domain.task.VideoTask;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Runs a client call inside a {@link CallSpan}: the span starts before the call and ends when its
 * future completes (or fails to start), learning the task from a {@link VideoTask} result or a
 * {@link TaskFailedException}. Under {@link ClientObserver#NOOP} it only runs the call.
 */
public final class Observed {

    private Observed() {
    }

    /**
     * Starts {@code body} with the span of {@code call} and returns its future.
     *
     * @param observer the client's observer (already {@linkplain ClientObserver#safe guarded})
     * @param call     the call about to start
     * @param body     starts the call; it is handed the span (the parent of nested calls)
     * @param <T>      the call's result
     * @return the future {@code body} returned, or a failed one if it threw
     */
    public static <T> CompletableFuture<T> call(ClientObserver observer, ClientCall call,
                                                Function<CallSpan, CompletableFuture<T>> body) {
        if (observer == ClientObserver.NOOP) {
            return start(body, CallSpan.NOOP);
        }
        CallSpan span = observer.callStarted(call);
        CompletableFuture<T> future = start(body, span);
        future.whenComplete((value, error) -> {
            Throwable cause = error;
            while (cause instanceof CompletionException && cause.getCause() != null) {
                cause = cause.getCause();
            }
            VideoTask task = value instanceof VideoTask t ? t : cause instanceof TaskFailedException f ? f.task() : null;
            if (task != null) {
                span.identify(task.id(), task.model());
            }
            span.end(cause);
        });
        return future;
    }

    /**
     * Runs the blocking {@code body} inside the span of {@code call}; what it throws is rethrown.
     *
     * @param observer the client's observer (already {@linkplain ClientObserver#safe guarded})
     * @param call     the call about to start
     * @param body     the call itself
     * @param <T>      the call's result
     * @return what {@code body} returned
     */
    public static <T> T run(ClientObserver observer, ClientCall call, Supplier<T> body) {
        if (observer == ClientObserver.NOOP) {
            return body.get();
        }
        CallSpan span = observer.callStarted(call);
        T value;
        try {
            value = body.get();
        } catch (RuntimeException | Error e) {
            span.end(e);
            throw e;
        }
        span.end(null);
        return value;
    }

    /**
     * A future completing as {@code source} does, but only after {@code onValue} has heard a
     * successful value, so that the event precedes anything chained on the returned future.
     * Cancelling it cancels {@code source}.
     *
     * @param source  the call's own future
     * @param onValue hears the value first
     * @param <T>     the value
     * @return the relaying future
     */
    public static <T> CompletableFuture<T> beforeCompletion(CompletableFuture<T> source, Consumer<? super T> onValue) {
        CompletableFuture<T> relay = new CompletableFuture<>();
        relay.whenComplete((v, e) -> {
            if (relay.isCancelled()) {
                source.cancel(true);
            }
        });
        source.whenComplete((value, error) -> {
            if (error != null) {
                relay.completeExceptionally(error);
                return;
            }
            onValue.accept(value);
            relay.complete(value);
        });
        return relay;
    }

    private static <T> CompletableFuture<T> start(Function<CallSpan, CompletableFuture<T>> body, CallSpan span) {
        try {
            CompletableFuture<T> f = body.apply(span);
            return f != null ? f : CompletableFuture.failedFuture(new IllegalStateException("the call returned no future"));
        } catch (RuntimeException e) {
            return CompletableFuture.failedFuture(e);
        }
    }
}
