package dev.vidgen.micrometer;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Turns untrusted text (a model id or error code from the server's answer) into a metric tag value
 * of bounded cardinality: a value that does not look like an identifier becomes {@value #OTHER},
 * and so does every new value once {@code limit} distinct ones have been seen. Thread-safe.
 */
final class BoundedTags {

    /** The value for anything unusual or past the limit. */
    static final String OTHER = "other";
    /** The value when there is none. */
    static final String NONE = "none";

    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:-]{0,63}");

    private final int limit;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    BoundedTags(int limit) {
        this.limit = limit;
    }

    String of(String raw) {
        if (raw == null || raw.isEmpty()) {
            return NONE;
        }
        if (!IDENTIFIER.matcher(raw).matches()) {
            return OTHER;
        }
        if (seen.contains(raw)) {
            return raw;
        }
        if (seen.size() >= limit) {
            return OTHER;
        }
        seen.add(raw);
        return raw;
    }
}
