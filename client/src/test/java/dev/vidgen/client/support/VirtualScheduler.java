package dev.vidgen.client.support;

import dev.vidgen.ports.time.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Virtual time for the client's tests: nothing runs until the test advances the clock, and then
 * every task due runs on the test's thread, in time order. Records every delay asked for, so a test
 * can check the backoff the code chose.
 */
public final class VirtualScheduler implements Scheduler {

    private record Entry(Instant at, long seq, Runnable task, boolean[] cancelled) {
    }

    private final PriorityQueue<Entry> queue = new PriorityQueue<>((a, b) -> {
        int c = a.at.compareTo(b.at);
        return c != 0 ? c : Long.compare(a.seq, b.seq);
    });
    private final List<Duration> delays = new ArrayList<>();
    private Instant now;
    private long seq;

    /** A clock standing at {@code start}. */
    public VirtualScheduler(Instant start) {
        this.now = start;
    }

    /** A clock standing at 2025-01-01T00:00:00Z. */
    public VirtualScheduler() {
        this(Instant.parse("2025-01-01T00:00:00Z"));
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public synchronized Cancellable schedule(Duration delay, Runnable task) {
        delays.add(delay);
        boolean[] cancelled = {false};
        Entry e = new Entry(now.plus(delay.isNegative() ? Duration.ZERO : delay), seq++, task, cancelled);
        queue.add(e);
        return () -> {
            synchronized (VirtualScheduler.this) {
                boolean wasPending = !cancelled[0] && queue.remove(e);
                cancelled[0] = true;
                return wasPending;
            }
        };
    }

    /** Moves the clock forward by {@code d}, running every task that falls due on the way. */
    public void advance(Duration d) {
        Instant target;
        synchronized (this) {
            target = now.plus(d);
        }
        while (true) {
            Entry next;
            synchronized (this) {
                next = queue.peek();
                if (next == null || next.at.isAfter(target)) {
                    now = target;
                    return;
                }
                queue.poll();
                now = next.at;
            }
            next.task.run();
        }
    }

    /** Runs tasks in time order until none is left or {@code limit} of virtual time has passed. */
    public void runUntilIdle(Duration limit) {
        Instant end;
        synchronized (this) {
            end = now.plus(limit);
        }
        while (true) {
            Entry next;
            synchronized (this) {
                next = queue.peek();
                if (next == null || next.at.isAfter(end)) {
                    return;
                }
                queue.poll();
                now = next.at;
            }
            next.task.run();
        }
    }

    /** Tasks still waiting to run. */
    public synchronized int pending() {
        return queue.size();
    }

    /** Every delay passed to {@link #schedule}, in order. */
    public synchronized List<Duration> delays() {
        return List.copyOf(delays);
    }
}
