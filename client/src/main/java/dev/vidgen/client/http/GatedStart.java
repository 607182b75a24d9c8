package dev.vidgen.client.http;

import dev.vidgen.client.internal.CallGate;
import dev.vidgen.ports.time.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Starts a task port's calls through one {@link CallGate}: at most {@code limit} calls (submits and
 * queries, retries and backoff included) are under way at once; a call beyond that waits as one
 * queued callback, not as an exchange queued in the transport, and its time in the queue counts
 * against its call timeout. A call still queued when its call timeout passes fails without a byte
 * sent; a call cancelled while queued never starts.
 */
final class GatedStart {

    private final CallGate gate;
    private final Scheduler scheduler;

    GatedStart(Scheduler scheduler, int limit) {
        this.scheduler = scheduler;
        this.gate = new CallGate(limit);
    }

    /**
     * Starts {@code call} (given what is left of {@code callTimeout}) once the gate lets it through.
     *
     * @param notStarted the failure of a call whose timeout passed in the queue (nothing was sent)
     */
    <T> CompletableFuture<T> start(Duration callTimeout, Function<Duration, CompletableFuture<T>> call,
                                   Supplier<RuntimeException> notStarted) {
        CallGate.Permit permit = gate.permit();
        if (permit.tryAcquire()) {
            return released(permit, call.apply(callTimeout));
        }
        CompletableFuture<T> queued = new CompletableFuture<>();
        Instant queuedAt = scheduler.now();
        // only a queued call needs a timer: the gate may not free a permit before its timeout
        Scheduler.Cancellable timeout = scheduler.schedule(callTimeout, () -> queued.completeExceptionally(notStarted.get()));
        queued.whenComplete((value, error) -> timeout.cancel());
        permit.whenFree(() -> {
            Duration left = callTimeout.minus(Duration.between(queuedAt, scheduler.now()));
            if (queued.isDone() || left.isNegative() || left.isZero()) {
                return false; // cancelled, or timed out, while queued: the permit goes back
            }
            CompletableFuture<T> running = released(permit, call.apply(left));
            running.whenComplete((value, error) -> {
                if (error != null) {
                    queued.completeExceptionally(error);
                } else {
                    queued.complete(value);
                }
            });
            queued.whenComplete((value, error) -> {
                if (queued.isCancelled()) {
                    running.cancel(true);
                }
            });
            return true;
        });
        return queued;
    }

    private static <T> CompletableFuture<T> released(CallGate.Permit permit, CompletableFuture<T> running) {
        running.whenComplete((value, error) -> permit.release());
        return running;
    }
}
