package dev.vidgen.cli;

import dev.vidgen.client.await.ProgressEvent;
import dev.vidgen.client.await.ProgressListener;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Shows a wait's progress on standard error: on a terminal one bar (status, percent, ETA) redrawn
 * in place with {@code \r} at every change and, between polls, every second with the ETA counting
 * down; otherwise one plain line per change of status or percent, which logs and CI keep readable.
 * Thread-safe: the client calls it from its scheduler thread.
 */
final class ProgressPrinter implements ProgressListener {

    static final int BAR_WIDTH = 30;

    private final PrintWriter err;
    private final boolean terminal;
    private final LongSupplier nanoTime;
    private ScheduledExecutorService ticker;
    private String lastStatus;
    private int lastPercent = -1;
    private Duration lastEta;
    private long lastEventNanos;
    private int lastWidth;
    private boolean lastEnded;
    private boolean barShown;
    private boolean finished;

    ProgressPrinter(PrintWriter err, boolean terminal) {
        this(err, terminal, System::nanoTime, true);
    }

    /** With a clock and without the ticker thread, so that tests call {@link #tick()} themselves. */
    ProgressPrinter(PrintWriter err, boolean terminal, LongSupplier nanoTime, boolean tickEverySecond) {
        this.err = err;
        this.terminal = terminal;
        this.nanoTime = nanoTime;
        if (terminal && tickEverySecond) {
            ticker = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "vidgen-progress-bar");
                t.setDaemon(true);
                return t;
            });
            ticker.scheduleAtFixedRate(this::tick, 1, 1, TimeUnit.SECONDS);
        }
    }

    @Override
    public synchronized void onProgress(ProgressEvent event) {
        if (finished) {
            return;
        }
        String status = Printable.text(event.status().raw());
        int percent = Math.max(0, Math.min(100, event.percent()));
        boolean ended = event.task().isTerminal();
        lastEta = event.eta();
        lastEventNanos = nanoTime.getAsLong();
        String eta = ended ? null : etaText(Duration.ZERO);
        if (terminal) {
            draw(status, percent, eta);
        } else if (!status.equals(lastStatus) || percent != lastPercent) {
            err.println(line(status, percent, eta));
            err.flush();
        }
        lastStatus = status;
        lastPercent = percent;
        lastEnded = ended;
    }

    /** Redraws the bar with the ETA counted down since the last event (the ticker calls it every second). */
    synchronized void tick() {
        if (finished || !barShown || lastEnded) {
            return;
        }
        draw(lastStatus, lastPercent, etaText(Duration.ofNanos(nanoTime.getAsLong() - lastEventNanos)));
    }

    /** Stops the ticker and ends the bar's line, so the next output starts on a fresh one. */
    synchronized void finish() {
        finished = true;
        if (ticker != null) {
            ticker.shutdownNow();
        }
        if (barShown) {
            err.println();
            err.flush();
            barShown = false;
        }
    }

    /** The last ETA less the time since it was heard; "?" when the server gave no basis for one. */
    private String etaText(Duration since) {
        return lastEta == null ? "?" : Durations.format(lastEta.minus(since));
    }

    private void draw(String status, int percent, String eta) {
        String line = bar(status, percent, eta);
        int pad = Math.max(0, lastWidth - line.length());
        err.print("\r" + line + " ".repeat(pad));
        err.flush();
        lastWidth = line.length();
        barShown = true;
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
