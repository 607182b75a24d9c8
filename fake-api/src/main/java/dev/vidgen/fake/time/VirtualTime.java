package dev.vidgen.fake.time;

import dev.vidgen.ports.time.Scheduler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * A {@link Scheduler} whose clock only moves when a test moves it, so that a ten-minute wait runs
 * in milliseconds. Give it to the client (or to the fakes) and call {@link #advance(Duration)}.
 *
 * <p>Due tasks run on the thread that advances the time, in order of due time (ties in order of
 * scheduling); while a task runs, {@link #now()} is its due time. Tasks that a running task
 * schedules inside the window being advanced run in the same call. Every method is thread-safe:
 * callbacks on other threads may schedule at any time. Only one thread advances at a time.
 *
 * <p>An exception thrown by a task does not stop the others; the first one is rethrown when the
 * advancing call ends (the rest are attached as suppressed), so a broken callback fails the test.
 */
public final class VirtualTime implements Scheduler {

    /** The default start: a fixed instant, so that ids and timestamps are reproducible. */
    public static final Instant DEFAULT_START = Instant.parse("2025-09-06T13:23:51Z");

    private static final int MAX_TASKS_PER_CALL = 1_000_000;
    private static final int MAX_SETTLE_ROUNDS = 100;
    private static final Duration CONDITION_RECHECK = Duration.ofMillis(10);

    /**
     * How long, in real time, {@link #advanceUntil(BooleanSupplier, Duration)} waits by default for
     * another thread to schedule work when nothing is pending, before it gives up.
     */
    public static final Duration IDLE_WAIT = Duration.ofSeconds(5);

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition scheduled = lock.newCondition();
    /** Held by the thread that advances, so that two advancing threads never interleave tasks. */
    private final ReentrantLock advancing = new ReentrantLock();
    private final PriorityQueue<Entry> queue = new PriorityQueue<>();
    private Instant now;
    private long sequence;
    private volatile Duration idleWait = IDLE_WAIT;

    /** Virtual time starting at {@link #DEFAULT_START}. */
    public VirtualTime() {
        this(DEFAULT_START);
    }

    /** Virtual time starting at {@code start}. */
    public VirtualTime(Instant start) {
        this.now = Objects.requireNonNull(start, "start");
    }

    /** Virtual time starting at {@code start}. */
    public static VirtualTime startingAt(Instant start) {
        return new VirtualTime(start);
    }

    @Override
    public Instant now() {
        lock.lock();
        try {
            return now;
        } finally {
            lock.unlock();
        }
    }

    /**
     * How long, in real time, {@link #advanceUntil(BooleanSupplier, Duration)} waits for another
     * thread to schedule work when nothing is pending (default {@link #IDLE_WAIT}).
     *
     * @return this
     */
    public VirtualTime idleWait(Duration wait) {
        Objects.requireNonNull(wait, "wait");
        if (wait.isNegative()) {
            throw new IllegalArgumentException("idleWait must not be negative, got " + wait);
        }
        this.idleWait = wait;
        return this;
    }

    /** A {@link Clock} view of this time (UTC), for code that takes a clock. */
    public Clock clock() {
        return new VirtualClock(this, ZoneOffset.UTC);
    }

    @Override
    public Cancellable schedule(Duration delay, Runnable task) {
        Objects.requireNonNull(delay, "delay");
        Objects.requireNonNull(task, "task");
        lock.lock();
        try {
            Instant due = delay.isNegative() ? now : now.plus(delay);
            Entry entry = new Entry(due, sequence++, task);
            queue.add(entry);
            scheduled.signalAll();
            return () -> cancel(entry);
        } finally {
            lock.unlock();
        }
    }

    private boolean cancel(Entry entry) {
        lock.lock();
        try {
            return queue.remove(entry);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Moves the clock forward by {@code duration}, running every task due within the window in
     * order, including tasks scheduled by those tasks. Ends with {@link #now()} at the old time plus
     * {@code duration}.
     *
     * @return the number of tasks run
     */
    public int advance(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative()) {
            throw new IllegalArgumentException("virtual time cannot go back: advance(" + duration + ")");
        }
        return advanceTo(now().plus(duration));
    }

    /**
     * Moves the clock forward to {@code target}, running due tasks as {@link #advance(Duration)} does.
     *
     * @return the number of tasks run
     */
    public int advanceTo(Instant target) {
        Objects.requireNonNull(target, "target");
        advancing.lock();
        try {
            if (target.isBefore(now())) {
                throw new IllegalArgumentException("virtual time cannot go back: now " + now() + ", target " + target);
            }
            TaskFailures failures = new TaskFailures();
            int ran = 0;
            Entry next;
            while ((next = pollDue(target)) != null) {
                run(next, failures);
                if (++ran >= MAX_TASKS_PER_CALL) {
                    throw new IllegalStateException("more than " + MAX_TASKS_PER_CALL + " tasks in one advance: a task keeps rescheduling itself with no delay");
                }
            }
            setNow(target);
            failures.rethrow();
            return ran;
        } finally {
            advancing.unlock();
        }
    }

    /** Runs the tasks due now (scheduled with no delay), without moving the clock. Returns how many ran. */
    public int runDueTasks() {
        return advance(Duration.ZERO);
    }

    /**
     * Runs every pending task, jumping the clock from one due time to the next, until no task is
     * left or the next one is due more than {@code maxAdvance} from now.
     *
     * @return how far the clock moved
     */
    public Duration runUntilIdle(Duration maxAdvance) {
        Instant start = now();
        Instant limit = start.plus(maxAdvance);
        while (true) {
            Optional<Instant> next = nextTaskAt();
            if (next.isEmpty() || next.get().isAfter(limit)) {
                break;
            }
            advanceTo(next.get());
        }
        return Duration.between(start, now());
    }

    /**
     * Advances from task to task until {@code condition} holds, for at most {@code maxAdvance} of
     * virtual time, and returns how far the clock moved. When nothing is scheduled it waits, in
     * real time and for at most {@link #idleWait(Duration)} ({@link #IDLE_WAIT} unless set), for another thread to schedule work (or to make
     * the condition true): so a service method that blocks on a worker thread
     * ({@code submitAndAwait}) may be started just before this call.
     *
     * @return how far the clock moved
     * @throws GaveUpException when the condition still does not hold at {@code maxAdvance}, or when
     *                         nothing was scheduled for the idle wait; the message says which
     */
    public Duration advanceUntil(BooleanSupplier condition, Duration maxAdvance) {
        return advanceUntil(condition, maxAdvance, Duration.ZERO);
    }

    /**
     * {@link #advanceUntil(BooleanSupplier, Duration)}, and before each jump it also waits until no
     * task has been scheduled for {@code settle} of real time, so that work finishing on other
     * threads (a real HTTP call answered on a transport thread) can schedule its follow-up before
     * the clock moves past it.
     *
     * @return how far the clock moved
     * @throws GaveUpException as {@link #advanceUntil(BooleanSupplier, Duration)}
     */
    public Duration advanceUntil(BooleanSupplier condition, Duration maxAdvance, Duration settle) {
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(settle, "settle");
        Instant start = now();
        Instant limit = start.plus(Objects.requireNonNull(maxAdvance, "maxAdvance"));
        while (true) {
            settle(settle);
            if (condition.getAsBoolean()) {
                return Duration.between(start, now());
            }
            Optional<Instant> next = nextTaskAt();
            if (next.isEmpty()) {
                Duration wait = idleWait;
                if (!awaitScheduleOr(condition, wait)) {
                    throw new GaveUpException(GaveUpException.Reason.NOTHING_SCHEDULED, "advanceUntil gave up: the condition does not hold"
                            + " and nothing was scheduled for " + wait + " of real time, after " + Duration.between(start, now())
                            + " of virtual time. The code under test waits on something that is not this VirtualTime (is it given to"
                            + " the client as its scheduler, and to the fake as its clock?), or it ended without meeting the condition");
                }
                continue;
            }
            if (next.get().isAfter(limit)) {
                advanceTo(limit);
                settle(settle);
                if (condition.getAsBoolean()) {
                    return Duration.between(start, now());
                }
                throw new GaveUpException(GaveUpException.Reason.LIMIT_REACHED, "advanceUntil gave up: the condition does not hold after "
                        + maxAdvance + " of virtual time (now " + now() + "); " + pendingTasks() + " task(s) pending, the next at "
                        + nextTaskAt().map(Instant::toString).orElse("-"));
            }
            advanceTo(next.get());
        }
    }

    /** Waits (real time) up to {@code timeout} for a schedule() call or for {@code condition}; returns whether either came. */
    private boolean awaitScheduleOr(BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            long before = sequence;
            while (sequence == before) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                lock.unlock();
                try {
                    if (condition.getAsBoolean()) {
                        return true;
                    }
                } finally {
                    lock.lock();
                }
                // re-check the condition now and then: another thread may meet it without scheduling anything
                scheduled.awaitNanos(Math.min(left, CONDITION_RECHECK.toNanos()));
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } finally {
            lock.unlock();
        }
    }

    /** Waits (real time) until no task was scheduled for {@code quiet}; bounded, so a busy other thread cannot hang it. */
    private void settle(Duration quiet) {
        if (quiet.isZero() || quiet.isNegative()) {
            return;
        }
        for (int i = 0; i < MAX_SETTLE_ROUNDS && awaitScheduleOr(() -> false, quiet); i++) {
            // something was scheduled: wait for another quiet stretch
        }
    }

    /** How many tasks are scheduled and not yet run or cancelled. */
    public int pendingTasks() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    /** When the next pending task is due, if any. */
    public Optional<Instant> nextTaskAt() {
        lock.lock();
        try {
            Entry head = queue.peek();
            return head == null ? Optional.empty() : Optional.of(head.due);
        } finally {
            lock.unlock();
        }
    }

    /** The due times of every pending task, earliest first (for failure messages). */
    public List<Instant> pendingDueTimes() {
        lock.lock();
        try {
            List<Entry> copy = new ArrayList<>(queue);
            copy.sort(null);
            return copy.stream().map(e -> e.due).toList();
        } finally {
            lock.unlock();
        }
    }

    private Entry pollDue(Instant target) {
        lock.lock();
        try {
            Entry head = queue.peek();
            if (head == null || head.due.isAfter(target)) {
                return null;
            }
            queue.poll();
            if (head.due.isAfter(now)) {
                now = head.due;
            }
            return head;
        } finally {
            lock.unlock();
        }
    }

    private void setNow(Instant target) {
        lock.lock();
        try {
            if (target.isAfter(now)) {
                now = target;
            }
        } finally {
            lock.unlock();
        }
    }

    private static void run(Entry entry, TaskFailures failures) {
        try {
            entry.task.run();
        } catch (RuntimeException | Error e) {
            failures.add(e);
        }
    }

    @Override
    public String toString() {
        return "VirtualTime[now=" + now() + ", pending=" + pendingTasks() + "]";
    }

    private record Entry(Instant due, long seq, Runnable task) implements Comparable<Entry> {
        @Override
        public int compareTo(Entry o) {
            int c = due.compareTo(o.due);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }
}
