package dev.vidgen.ports.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP response: any status, 1xx aside, is a response and not an exception.
 *
 * @param status  the status code
 * @param headers header names to values
 * @param body    the body bytes, empty for none (never {@code null}); empty for a download, whose body went to the file
 */
public record HttpResponse(int status, Map<String, List<String>> headers, byte[] body) {

    public HttpResponse {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        if (headers != null) {
            headers.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        }
        headers = java.util.Collections.unmodifiableMap(copy);
        body = body == null ? new byte[0] : body;
    }

    /** The first value of a header, matched case-insensitively. */
    public Optional<String> header(String name) {
        return Headers.first(headers, name);
    }

    @Override
    public String toString() {
        return "HttpResponse[" + status + ", body=" + body.length + " bytes]";
    }
}
