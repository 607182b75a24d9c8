package dev.vidgen.client.testsupport;

import dev.vidgen.ports.time.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.function.BooleanSupplier;

/**
 * Virtual time for the client's own tests (the client cannot depend on the testkit): the clock
 * moves only when the test advances it, and due tasks run on the advancing thread in due order
 * (ties in scheduling order), with {@link #now()} at each task's due time.
 */
public final class ManualScheduler implements Scheduler {

    public static final Instant START = Instant.parse("2025-09-06T13:23:51Z");

    private final PriorityQueue<Entry> queue = new PriorityQueue<>();
    private Instant now = START;
    private long sequence;
    private long ran;

    @Override
    public synchronized Instant now() {
        return now;
    }

    @Override
    public synchronized Cancellable schedule(Duration delay, Runnable task) {
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(task, "task");
        Entry entry = new Entry(delay.isNegative() ? now : now.plus(delay), sequence++, task);
        queue.add(entry);
        return () -> {
            synchronized (ManualScheduler.this) {
                return queue.remove(entry);
            }
        };
    }

    /** Moves the clock forward by {@code d}, running every task due meanwhile (also ones scheduled by them). */
    public void advance(Duration d) {
        advanceTo(now().plus(d));
    }

    /** Moves the clock to {@code target}, running every task due until then. */
    public void advanceTo(Instant target) {
        while (true) {
            Entry next;
            synchronized (this) {
                next = queue.peek();
                if (next == null || next.due.isAfter(target)) {
                    if (target.isAfter(now)) {
                        now = target;
                    }
                    return;
                }
                queue.poll();
                if (next.due.isAfter(now)) {
                    now = next.due;
                }
                ran++;
            }
            next.task.run();
        }
    }

    /** Jumps from task to task until {@code done} holds or the clock would pass {@code limit} from now; returns whether it holds. */
    public boolean advanceUntil(BooleanSupplier done, Duration limit) {
        Instant end = now().plus(limit);
        while (!done.getAsBoolean()) {
            Instant next;
            synchronized (this) {
                Entry head = queue.peek();
                if (head == null || head.due.isAfter(end)) {
                    break;
                }
                next = head.due;
            }
            advanceTo(next);
        }
        return done.getAsBoolean();
    }

    /** Tasks scheduled and neither run nor cancelled. */
    public synchronized int pendingTasks() {
        return queue.size();
    }

    /** Tasks run so far. */
    public synchronized long tasksRun() {
        return ran;
    }

    private record Entry(Instant due, long seq, Runnable task) implements Comparable<Entry> {
        @Override
        public int compareTo(Entry o) {
            int c = due.compareTo(o.due);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }
}
