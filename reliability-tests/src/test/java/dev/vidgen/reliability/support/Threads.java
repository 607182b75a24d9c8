package dev.vidgen.reliability.support;

import java.time.Duration;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Snapshots of the JVM's live threads, to show that a closed client left none of its own behind. */
public final class Threads {

    private Threads() {
    }

    /** The ids and names of every live thread, as {@code "id name"}. */
    public static Set<String> snapshot() {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive)
                .map(t -> t.getId() + " " + t.getName()).collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * Waits up to {@code timeout} until no thread is alive that was not in {@code before} and is
     * not {@code ignored}; asks for a garbage collection between looks, because the JDK 17 HTTP
     * client's selector thread ends only once its client is unreachable. Returns what is left.
     */
    public static Set<String> leftOver(Set<String> before, Predicate<String> ignored, Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        Set<String> left;
        while (true) {
            left = snapshot();
            left.removeAll(before);
            left.removeIf(s -> ignored.test(s.substring(s.indexOf(' ') + 1)));
            if (left.isEmpty() || System.nanoTime() > end) {
                return left;
            }
            System.gc();
            Thread.sleep(100);
        }
    }
}
