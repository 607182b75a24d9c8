package dev.vidgen.cli;

import dev.vidgen.client.await.ProgressEvent;
import dev.vidgen.client.await.ProgressListener;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * Shows a wait's progress on standard error: on a terminal one bar (status, percent, ETA) redrawn
 * in place with {@code \r}; otherwise one plain line per change of status or percent, which logs
 * and CI keep readable. Thread-safe: the client calls it from its scheduler thread.
 */
final class ProgressPrinter implements ProgressListener {

    static final int BAR_WIDTH = 30;

    private final PrintWriter err;
    private final boolean terminal;
    private String lastStatus;
    private int lastPercent = -1;
    private int lastWidth;
    private boolean barShown;

    ProgressPrinter(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    @Override
    public synchronized void onProgress(ProgressEvent event) {
        String status = event.status().raw();
        int percent = Math.max(0, Math.min(100, event.percent()));
        String eta = event.task().isTerminal() ? null : (event.eta() == null ? "?" : Durations.format(event.eta()));
        if (terminal) {
            String line = bar(status, percent, eta);
            int pad = Math.max(0, lastWidth - line.length());
            err.print("\r" + line + " ".repeat(pad));
            err.flush();
            lastWidth = line.length();
            barShown = true;
        } else if (!status.equals(lastStatus) || percent != lastPercent) {
            err.println(line(status, percent, eta));
            err.flush();
        }
        lastStatus = status;
        lastPercent = percent;
    }

    /** Ends the bar's line, so the next output starts on a fresh one. */
    synchronized void finish() {
        if (barShown) {
            err.println();
            err.flush();
            barShown = false;
        }
    }

    static String bar(String status, int percent, String eta) {
        int filled = percent * BAR_WIDTH / 100;
        return String.format(Locale.ROOT, "%-10s [%s%s] %3d%%%s", status, "#".repeat(filled), ".".repeat(BAR_WIDTH - filled),
                percent, eta == null ? "" : "  ETA " + eta);
    }

    static String line(String status, int percent, String eta) {
        return String.format(Locale.ROOT, "progress: %s %d%%%s", status, percent, eta == null ? "" : " (ETA " + eta + ")");
    }
}
