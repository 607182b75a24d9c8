package dev.vidgen.client.retry;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Reads a {@code Retry-After} header: delay seconds or an HTTP date (RFC 9110 section 10.2.3). */
public final class RetryAfter {

    /** The longest wait honoured; longer ones are cut to it (a call's deadline cuts it further). */
    public static final Duration MAX = Duration.ofDays(1);

    private RetryAfter() {
    }

    /**
     * The wait the header asks for, measured from {@code now}, at most {@link #MAX}; a date in the past is zero. Empty for
     * a missing or unreadable header (which is then ignored, as the RFC says).
     */
    public static Optional<Duration> parse(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return Optional.empty();
        }
        String v = header.strip();
        if (v.chars().allMatch(Character::isDigit)) {
            try {
                long seconds = Long.parseLong(v);
                return Optional.of(seconds > MAX.getSeconds() ? MAX : Duration.ofSeconds(seconds));
            } catch (NumberFormatException e) {
                return Optional.of(MAX); // more digits than a long: a very long wait, cut to MAX
            }
        }
        try {
            Instant at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
            Duration d = Duration.between(now, at);
            return Optional.of(d.isNegative() ? Duration.ZERO : d.compareTo(MAX) > 0 ? MAX : d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }
}
