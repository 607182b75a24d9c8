package dev.vidgen.loopback;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads HTTP/1.1 requests (request line, headers, a {@code Content-Length} or chunked body) with
 * bounds: a head over {@code maxHeadBytes} or a body over {@code maxBodyBytes} is refused with a
 * {@link RequestTooLargeException} before more of it is read.
 */
public final class HttpRequestReader {

    /** A request past one of the reader's bounds. */
    public static final class RequestTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        RequestTooLargeException(String what, long limit) {
            super(what + " larger than " + limit + " bytes");
        }
    }

    private final int maxHeadBytes;
    private final long maxBodyBytes;

    /**
     * @param maxHeadBytes the most bytes of request line and headers together
     * @param maxBodyBytes the most body bytes (at most {@link Integer#MAX_VALUE} - 8)
     */
    public HttpRequestReader(int maxHeadBytes, long maxBodyBytes) {
        if (maxHeadBytes <= 0 || maxBodyBytes < 0 || maxBodyBytes > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("maxHeadBytes must be > 0 and maxBodyBytes in 0.." + (Integer.MAX_VALUE - 8));
        }
        this.maxHeadBytes = maxHeadBytes;
        this.maxBodyBytes = maxBodyBytes;
    }

    /**
     * Reads one request; answers {@code Expect: 100-continue} on {@code out} before the body.
     *
     * @return the request, or {@code null} when the peer closed the connection before sending one
     * @throws IOException if the request is malformed, too large or cut short
     */
    public HttpRequest read(InputStream in, OutputStream out) throws IOException {
        int[] budget = {maxHeadBytes};
        String requestLine = readLine(in, true, budget);
        if (requestLine == null) {
            return null;
        }
        String[] parts = requestLine.split(" ");
        if (parts.length != 3) {
            throw new IOException("bad request line");
        }
        Map<String, List<String>> headers = new LinkedHashMap<>();
        String line;
        while (!(line = readLine(in, false, budget)).isEmpty()) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IOException("bad header line");
            }
            headers.computeIfAbsent(line.substring(0, colon).trim(), k -> new ArrayList<>()).add(line.substring(colon + 1).trim());
        }
        HttpRequest head = new HttpRequest(parts[0], parts[1], headers, new byte[0]);
        if ("100-continue".equalsIgnoreCase(head.header("Expect").orElse(""))) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
        byte[] body;
        if ("chunked".equalsIgnoreCase(head.header("Transfer-Encoding").orElse(""))) {
            body = readChunked(in);
        } else {
            long length = parseLength(head.header("Content-Length").orElse("0"));
            if (length > maxBodyBytes) {
                throw new RequestTooLargeException("request body", maxBodyBytes);
            }
            body = in.readNBytes((int) length);
            if (body.length != length) {
                throw new IOException("request body cut short");
            }
        }
        return new HttpRequest(parts[0], parts[1], headers, body);
    }

    private static long parseLength(String value) throws IOException {
        try {
            long n = Long.parseLong(value.trim());
            if (n < 0) {
                throw new IOException("negative Content-Length");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IOException("bad Content-Length: " + value);
        }
    }

    private byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int[] lineBudget = {maxHeadBytes};
        while (true) {
            String sizeLine = readLine(in, false, lineBudget);
            int semicolon = sizeLine.indexOf(';');
            long size;
            try {
                size = Long.parseLong((semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim(), 16);
            } catch (NumberFormatException e) {
                throw new IOException("bad chunk size: " + sizeLine);
            }
            if (size == 0) {
                while (!readLine(in, false, lineBudget).isEmpty()) {
                    // trailers are ignored
                }
                return body.toByteArray();
            }
            if (size < 0 || body.size() + size > maxBodyBytes) {
                throw new RequestTooLargeException("request body", maxBodyBytes);
            }
            byte[] chunk = in.readNBytes((int) size);
            if (chunk.length != size) {
                throw new IOException("chunk cut short");
            }
            body.write(chunk);
            readLine(in, false, lineBudget);
        }
    }

    /** One CRLF-terminated line in ISO-8859-1, charged to {@code budget}; {@code null} at end of stream if {@code eofAllowed}. */
    private String readLine(InputStream in, boolean eofAllowed, int[] budget) throws IOException {
        StringBuilder sb = new StringBuilder();
        while (true) {
            int b = in.read();
            if (b == -1) {
                if (eofAllowed && sb.length() == 0) {
                    return null;
                }
                throw new IOException("connection closed mid-line");
            }
            if (--budget[0] < 0) {
                throw new RequestTooLargeException("request head", maxHeadBytes);
            }
            if (b == '\n') {
                int len = sb.length();
                if (len > 0 && sb.charAt(len - 1) == '\r') {
                    sb.setLength(len - 1);
                }
                return sb.toString();
            }
            sb.append((char) b);
        }
    }
}
