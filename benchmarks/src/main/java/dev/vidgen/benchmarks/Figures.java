package dev.vidgen.benchmarks;

import java.util.Locale;

/**
 * The output convention of every benchmark main: figures as {@code name=value} lines on standard
 * output (what {@code bench/quick} collects), everything else on standard error.
 */
public final class Figures {

    private Figures() {
    }

    /** Prints one figure, with up to {@code decimals} decimals. */
    public static void print(String name, double value, int decimals) {
        System.out.println(name + "=" + String.format(Locale.ROOT, "%." + decimals + "f", value));
        System.out.flush();
    }

    /** Prints one whole-number figure. */
    public static void print(String name, long value) {
        System.out.println(name + "=" + value);
        System.out.flush();
    }

    /** A line of commentary (standard error). */
    public static void note(String format, Object... args) {
        System.err.println(String.format(Locale.ROOT, format, args));
        System.err.flush();
    }
}
