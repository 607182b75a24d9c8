package dev.vidgen.loopback;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One HTTP/1.1 request as read off the wire.
 *
 * @param method  the method
 * @param target  the request target as sent (origin or absolute form)
 * @param headers header names as sent to their values, in order
 * @param body    the body bytes (de-chunked)
 */
public record HttpRequest(String method, String target, Map<String, List<String>> headers, byte[] body) {

    /** The first value of a header, matched case-insensitively. */
    public Optional<String> header(String name) {
        return headerValues(name).stream().findFirst();
    }

    /** Every value of a header, matched case-insensitively, in order. */
    public List<String> headerValues(String name) {
        List<String> values = new ArrayList<>();
        headers.forEach((k, v) -> {
            if (k.equalsIgnoreCase(name)) {
                values.addAll(v);
            }
        });
        return values;
    }

    @Override
    public String toString() {
        return "HttpRequest[" + method + " " + target + ", headers=" + headers.keySet() + ", body=" + body.length + " bytes]";
    }
}
