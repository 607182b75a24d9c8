package dev.vidgen.adapter.jdk;

import java.util.ArrayDeque;
import java.util.concurrent.CompletableFuture;

/**
 * A non-blocking counting semaphore: {@code java.net.http.HttpClient} has no connection limit,
 * so the transport caps the exchanges in flight at {@code maxConnections}, which over HTTP/1.1
 * caps the connections. Waiters are served first come, first served.
 */
final class Permits {

    private final int max;
    private final ArrayDeque<CompletableFuture<Void>> waiters = new ArrayDeque<>();
    private int used;

    Permits(int max) {
        this.max = max;
    }

    /** A future that completes when a permit is granted; cancel it to stop waiting. */
    CompletableFuture<Void> acquire() {
        synchronized (this) {
            if (used < max) {
                used++;
                return CompletableFuture.completedFuture(null);
            }
            CompletableFuture<Void> waiter = new CompletableFuture<>();
            waiters.add(waiter);
            waiter.whenComplete((v, e) -> {
                if (waiter.isCancelled()) {
                    forget(waiter);
                }
            });
            return waiter;
        }
    }

    /** Returns a granted permit: hands it to the oldest live waiter, or frees it. */
    void release() {
        while (true) {
            CompletableFuture<Void> next;
            synchronized (this) {
                next = waiters.poll();
                if (next == null) {
                    used--;
                    return;
                }
            }
            // completed outside the lock: the waiter's continuation starts an exchange
            if (next.complete(null)) {
                return;
            }
        }
    }

    /** Permits granted and not yet returned. */
    synchronized int inUse() {
        return used;
    }

    private synchronized void forget(CompletableFuture<Void> waiter) {
        waiters.remove(waiter);
    }
}
