package dev.vidgen.cli;

import dev.vidgen.client.protocol.Sanitizer;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes text that came from a server (or from a library message quoting one) safe and readable on
 * a terminal. The escaping is the protocol's {@link Sanitizer} (the one sanitizer of the project);
 * this class adds what only the CLI's messages need: user info of URLs masked and ISO durations
 * written for people.
 */
final class Printable {

    /** {@code scheme://user:password@}: the part before {@code @} is masked in errors. */
    private static final Pattern USER_INFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/?#@\\s]*@");
    /** ISO-8601 durations as {@link Duration#toString()} writes them, for example {@code PT1M30S}. */
    private static final Pattern ISO_DURATION = Pattern.compile("\\bPT(?:\\d+H)?(?:\\d+M)?(?:\\d+(?:\\.\\d+)?S)?\\b");

    private Printable() {
    }

    /** {@link Sanitizer#sanitize(String) Sanitized} text; {@code null} as {@code "null"}. */
    static String text(String s) {
        return s == null ? "null" : Sanitizer.sanitize(s);
    }

    /**
     * An error message ready to print: {@link #text escaped}, the user info of any URL masked
     * ({@code https://***@host/}), and ISO durations written for people ({@code PT1M30S} as {@code 1m30s}).
     */
    static String error(String s) {
        return humanDurations(USER_INFO.matcher(text(s)).replaceAll("$1***@"));
    }

    /** Every ISO-8601 duration in {@code s} in the short form of {@link Durations#format}. */
    static String humanDurations(String s) {
        Matcher m = ISO_DURATION.matcher(s);
        StringBuilder sb = new StringBuilder(s.length());
        while (m.find()) {
            String replacement = m.group();
            if (replacement.length() > 2) {
                try {
                    replacement = Durations.format(Duration.parse(replacement));
                } catch (DateTimeParseException e) {
                    // not a duration after all: keep the text
                }
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}
