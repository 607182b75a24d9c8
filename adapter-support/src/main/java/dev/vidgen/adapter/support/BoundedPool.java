package dev.vidgen.adapter.support;

import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Thread pools that reuse an idle thread when there is one, start a new one (up to a bound)
 * when there is none, and queue the rest. {@code ThreadPoolExecutor} alone does either
 * "unbounded threads" (a cached pool) or "start {@code core} threads before reusing any" (a
 * fixed pool); the queue below gives the middle: an offer succeeds only if a thread is waiting
 * for work, else the pool starts a thread, and at the bound the task is queued. Transports use it
 * so that a burst of exchanges or callbacks never starts an unbounded number of threads.
 */
public final class BoundedPool {

    private BoundedPool() {
    }

    /**
     * A pool of at most {@code max} daemon threads named {@code prefix + n}, one of which stays
     * until shutdown (so that a queued task always has a thread to run it), the others ending
     * after 30 s idle. After shutdown a task runs on the thread that submits it, rather than
     * being lost.
     */
    public static ThreadPoolExecutor create(String prefix, int max) {
        HandOffQueue queue = new HandOffQueue();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(1, Math.max(1, max), 30, TimeUnit.SECONDS, queue,
                daemonThreads(prefix), (task, p) -> {
                    if (p.isShutdown()) {
                        task.run();
                    } else {
                        queue.enqueue(task); // every thread busy and at the bound: the task waits its turn
                    }
                });
        return pool;
    }

    /** A factory of daemon threads named {@code prefix + n}. */
    public static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }

    /** Accepts a task from {@code execute} only when an idle thread takes it at once. */
    private static final class HandOffQueue extends LinkedTransferQueue<Runnable> {
        private static final long serialVersionUID = 1L;

        @Override
        public boolean offer(Runnable task) {
            return tryTransfer(task);
        }

        void enqueue(Runnable task) {
            super.offer(task);
        }
    }
}
