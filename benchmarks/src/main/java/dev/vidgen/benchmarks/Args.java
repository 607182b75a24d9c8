package dev.vidgen.benchmarks;

import java.util.HashMap;
import java.util.Map;

/** {@code --name value} command-line options of the benchmark mains, each with a default. */
public final class Args {

    private final Map<String, String> values = new HashMap<>();

    private Args() {
    }

    /** Parses {@code --name value} pairs; anything else is an error naming the argument. */
    public static Args parse(String[] args) {
        Args a = new Args();
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!name.startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got '" + name + "'"
                        + (i + 1 >= args.length ? " without a value" : ""));
            }
            a.values.put(name.substring(2), args[++i]);
        }
        return a;
    }

    /** An integer option. */
    public int integer(String name, int fallback) {
        String v = values.get(name);
        try {
            return v == null ? fallback : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be an integer, got '" + v + "'", e);
        }
    }

    /** A long option. */
    public long longValue(String name, long fallback) {
        String v = values.get(name);
        try {
            return v == null ? fallback : Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be an integer, got '" + v + "'", e);
        }
    }

    /** A text option. */
    public String text(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }
}
