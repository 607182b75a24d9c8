package dev.vidgen.benchmarks.scale;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * A class histogram of this JVM's live heap, as {@code jcmd <pid> GC.class_histogram} prints it
 * (it runs a full collection first, so only reachable objects count), taken in process through the
 * HotSpot diagnostic-command MBean. Two of them, taken with and without the waits in flight, give
 * the heap per waiting task and the classes it is made of.
 *
 * @param totalBytes bytes of every live object
 * @param bytesByClass bytes per class name
 * @param countByClass instances per class name
 */
record HeapHistogram(long totalBytes, Map<String, Long> bytesByClass, Map<String, Long> countByClass) {

    /** Takes one now (a full GC). */
    static HeapHistogram take() throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        String text = (String) server.invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"),
                "gcClassHistogram", new Object[] {new String[0]}, new String[] {String[].class.getName()});
        Map<String, Long> bytes = new HashMap<>();
        Map<String, Long> counts = new HashMap<>();
        long total = 0;
        for (String line : text.split("\n")) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 4 && f[0].endsWith(":")) {
                bytes.merge(f[3], Long.parseLong(f[2]), Long::sum);
                counts.merge(f[3], Long.parseLong(f[1]), Long::sum);
            } else if (f.length >= 3 && f[0].equals("Total")) {
                total = Long.parseLong(f[2]);
            }
        }
        return new HeapHistogram(total, bytes, counts);
    }

    /** The {@code top} classes that grew most from {@code before} to this, per {@code per} units, as text lines. */
    List<String> growthPer(HeapHistogram before, long per, int top) {
        List<Map.Entry<String, Long>> grown = new ArrayList<>();
        for (Map.Entry<String, Long> e : bytesByClass.entrySet()) {
            long delta = e.getValue() - before.bytesByClass.getOrDefault(e.getKey(), 0L);
            grown.add(Map.entry(e.getKey(), delta));
        }
        grown.sort(Map.Entry.<String, Long>comparingByValue().reversed());
        List<String> lines = new ArrayList<>();
        for (Map.Entry<String, Long> e : grown.subList(0, Math.min(top, grown.size()))) {
            long count = countByClass.getOrDefault(e.getKey(), 0L) - before.countByClass.getOrDefault(e.getKey(), 0L);
            lines.add(String.format(java.util.Locale.ROOT, "%8.1f B %6.2f objects  %s",
                    (double) e.getValue() / per, (double) count / per, e.getKey()));
        }
        return lines;
    }
}
