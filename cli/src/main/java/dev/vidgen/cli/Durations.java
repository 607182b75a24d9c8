package dev.vidgen.cli;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine;

/**
 * Reads and writes durations as people type them: {@code 90s}, {@code 5m}, {@code 1h},
 * {@code 1h30m}, {@code 500ms}, or ISO-8601 such as {@code PT5M}.
 */
final class Durations implements CommandLine.ITypeConverter<Duration> {

    /**
     * The longest duration accepted: longer than any wait makes sense for (results expire a day
     * after completion), and far from what {@code Instant.plus} can hold.
     */
    static final Duration MAX = Duration.ofDays(7);

    private static final Pattern PART = Pattern.compile("(\\d+)(ms|s|m|h|d)");
    private static final Pattern WHOLE = Pattern.compile("(?:\\d+(?:ms|s|m|h|d))+");

    @Override
    public Duration convert(String value) {
        return parse(value);
    }

    /**
     * Parses a positive duration of at most {@link #MAX}.
     *
     * @throws CommandLine.TypeConversionException naming the accepted forms, or the limit
     */
    static Duration parse(String value) {
        String text = value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
        Duration d = null;
        if (text.startsWith("p")) {
            try {
                d = Duration.parse(text.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException | ArithmeticException e) {
                d = null;
            }
        } else if (WHOLE.matcher(text).matches()) {
            d = Duration.ZERO;
            Matcher m = PART.matcher(text);
            while (m.find()) {
                long n;
                try {
                    n = Long.parseLong(m.group(1));
                } catch (NumberFormatException e) {
                    throw invalid(value);
                }
                try {
                    d = d.plus(switch (m.group(2)) {
                        case "ms" -> Duration.ofMillis(n);
                        case "s" -> Duration.ofSeconds(n);
                        case "m" -> Duration.ofMinutes(n);
                        case "h" -> Duration.ofHours(n);
                        default -> Duration.ofDays(n);
                    });
                } catch (ArithmeticException e) {
                    throw tooLong(value);
                }
            }
        }
        if (d == null) {
            throw invalid(value);
        }
        if (d.isZero() || d.isNegative()) {
            throw new CommandLine.TypeConversionException("'" + value + "' is not a positive duration");
        }
        if (d.compareTo(MAX) > 0) {
            throw tooLong(value);
        }
        return d;
    }

    private static CommandLine.TypeConversionException invalid(String value) {
        return new CommandLine.TypeConversionException("'" + value + "' is not a duration: use for example 90s, 5m, 1h, 1h30m, 500ms or PT5M");
    }

    private static CommandLine.TypeConversionException tooLong(String value) {
        return new CommandLine.TypeConversionException("'" + value + "' is too long: at most 7d");
    }

    /** Short human form: {@code 850ms}, {@code 2.9s}, {@code 12s}, {@code 1m05s}, {@code 2h03m}. */
    static String format(Duration d) {
        if (d == null) {
            return "?";
        }
        if (d.isNegative()) {
            d = Duration.ZERO;
        }
        long seconds = d.getSeconds();
        if (seconds >= 3600) {
            return String.format(Locale.ROOT, "%dh%02dm", seconds / 3600, (seconds % 3600) / 60);
        }
        if (seconds >= 60) {
            return String.format(Locale.ROOT, "%dm%02ds", seconds / 60, seconds % 60);
        }
        long millis = d.toMillis();
        if (millis < 1_000 && millis > 0) {
            return millis + "ms";
        }
        if (millis < 9_950) {
            long tenths = (millis + 50) / 100;
            return tenths % 10 == 0 ? tenths / 10 + "s" : String.format(Locale.ROOT, "%d.%ds", tenths / 10, tenths % 10);
        }
        return Math.min(59, (millis + 500) / 1_000) + "s";
    }
}
