package dev.vidgen.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes text that came from a server (or from a library message quoting one) safe and readable on
 * a terminal: control and invisible formatting characters shown escaped, so that a hostile server
 * cannot clear the screen, set the window title or forge an {@code error:} line with CR/LF.
 */
final class Printable {

    /** {@code scheme://user:password@}: the part before {@code @} is masked in errors. */
    private static final Pattern USER_INFO = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/?#@\\s]*@");
    /** ISO-8601 durations as {@link Duration#toString()} writes them, for example {@code PT1M30S}. */
    private static final Pattern ISO_DURATION = Pattern.compile("\\bPT(?:\\d+H)?(?:\\d+M)?(?:\\d+(?:\\.\\d+)?S)?\\b");

    private Printable() {
    }

    /**
     * The text with every C0 and C1 control character (CR, LF and ESC included), DEL, and every
     * invisible formatting character (bidi overrides, zero-width characters, line and paragraph
     * separators) written as <code>&#92;uXXXX</code>; {@code null} as {@code "null"}.
     */
    static String text(String s) {
        if (s == null) {
            return "null";
        }
        StringBuilder sb = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (unsafe(c)) {
                if (sb == null) {
                    sb = new StringBuilder(s.length() + 16).append(s, 0, i);
                }
                sb.append(String.format("\\u%04x", (int) c));
            } else if (sb != null) {
                sb.append(c);
            }
        }
        return sb == null ? s : sb.toString();
    }

    /** Whether {@code c} must not reach a terminal as it is. */
    static boolean unsafe(char c) {
        int type = Character.getType(c);
        return type == Character.CONTROL || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                || type == Character.PARAGRAPH_SEPARATOR;
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
