package dev.vidgen.ports.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The status line and headers of a response, as a {@link BodyHandler} sees them before any body byte.
 *
 * @param status  the status code
 * @param headers header names to values
 */
public record ResponseHead(int status, Map<String, List<String>> headers) {

    /** Copies the headers. */
    public ResponseHead {
        headers = copy(headers);
    }

    /** The first value of a header, matched case-insensitively. */
    public Optional<String> header(String name) {
        return Headers.first(headers, name);
    }

    /** Whether the status is 2xx. */
    public boolean isSuccess() {
        return status >= 200 && status <= 299;
    }

    static Map<String, List<String>> copy(Map<String, List<String>> headers) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        if (headers != null) {
            headers.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        }
        return Collections.unmodifiableMap(copy);
    }
}
