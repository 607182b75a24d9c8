package dev.vidgen.adapter.support;

import dev.vidgen.ports.http.HttpRequest;
import java.net.URI;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Checks every transport needs, so that each adapter keeps the SPI's contract the same way:
 * an absolute http(s) URI, methods and header names that are HTTP tokens, header values free of
 * control characters (no header injection), the transport's own hop-by-hop headers never copied
 * from the request, and a positive timeout.
 */
public final class TransportSupport {

    private static final String TOKEN_PUNCTUATION = "!#$%&'*+-.^_`|~";
    /** Headers the transport computes itself; a request's own values are not sent. */
    private static final Set<String> COMPUTED_HEADERS = Set.of("host", "content-length", "transfer-encoding",
            "connection", "expect", "upgrade", "keep-alive", "te", "trailer", "proxy-connection");

    private TransportSupport() {
    }

    /** Refuses a URI that is not absolute http or https with a host. */
    public static URI checkUri(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("http") || scheme.equals("https"))) {
            throw new IllegalArgumentException("uri must be an absolute http or https URI with a host, got " + uri);
        }
        return uri;
    }

    /** The request's timeout, else {@code fallback}; refuses one that is not positive. */
    public static Duration timeoutOf(HttpRequest request, Duration fallback) {
        Duration timeout = request.timeout() != null ? request.timeout() : fallback;
        if (timeout.isZero() || timeout.isNegative()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        return timeout;
    }

    /**
     * Checks the URI, the method and every header, then hands each header value the transport
     * should send to {@code add} (the computed ones are left out).
     */
    public static void checkAndForEachHeader(HttpRequest request, BiConsumer<String, String> add) {
        checkUri(request.uri());
        checkMethod(request.method());
        request.headers().forEach((name, values) -> {
            checkHeaderName(name);
            if (COMPUTED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                return;
            }
            for (String value : values) {
                checkHeaderValue(name, value);
                add.accept(name, value);
            }
        });
    }

    /** Refuses a method that is not an HTTP token. */
    public static void checkMethod(String method) {
        if (method.isEmpty() || firstNonToken(method) >= 0) {
            throw new IllegalArgumentException("method must be an HTTP token such as GET or POST");
        }
    }

    /** Refuses a header name that is not an HTTP token. */
    public static void checkHeaderName(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("header name must not be empty");
        }
        int bad = firstNonToken(name);
        if (bad >= 0) {
            throw new IllegalArgumentException("header name must be an HTTP token; character " + bad + " of a "
                    + name.length() + "-character name is not allowed");
        }
    }

    /** Refuses a header value with a control character; the message names the header and the position, never the value (it may be an API key). */
    public static void checkHeaderValue(String name, String value) {
        if (value == null) {
            throw new IllegalArgumentException("header " + name + ": value must not be null");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7f || c > 0xff) {
                throw new IllegalArgumentException("header " + name + ": value has a control or non-Latin-1 character at index " + i
                        + " (line breaks would inject headers)");
            }
        }
    }

    private static int firstNonToken(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            boolean token = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || TOKEN_PUNCTUATION.indexOf(c) >= 0;
            if (!token) {
                return i;
            }
        }
        return -1;
    }
}
