package dev.vidgen.fake.server;

import dev.vidgen.loopback.ConnectionFaults;
import dev.vidgen.loopback.HttpRequest;
import dev.vidgen.loopback.HttpRequestReader;
import dev.vidgen.loopback.HttpRequestReader.RequestTooLargeException;
import dev.vidgen.loopback.LoopbackServer;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URISyntaxException;

/**
 * Serves one accepted connection of the fake API on its own thread: HTTP/1.1 requests one after
 * another (keep-alive), each answered by the {@link ApiHandler}, until the client closes, a request
 * says {@code Connection: close}, or an answer or fault ends the connection.
 */
final class ApiConnection implements LoopbackServer.Handler {

    /** The most bytes of request line and headers. */
    static final int MAX_HEAD_BYTES = 64 * 1024;
    /** The most body bytes: far more than any request to the API (the largest the tests send is about 1 MB). */
    static final int MAX_BODY_BYTES = 32 * 1024 * 1024;

    private static final HttpRequestReader READER = new HttpRequestReader(MAX_HEAD_BYTES, MAX_BODY_BYTES);
    /** How long a refused request's unread rest is drained, so that closing sends FIN, not RST, and the client reads the refusal. */
    private static final int DRAIN_MILLIS = 1_000;

    private final ApiHandler handler;
    private final WireWriter writer;

    ApiConnection(ApiHandler handler, WireWriter writer) {
        this.handler = handler;
        this.writer = writer;
    }

    @Override
    public void handle(Socket socket, int connection) throws IOException {
        socket.setTcpNoDelay(true); // head and body go out in one flush, but a small answer must not wait for an ACK
        InputStream in = new BufferedInputStream(socket.getInputStream());
        OutputStream out = new BufferedOutputStream(socket.getOutputStream());
        while (true) {
            HttpRequest request;
            Exchange ex;
            try {
                request = READER.read(in, out);
                if (request == null) {
                    return; // the client closed the connection between requests
                }
                ex = Exchange.of(request, socket, out);
            } catch (RequestTooLargeException e) {
                refuse(socket, in, out, Answer.error(413, "invalid_request_error", null, e.getMessage()));
                return;
            } catch (URISyntaxException e) {
                refuse(socket, in, out, Answer.error(400, "invalid_request_error", null, "bad request target: " + e.getMessage()));
                return;
            } catch (IOException e) {
                // malformed, or cut short (then the 400 finds nobody to read it)
                refuse(socket, in, out, Answer.error(400, "invalid_request_error", null, "bad request: " + e.getMessage()));
                return;
            }
            handler.handle(ex);
            if (!ex.keepAlive()) {
                return;
            }
        }
    }

    /** Answers a request the fake cannot read, then closes: FIN first, then what the client still sends is drained a moment. */
    private void refuse(Socket socket, InputStream in, OutputStream out, Answer answer) {
        writer.trySend(Exchange.unreadable(socket, out), answer);
        try {
            ConnectionFaults.halfClose(socket);
            socket.setSoTimeout(DRAIN_MILLIS);
            long left = 2L * MAX_BODY_BYTES;
            byte[] sink = new byte[8192];
            int n;
            while (left > 0 && (n = in.read(sink)) >= 0) {
                left -= n;
            }
        } catch (SocketTimeoutException e) {
            // the client sends no more but keeps the connection open: close it now
        } catch (IOException e) {
            // the client went away: nothing to drain
        }
    }
}
