package dev.vidgen.loopback;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** Writes HTTP/1.1 response heads and whole responses. */
public final class HttpResponseWriter {

    private HttpResponseWriter() {
    }

    /**
     * Writes a whole response and flushes; 204 and 304 get no body and no length.
     *
     * @param keepAlive whether the connection stays open ({@code Connection: close} otherwise)
     */
    public static void write(OutputStream out, int status, Map<String, String> headers, byte[] body, boolean keepAlive) throws IOException {
        boolean bodyless = status == 204 || status == 304;
        writeHead(out, status, headers, bodyless ? -1 : body.length, keepAlive);
        if (!bodyless) {
            out.write(body);
        }
        out.flush();
    }

    /**
     * Writes a response head (not flushed).
     *
     * @param contentLength the {@code Content-Length} to announce, or a negative number for none
     */
    public static void writeHead(OutputStream out, int status, Map<String, String> headers, long contentLength, boolean keepAlive)
            throws IOException {
        StringBuilder head = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
        headers.forEach((k, v) -> head.append(k).append(": ").append(v).append("\r\n"));
        if (contentLength >= 0) {
            head.append("Content-Length: ").append(contentLength).append("\r\n");
        }
        if (!keepAlive) {
            head.append("Connection: close\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The reason phrase sent for {@code status}. */
    public static String reason(int status) {
        return switch (status) {
            case 100 -> "Continue";
            case 200 -> "OK";
            case 201 -> "Created";
            case 202 -> "Accepted";
            case 204 -> "No Content";
            case 301 -> "Moved Permanently";
            case 302 -> "Found";
            case 304 -> "Not Modified";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 402 -> "Payment Required";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 407 -> "Proxy Authentication Required";
            case 410 -> "Gone";
            case 413 -> "Content Too Large";
            case 422 -> "Unprocessable Entity";
            case 429 -> "Too Many Requests";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            default -> "Status";
        };
    }
}
