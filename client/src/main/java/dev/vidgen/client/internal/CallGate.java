package dev.vidgen.client.internal;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Bounds the calls in flight: the task queries of one awaiter, and every call of one task port.
 * When calls come faster than the server answers (100,000 waits polling every minute against a
 * server answering 1,000 a second, or 100,000 submits at once), the excess waits here as one
 * queued callback each, a few bytes, instead of as an HTTP exchange queued in the transport
 * (request, context, buffers: about 10 KB each, which made 100,000 waits peak above 1 GiB of
 * heap). Thread-safe; lock-free.
 *
 * <p>Every permit taken ({@link #tryEnter()} returning true, or a queued callback being run) must
 * be given back with exactly one {@link #release()}.
 */
public final class CallGate {

    /** The default bound: well above any transport's connection pool, so a gate never slows a server that keeps up. */
    public static final int DEFAULT_LIMIT = 256;

    private final int limit;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final Queue<Runnable> queued = new ConcurrentLinkedQueue<>();

    public CallGate(int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("the limit of calls in flight must be >= 1, got " + limit);
        }
        this.limit = limit;
    }

    /** Takes a permit if one is free and nothing is queued before it. */
    public boolean tryEnter() {
        if (!queued.isEmpty()) {
            return false;
        }
        return acquire();
    }

    /**
     * Queues {@code onPermit}, run (on whichever thread frees a permit, possibly this one) once it
     * holds a permit; it must hand its work over quickly and release the permit exactly once.
     */
    public void enqueue(Runnable onPermit) {
        queued.add(onPermit);
        drain();
    }

    /** Gives a permit back and passes it to the next queued callback, if any. */
    public void release() {
        inFlight.decrementAndGet();
        drain();
    }

    /** A new permit holder, for one wait. */
    public Permit permit() {
        return new Permit();
    }

    /**
     * Whether one wait holds a permit. {@link #release()} is idempotent, so a cancel and the end of
     * the fetch may both call it.
     */
    public final class Permit {
        private boolean held;

        private Permit() {
        }

        /**
         * Runs {@code now} on this thread if a permit is free; else queues, and once a permit is
         * handed over runs {@code later}, which says whether it passed the work on (if not, the
         * permit goes back). Either way the work must end with {@link #release()}.
         */
        public void acquire(Runnable now, java.util.function.BooleanSupplier later) {
            if (tryAcquire()) {
                now.run();
            } else {
                whenFree(later);
            }
        }

        /** Takes a free permit, if there is one and nothing is queued before it. */
        public boolean tryAcquire() {
            if (!tryEnter()) {
                return false;
            }
            taken();
            return true;
        }

        /**
         * Queues {@code later}, run once a permit is handed over (at once if one is free), which says
         * whether it passed the work on (if not, the permit goes back).
         */
        public void whenFree(java.util.function.BooleanSupplier later) {
            enqueue(() -> {
                taken();
                if (!later.getAsBoolean()) {
                    release();
                }
            });
        }

        private synchronized void taken() {
            held = true;
        }

        /** Gives the permit back, if held. */
        public void release() {
            synchronized (this) {
                if (!held) {
                    return;
                }
                held = false;
            }
            CallGate.this.release();
        }
    }

    /** Queries in flight now (for tests). */
    public int inFlight() {
        return inFlight.get();
    }

    private boolean acquire() {
        while (true) {
            int n = inFlight.get();
            if (n >= limit) {
                return false;
            }
            if (inFlight.compareAndSet(n, n + 1)) {
                return true;
            }
        }
    }

    private void drain() {
        // permit first, then a callback: a callback queued while the last permit is being freed is never stranded
        while (!queued.isEmpty() && acquire()) {
            Runnable next = queued.poll();
            if (next == null) {
                inFlight.decrementAndGet();
                continue;
            }
            next.run();
        }
    }
}
