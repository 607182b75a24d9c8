package dev.vidgen.ports.http;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One HTTP request as the transport SPI sees it.
 *
 * @param method  {@code GET}, {@code POST}, ...
 * @param uri     the absolute URI
 * @param headers header names to values, names as given (transports send them as given)
 * @param body    the body bytes, empty for none (never {@code null})
 * @param timeout the longest the whole exchange may take (waiting for a connection, the head and the whole body);
 *                {@code null} for the transport's default
 */
public record HttpRequest(String method, URI uri, Map<String, List<String>> headers, byte[] body, Duration timeout) {

    private static final byte[] EMPTY = new byte[0];

    /** Copies the headers; a {@code null} body is empty. */
    public HttpRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        Map<String, List<String>> copy = new LinkedHashMap<>();
        if (headers != null) {
            headers.forEach((k, v) -> copy.put(k, List.copyOf(v)));
        }
        headers = java.util.Collections.unmodifiableMap(copy);
        body = body == null ? EMPTY : body;
    }

    /** A GET with no headers. */
    public static HttpRequest get(URI uri) {
        return new HttpRequest("GET", uri, Map.of(), EMPTY, null);
    }

    /** This request with one more header value. */
    public HttpRequest withHeader(String name, String value) {
        Map<String, List<String>> copy = new LinkedHashMap<>(headers);
        copy.merge(name, List.of(value), (a, b) -> {
            List<String> merged = new java.util.ArrayList<>(a);
            merged.addAll(b);
            return merged;
        });
        return new HttpRequest(method, uri, copy, body, timeout);
    }

    /** This request with another timeout. */
    public HttpRequest withTimeout(Duration newTimeout) {
        return new HttpRequest(method, uri, headers, body, newTimeout);
    }

    /** The first value of a header, matched case-insensitively. */
    public java.util.Optional<String> header(String name) {
        return Headers.first(headers, name);
    }

    /** Never prints header values (they carry the API key) or the body. */
    @Override
    public String toString() {
        return "HttpRequest[" + method + " " + uri + ", headers=" + headers.keySet() + ", body=" + body.length + " bytes]";
    }
}
