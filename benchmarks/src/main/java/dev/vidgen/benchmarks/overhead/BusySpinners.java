package dev.vidgen.benchmarks.overhead;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;

/**
 * Threads that spin on the CPU until stopped: the competing load of the contention run of
 * {@link OverheadMain}. They run at normal priority, do no I/O and allocate nothing, so they only
 * take cores away; {@link #cpuShare()} says how much of their wall time they got.
 */
final class BusySpinners {

    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running = true;
    private long startedNanos;
    private long stoppedNanos;
    private long cpuNanos;

    private BusySpinners() {
    }

    /** Starts {@code count} spinning daemon threads (none for 0). */
    static BusySpinners start(int count) {
        BusySpinners s = new BusySpinners();
        for (int i = 0; i < count; i++) {
            Thread t = new Thread(s::spin, "busy-spinner-" + i);
            t.setDaemon(true);
            s.threads.add(t);
        }
        s.startedNanos = System.nanoTime();
        s.threads.forEach(Thread::start);
        return s;
    }

    private void spin() {
        long x = 0;
        while (running) {
            // a little arithmetic the JIT cannot drop; no allocation, no syscalls
            for (int i = 0; i < 10_000; i++) {
                x = x * 6364136223846793005L + 1442695040888963407L;
            }
            if (x == 42) {
                Thread.yield();
            }
        }
    }

    /** Stops the spinners, adding up their CPU time first; waits at most 1 s for each. */
    void stop() throws InterruptedException {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (Thread t : threads) {
            long cpu = mx.getThreadCpuTime(t.getId());
            cpuNanos += Math.max(0, cpu);
        }
        stoppedNanos = System.nanoTime();
        running = false;
        for (Thread t : threads) {
            t.join(1000);
        }
    }

    /** The spinners' CPU time over their wall time times their number: 1.0 means each had a core to itself. */
    double cpuShare() {
        long wall = stoppedNanos - startedNanos;
        return threads.isEmpty() || wall <= 0 ? 0 : (double) cpuNanos / ((double) wall * threads.size());
    }
}
