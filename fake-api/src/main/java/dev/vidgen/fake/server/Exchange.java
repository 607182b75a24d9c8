package dev.vidgen.fake.server;

import dev.vidgen.loopback.HttpRequest;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One request read off a connection of the fake API, with that connection's socket and output, so
 * that an answer can be written or a fault can break the connection itself.
 */
final class Exchange {

    final String method;
    /** The decoded path of the target. */
    final String path;
    /** The raw query, or {@code null}. */
    final String rawQuery;
    /** Header names normalised as the JDK's HTTP server did ({@code Content-type}), values in order. */
    final Map<String, List<String>> headers;
    final byte[] body;
    final Socket socket;
    final OutputStream out;
    private boolean keepAlive;

    private Exchange(String method, String path, String rawQuery, Map<String, List<String>> headers, byte[] body,
                     Socket socket, OutputStream out, boolean keepAlive) {
        this.method = method;
        this.path = path;
        this.rawQuery = rawQuery;
        this.headers = headers;
        this.body = body;
        this.socket = socket;
        this.out = out;
        this.keepAlive = keepAlive;
    }

    /**
     * The exchange of {@code request}.
     *
     * @throws URISyntaxException if the request target is no URI
     */
    static Exchange of(HttpRequest request, Socket socket, OutputStream out) throws URISyntaxException {
        URI target = new URI(request.target());
        boolean keepAlive = request.headerValues("Connection").stream()
                .flatMap(v -> List.of(v.split(",")).stream()).noneMatch(t -> t.trim().equalsIgnoreCase("close"));
        return new Exchange(request.method(), target.getPath() == null ? "" : target.getPath(), target.getRawQuery(),
                normalised(request.headers()), request.body(), socket, out, keepAlive);
    }

    /** An exchange for the answer to a request that could not be read; the connection ends after it. */
    static Exchange unreadable(Socket socket, OutputStream out) {
        return new Exchange("", "", null, Map.of(), new byte[0], socket, out, false);
    }

    /** The first value of a header, matched case-insensitively, or {@code null}. */
    String header(String name) {
        List<String> values = headers.get(normalise(name));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** The base URL of the server as this connection reached it, for links in answers. */
    URI base() {
        return URI.create("http://127.0.0.1:" + socket.getLocalPort());
    }

    /** Whether the connection may carry another request after this answer. */
    boolean keepAlive() {
        return keepAlive;
    }

    /** The connection ends after this exchange (the answer says so, failed, or a fault broke it). */
    void endConnection() {
        keepAlive = false;
    }

    private static Map<String, List<String>> normalised(Map<String, List<String>> sent) {
        Map<String, List<String>> headers = new LinkedHashMap<>();
        sent.forEach((name, values) -> headers.computeIfAbsent(normalise(name), k -> new ArrayList<>()).addAll(values));
        headers.replaceAll((k, v) -> List.copyOf(v));
        return Collections.unmodifiableMap(headers);
    }

    /** First letter upper case, the rest lower case: the names {@code RecordedRequest#headers()} has always shown. */
    private static String normalise(String name) {
        if (name.isEmpty()) {
            return name;
        }
        return Character.toUpperCase(name.charAt(0)) + name.substring(1).toLowerCase(Locale.ROOT);
    }
}
