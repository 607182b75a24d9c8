package dev.vidgen.loopback;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Request reading over a real loopback connection, with its bounds. */
class HttpRequestReaderTest {

    private final BlockingQueue<Object> results = new LinkedBlockingQueue<>();

    /** A server whose connections read requests with {@code reader}, answer 200, and report each request or the failure. */
    private LoopbackServer server(HttpRequestReader reader) throws IOException {
        return LoopbackServer.start(0, 50, "loopback-reader-test-", (socket, n) -> {
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            try {
                HttpRequest request;
                while ((request = reader.read(in, out)) != null) {
                    results.add(request);
                    HttpResponseWriter.write(out, 200, java.util.Map.of(), new byte[0], true);
                }
            } catch (IOException e) {
                results.add(e);
            }
        });
    }

    private static String exchange(LoopbackServer server, String request) throws IOException {
        try (Socket s = new Socket(InetAddress.getByAddress(new byte[] {127, 0, 0, 1}), server.port())) {
            s.setSoTimeout(10_000);
            s.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
            s.shutdownOutput();
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    private Object next() throws InterruptedException {
        return results.poll(10, TimeUnit.SECONDS);
    }

    private Throwable failure() throws InterruptedException {
        Object o = next();
        assertThat(o).isInstanceOf(Throwable.class);
        return (Throwable) o;
    }

    @Test
    void readsHeadersAndAContentLengthBodyAndKeepsTheConnection() throws Exception {
        try (LoopbackServer server = server(new HttpRequestReader(1024, 1024))) {
            String answers = exchange(server, "POST /a?b=1 HTTP/1.1\r\nHost: x\r\nX-Two: 1\r\nx-two: 2\r\nContent-Length: 5\r\n\r\nhello"
                    + "GET /second HTTP/1.1\r\n\r\n");
            HttpRequest first = (HttpRequest) next();
            assertThat(first.method()).isEqualTo("POST");
            assertThat(first.target()).isEqualTo("/a?b=1");
            assertThat(first.headerValues("X-TWO")).containsExactly("1", "2");
            assertThat(first.body()).asString(StandardCharsets.US_ASCII).isEqualTo("hello");
            assertThat(((HttpRequest) next()).target()).isEqualTo("/second");
            assertThat(answers).containsPattern("(?s)HTTP/1.1 200 OK.*HTTP/1.1 200 OK");
        }
    }

    @Test
    void readsAChunkedBodyAndAnswersExpectContinue() throws Exception {
        try (LoopbackServer server = server(new HttpRequestReader(1024, 1024))) {
            String answers = exchange(server, "PUT /c HTTP/1.1\r\nExpect: 100-continue\r\nTransfer-Encoding: chunked\r\n\r\n"
                    + "3;ext=1\r\nabc\r\n2\r\nde\r\n0\r\nTrailer: t\r\n\r\n");
            assertThat(((HttpRequest) next()).body()).asString(StandardCharsets.US_ASCII).isEqualTo("abcde");
            assertThat(answers).startsWith("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK");
        }
    }

    @Test
    void aHeadPastTheCapIsRefused() throws Exception {
        try (LoopbackServer server = server(new HttpRequestReader(64, 1024))) {
            String answers = exchange(server, "GET / HTTP/1.1\r\nX-Long: " + "y".repeat(100) + "\r\n\r\n");
            assertThat(failure()).isInstanceOf(HttpRequestReader.RequestTooLargeException.class)
                    .hasToString("dev.vidgen.loopback.HttpRequestReader$RequestTooLargeException: request head larger than 64 bytes");
            assertThat(answers).isEmpty();
        }
    }

    @Test
    void aBodyPastTheCapIsRefusedWhetherItsLengthIsAnnouncedOrChunked() throws Exception {
        try (LoopbackServer server = server(new HttpRequestReader(1024, 4))) {
            exchange(server, "POST / HTTP/1.1\r\nContent-Length: 5\r\n\r\n"); // refused from the length: no body was sent
            assertThat(failure()).isInstanceOf(HttpRequestReader.RequestTooLargeException.class)
                    .hasMessage("request body larger than 4 bytes");
            exchange(server, "POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n3\r\ndef\r\n0\r\n\r\n");
            assertThat(failure()).isInstanceOf(HttpRequestReader.RequestTooLargeException.class)
                    .hasMessage("request body larger than 4 bytes");
        }
    }

    @Test
    void aCutShortBodyAndABadRequestLineAreErrors() throws Exception {
        try (LoopbackServer server = server(new HttpRequestReader(1024, 1024))) {
            exchange(server, "POST / HTTP/1.1\r\nContent-Length: 9\r\n\r\nabc");
            assertThat(failure()).isInstanceOf(IOException.class).hasMessage("request body cut short");
            exchange(server, "NONSENSE\r\n\r\n");
            assertThat(failure()).isInstanceOf(IOException.class).hasMessage("bad request line");
        }
    }
}
