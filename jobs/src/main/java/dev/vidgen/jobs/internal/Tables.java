package dev.vidgen.jobs.internal;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The journal's table names under one prefix: {@code <prefix>jobs}, {@code <prefix>jobs_gate} and
 * db-scheduler's {@code <prefix>scheduled_tasks}. The shipped DDL is written for the default prefix
 * {@code vidgen_}; {@link #rewrite} puts another prefix in place of it in every identifier.
 */
public final class Tables {

    /** The prefix of the shipped DDL and the default. */
    public static final String DEFAULT_PREFIX = "vidgen_";
    /** The rule a prefix follows, for messages. */
    public static final String RULE = "lower-case letters, digits and '_', starting with a letter, at most ";
    // the longest derived identifier is PostgreSQL's "<prefix>scheduled_tasks_pkey" (20 more characters), and 63 is its limit
    private static final int MAX_LENGTH = 63 - "scheduled_tasks_pkey".length();
    // lower case only: PostgreSQL folds unquoted names to lower case and HSQLDB to upper, so "App_" and "app_" would meet
    private static final Pattern VALID = Pattern.compile("[a-z][a-z0-9_]*");
    // an identifier of the shipped DDL starts with the default prefix after a non-identifier character
    private static final Pattern SHIPPED = Pattern.compile("(?<![A-Za-z0-9_])" + DEFAULT_PREFIX);

    private final String prefix;

    private Tables(String prefix) {
        this.prefix = prefix;
    }

    /** The default names ({@code vidgen_jobs}, ...). */
    public static Tables defaults() {
        return new Tables(DEFAULT_PREFIX);
    }

    /**
     * The names under {@code prefix}.
     *
     * @throws IllegalArgumentException naming the field, the rule and the (sanitised) value when it is not a valid prefix
     */
    public static Tables withPrefix(String prefix) {
        if (prefix == null) {
            throw new IllegalArgumentException("tablePrefix must be " + RULE + MAX_LENGTH + " characters; got null");
        }
        if (prefix.length() > MAX_LENGTH || !VALID.matcher(prefix).matches()) {
            throw new IllegalArgumentException("tablePrefix must be " + RULE + MAX_LENGTH + " characters (so that every "
                    + "table, index and key name fits PostgreSQL's 63); got " + sanitised(prefix)
                    + " (" + prefix.length() + " characters)");
        }
        return new Tables(prefix);
    }

    /** The prefix. */
    public String prefix() {
        return prefix;
    }

    /** The table of jobs. */
    public String jobs() {
        return prefix + "jobs";
    }

    /** The one-row table whose lock serialises the in-flight and budget check. */
    public String gate() {
        return prefix + "jobs_gate";
    }

    /** db-scheduler's table. */
    public String scheduledTasks() {
        return prefix + "scheduled_tasks";
    }

    /** {@code sql} of the shipped DDL with this prefix in place of {@code vidgen_} in every identifier. */
    public String rewrite(String sql) {
        return SHIPPED.matcher(sql).replaceAll(Matcher.quoteReplacement(prefix));
    }

    // quoted, printable ASCII only, cut short: the value may come from anywhere and goes into logs
    private static String sanitised(String value) {
        StringBuilder b = new StringBuilder("'");
        value.codePoints().limit(80).forEach(cp -> b.append(cp >= 0x20 && cp < 0x7f ? Character.toString(cp) : "?"));
        return b.append(value.length() > 80 ? "...'" : "'").toString();
    }

    @Override
    public String toString() {
        return "tables " + jobs() + ", " + gate() + ", " + scheduledTasks();
    }
}
